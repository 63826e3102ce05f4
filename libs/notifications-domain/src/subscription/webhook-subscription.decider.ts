import type {
  WebhookDataAccessSet,
  WebhookSecretRotated,
  WebhookSubscriptionChanged,
  WebhookSubscriptionCreated,
  WebhookSubscriptionDeleted,
  WebhookSubscriptionDisabled,
  WebhookSubscriptionEnabled,
} from '@talentloop/contracts';
import { assertNever, type Decider } from '@talentloop/domain-kernel';
import { text } from '@talentloop/i18n';
import { rotateSecret, type WebhookSecretVersion } from '../webhooks/webhook-signing';
import {
  InvalidSecretOverlap,
  WebhookSubscriptionExists,
  WebhookSubscriptionNotFound,
} from './webhook-subscription.errors';

/** The longest the previous secret may keep signing after a rotation: 30 days. */
export const MAX_SECRET_OVERLAP_SECONDS = 30 * 24 * 60 * 60;

export type WebhookSubscriptionEvent =
  | WebhookSubscriptionCreated
  | WebhookSubscriptionChanged
  | WebhookSubscriptionDisabled
  | WebhookSubscriptionEnabled
  | WebhookSecretRotated
  | WebhookSubscriptionDeleted
  | WebhookDataAccessSet;

/** The types of a subscription's own events: what its stream holds and its decider folds. */
export const webhookSubscriptionEventTypes: readonly WebhookSubscriptionEvent['type'][] = [
  'WebhookSubscriptionCreated',
  'WebhookSubscriptionChanged',
  'WebhookSubscriptionDisabled',
  'WebhookSubscriptionEnabled',
  'WebhookSecretRotated',
  'WebhookSubscriptionDeleted',
  'WebhookDataAccessSet',
];

export type WebhookDisableReason = WebhookSubscriptionDisabled['data']['reason'];

/** How deliveries carry personal fields: sealed (the default) or opened (an admin's grant). */
export type WebhookPersonalData = WebhookDataAccessSet['data']['personalData'];

/** What the subscription's owner sets: where the events go, which ones, and what for. */
export interface WebhookSubscriptionSettings {
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly description: string | null;
}

/** A subscription that was created and not deleted, active or disabled. */
export interface WebhookSubscriptionRecord extends WebhookSubscriptionSettings {
  readonly subscriptionId: string;
  /**
   * The current secret and those still signing after a rotation, oldest first;
   * `signingSecrets(secrets, at)` names the ones that sign a delivery made at a time.
   */
  readonly secrets: readonly WebhookSecretVersion[];
  readonly personalData: WebhookPersonalData;
}

export type WebhookSubscriptionState =
  | { readonly status: 'none' }
  | (WebhookSubscriptionRecord & { readonly status: 'active' })
  | (WebhookSubscriptionRecord & {
      readonly status: 'disabled';
      readonly disabledReason: WebhookDisableReason;
    })
  | { readonly status: 'deleted'; readonly subscriptionId: string; readonly deletedAt: string };

type LiveState = Extract<WebhookSubscriptionState, { readonly status: 'active' | 'disabled' }>;

/** Who issued a command, and when: ids and time come in with the command. */
interface Issued {
  readonly by: string;
  readonly now: Date;
}

export type WebhookSubscriptionCommand =
  | {
      readonly type: 'CreateWebhookSubscription';
      readonly data: Issued &
        WebhookSubscriptionSettings & {
          readonly subscriptionId: string;
          /** Checked by `validateWebhookSecret` before, like the settings by `validateSubscription`. */
          readonly secret: string;
        };
    }
  | {
      readonly type: 'ChangeWebhookSubscription';
      readonly data: Issued & WebhookSubscriptionSettings;
    }
  | {
      readonly type: 'DisableWebhookSubscription';
      readonly data: { readonly now: Date } & (
        | { readonly reason: 'by-request'; readonly by: string }
        /** The endpoint answered 410 Gone: no one disabled it. */
        | { readonly reason: 'endpoint-gone' }
      );
    }
  | { readonly type: 'EnableWebhookSubscription'; readonly data: Issued }
  | {
      readonly type: 'RotateWebhookSecret';
      readonly data: Issued & {
        readonly secret: string;
        /** How long the previous secret keeps signing, so the receiver can switch without a gap. */
        readonly overlapSeconds: number;
      };
    }
  | { readonly type: 'DeleteWebhookSubscription'; readonly data: Issued }
  | {
      readonly type: 'SetWebhookDataAccess';
      readonly data: Issued & { readonly personalData: WebhookPersonalData };
    };

