import type { NotificationPreferenceSet } from '@talentloop/contracts';
import { assertNever, type Decider } from '@talentloop/domain-kernel';
import { defaultNotificationPreference } from './mail-people';
import type { NotificationPreference } from './mail.types';

export type NotificationPreferenceVia = NotificationPreferenceSet['data']['via'];

export type MailPreferenceCommand = {
  readonly type: 'SetNotificationPreference';
  readonly employeeId: string;
  readonly preference: NotificationPreference;
  /** Their settings, or the one-click unsubscribe link of a mail (RFC 8058). */
  readonly via: NotificationPreferenceVia;
  /** When it was set, ISO 8601: time comes with the command. */
  readonly at: string;
};

/** How the person wants to be mailed now; each mail as it happens until they say otherwise. */
export type MailPreferenceState = NotificationPreference;

const decide = (
  command: MailPreferenceCommand,
  state: MailPreferenceState,
): readonly NotificationPreferenceSet[] => {
  switch (command.type) {
    case 'SetNotificationPreference': {
      const { employeeId, preference, via, at } = command;
      // An unsubscribe link clicked twice, or a settings page saved unchanged, changes nothing.
      if (preference === state) return [];
      return [
        { type: 'NotificationPreferenceSet', data: { employeeId, preference, via, setAt: at } },
      ];
    }
    default:
      return assertNever(command.type);
  }
};

export const mailPreferencesDecider: Decider<
  MailPreferenceCommand,
  NotificationPreferenceSet,
  MailPreferenceState
> = {
  initialState: () => defaultNotificationPreference,
  evolve: (_state, event) => event.data.preference,
  decide,
};
