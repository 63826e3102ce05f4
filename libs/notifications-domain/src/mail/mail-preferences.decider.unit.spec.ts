import type { NotificationPreferenceSet } from '@talentloop/contracts';
import { fold } from '@talentloop/domain-kernel';
import { DeciderSpecification } from '@talentloop/testing';
import {
  mailPreferencesDecider,
  type MailPreferenceCommand,
  type NotificationPreferenceVia,
} from './mail-preferences.decider';
import type { NotificationPreference } from './mail.types';

const spec = DeciderSpecification.for(mailPreferencesDecider);
const employeeId = 'emp-1001';
const at = '2026-04-03T09:00:00.000Z';

describe('a person who never set a preference', () => {
  it('is mailed immediately', () => expect(fold(mailPreferencesDecider, [])).toBe('immediately'));

  it('turns mails off with the unsubscribe link', () =>
    spec
      .given([])
      .when(setPreference('off', 'unsubscribe-link'))
      .then([preferenceSet('off', 'unsubscribe-link')]));

  it('chooses the daily digest in their settings', () =>
    spec
      .given([])
      .when(setPreference('daily-digest'))
      .then([preferenceSet('daily-digest')]));

  it('changes nothing by choosing what they have already: each mail immediately', () =>
    spec.given([]).when(setPreference('immediately')).then([]));
});

describe('a person who turned mails off', () => {
  const history = [preferenceSet('off', 'unsubscribe-link')];

  it('changes nothing by clicking the unsubscribe link again', () =>
    spec.given(history).when(setPreference('off', 'unsubscribe-link')).then([]));

  it('changes nothing by saving "off" in their settings', () =>
    spec.given(history).when(setPreference('off')).then([]));

  it('turns mails back on in their settings', () =>
    spec
      .given(history)
      .when(setPreference('immediately'))
      .thenState((state) => expect(state).toBe('immediately')));
});

describe('a person on the daily digest', () => {
  const history = [preferenceSet('off'), preferenceSet('daily-digest')];

  it('has the preference they set last', () =>
    expect(fold(mailPreferencesDecider, history)).toBe('daily-digest'));

  it('unsubscribes with the link, recording how and when', () =>
    spec
      .given(history)
      .when(setPreference('off', 'unsubscribe-link'))
      .then([
        {
          type: 'NotificationPreferenceSet',
          data: { employeeId, preference: 'off', via: 'unsubscribe-link', setAt: at },
        },
      ]));
});

function setPreference(
  preference: NotificationPreference,
  via: NotificationPreferenceVia = 'settings',
): MailPreferenceCommand {
  return { type: 'SetNotificationPreference', employeeId, preference, via, at };
}

function preferenceSet(
  preference: NotificationPreference,
  via: NotificationPreferenceVia = 'settings',
): NotificationPreferenceSet {
  return { type: 'NotificationPreferenceSet', data: { employeeId, preference, via, setAt: at } };
}