/** The subscription a command changes: it must exist and not be deleted (404 otherwise). */
const existing = (state: WebhookSubscriptionState): LiveState => {
  switch (state.status) {
    case 'none':
      throw new WebhookSubscriptionNotFound(text('notifications.subscriptionNotFound'));
    case 'deleted':
      throw new WebhookSubscriptionNotFound(
        text('notifications.subscriptionDeleted', { deletedAt: state.deletedAt }),
        { deletedAt: state.deletedAt },
      );
    case 'active':
    case 'disabled':
      return state;
    default:
      return assertNever(state);
  }
};

/** The same event types in any order: the filter is a set. */
const sameSettings = (left: WebhookSubscriptionSettings, right: WebhookSubscriptionSettings) =>
  left.url === right.url &&
  left.description === right.description &&
  left.eventTypes.length === right.eventTypes.length &&
  left.eventTypes.every((type) => right.eventTypes.includes(type)) &&
  right.eventTypes.every((type) => left.eventTypes.includes(type));

const previousSecretExpiry = ({ now, overlapSeconds }: Issued & { overlapSeconds: number }) => {
  if (
    !Number.isInteger(overlapSeconds) ||
    overlapSeconds < 0 ||
    overlapSeconds > MAX_SECRET_OVERLAP_SECONDS
  )
    throw new InvalidSecretOverlap(
      text('notifications.secretOverlapInvalid', {
        overlapSeconds: String(overlapSeconds),
        max: MAX_SECRET_OVERLAP_SECONDS,
      }),
      { overlapSeconds, maxOverlapSeconds: MAX_SECRET_OVERLAP_SECONDS },
    );
  return new Date(now.getTime() + overlapSeconds * 1000).toISOString();
};

const decide = (
  command: WebhookSubscriptionCommand,
  state: WebhookSubscriptionState,
): readonly WebhookSubscriptionEvent[] => {
  switch (command.type) {
    case 'CreateWebhookSubscription': {
      if (state.status !== 'none')
        throw new WebhookSubscriptionExists(text('notifications.subscriptionExists'));
      const { subscriptionId, url, eventTypes, description, secret, by, now } = command.data;
      return [
        {
          type: 'WebhookSubscriptionCreated',
          data: {
            subscriptionId,
            url,
            eventTypes: [...eventTypes],
            description,
            secret,
            createdBy: by,
            createdAt: now.toISOString(),
          },
        },
      ];
    }
    case 'ChangeWebhookSubscription': {
      const subscription = existing(state);
      const { url, eventTypes, description, by, now } = command.data;
      if (sameSettings(subscription, command.data)) return [];
      return [
        {
          type: 'WebhookSubscriptionChanged',
          data: {
            subscriptionId: subscription.subscriptionId,
            url,
            eventTypes: [...eventTypes],
            description,
            changedBy: by,
            changedAt: now.toISOString(),
          },
        },
      ];
    }
    case 'DisableWebhookSubscription': {
      const subscription = existing(state);
      // Disabled already, whoever asks and why: nothing changes.
      if (subscription.status === 'disabled') return [];
      const { data } = command;
      return [
        {
          type: 'WebhookSubscriptionDisabled',
          data: {
            subscriptionId: subscription.subscriptionId,
            reason: data.reason,
            disabledBy: data.reason === 'by-request' ? data.by : null,
            disabledAt: data.now.toISOString(),
          },
        },
      ];
    }
    case 'EnableWebhookSubscription': {
      const subscription = existing(state);
      if (subscription.status === 'active') return [];
      return [
        {
          type: 'WebhookSubscriptionEnabled',
          data: {
            subscriptionId: subscription.subscriptionId,
            enabledBy: command.data.by,
            enabledAt: command.data.now.toISOString(),
          },
        },
      ];
    }
    case 'RotateWebhookSecret': {
      const subscription = existing(state);
      const { secret, by, now } = command.data;
      return [
        {
          type: 'WebhookSecretRotated',
          data: {
            subscriptionId: subscription.subscriptionId,
            secret,
            previousSecretExpiresAt: previousSecretExpiry(command.data),
            rotatedBy: by,
            rotatedAt: now.toISOString(),
          },
        },
      ];
    }
    case 'DeleteWebhookSubscription': {
      const subscription = existing(state);
      return [
        {
          type: 'WebhookSubscriptionDeleted',
          data: {
            subscriptionId: subscription.subscriptionId,
            deletedBy: command.data.by,
            deletedAt: command.data.now.toISOString(),
          },
        },
      ];
    }
    case 'SetWebhookDataAccess': {
      const subscription = existing(state);
      const { personalData, by, now } = command.data;
      if (subscription.personalData === personalData) return [];
      return [
        {
          type: 'WebhookDataAccessSet',
          data: {
            subscriptionId: subscription.subscriptionId,
            personalData,
            setBy: by,
            setAt: now.toISOString(),
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
};

const recordOf = ({
  subscriptionId,
  url,
  eventTypes,
  description,
  secrets,
  personalData,
}: WebhookSubscriptionRecord): WebhookSubscriptionRecord => ({
  subscriptionId,
  url,
  eventTypes,
  description,
  secrets,
  personalData,
});

const evolve = (
  state: WebhookSubscriptionState,
  event: WebhookSubscriptionEvent,
): WebhookSubscriptionState => {
  if (event.type === 'WebhookSubscriptionCreated') {
    if (state.status !== 'none') return state;
    const { subscriptionId, url, eventTypes, description, secret, createdAt } = event.data;
    return {
      status: 'active',
      subscriptionId,
      url,
      eventTypes,
      description,
      secrets: [{ secret, activeFrom: createdAt, retiredAt: null }],
      personalData: 'sealed',
    };
  }
  // Nothing changes a subscription before it is created or after it is deleted.
  return state.status === 'active' || state.status === 'disabled'
    ? evolveLive(state, event)
    : state;
};

const evolveLive = (
  state: LiveState,
  event: Exclude<WebhookSubscriptionEvent, WebhookSubscriptionCreated>,
): WebhookSubscriptionState => {
  switch (event.type) {
    case 'WebhookSubscriptionChanged': {
      const { url, eventTypes, description } = event.data;
      return { ...state, url, eventTypes, description };
    }
    case 'WebhookSubscriptionDisabled':
      return { ...recordOf(state), status: 'disabled', disabledReason: event.data.reason };
    case 'WebhookSubscriptionEnabled':
      return { ...recordOf(state), status: 'active' };
    case 'WebhookSecretRotated': {
      const { secret, previousSecretExpiresAt, rotatedAt } = event.data;
      const overlapMs = Date.parse(previousSecretExpiresAt) - Date.parse(rotatedAt);
      // Secrets past their expiry at the rotation are dropped; the others keep theirs.
      const secrets = rotateSecret(
        state.secrets,
        secret,
        new Date(rotatedAt),
        Math.max(0, overlapMs),
      );
      return { ...state, secrets };
    }
    case 'WebhookDataAccessSet':
      return { ...state, personalData: event.data.personalData };
    case 'WebhookSubscriptionDeleted':
      return {
        status: 'deleted',
        subscriptionId: state.subscriptionId,
        deletedAt: event.data.deletedAt,
      };
    default:
      return assertNever(event);
  }
};

export const webhookSubscriptionDecider: Decider<
  WebhookSubscriptionCommand,
  WebhookSubscriptionEvent,
  WebhookSubscriptionState
> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};
