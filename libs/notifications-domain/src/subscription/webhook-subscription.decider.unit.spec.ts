import type {
  WebhookDataAccessSet,
  WebhookSecretRotated,
  WebhookSubscriptionCreated,
  WebhookSubscriptionDeleted,
  WebhookSubscriptionDisabled,
  WebhookSubscriptionEnabled,
} from '@talentloop/contracts';
import { fold } from '@talentloop/domain-kernel';
import { DeciderSpecification } from '@talentloop/testing';
import { signingSecrets } from '../webhooks/webhook-signing';
import {
  MAX_SECRET_OVERLAP_SECONDS,
  webhookSubscriptionDecider,
  type WebhookSubscriptionCommand,
  type WebhookSubscriptionEvent,
  type WebhookSubscriptionSettings,
} from './webhook-subscription.decider';
import {
  InvalidSecretOverlap,
  WebhookSubscriptionExists,
  WebhookSubscriptionNotFound,
} from './webhook-subscription.errors';

const spec = DeciderSpecification.for(webhookSubscriptionDecider);
const now = new Date('2026-03-02T09:00:00.000Z');
const anHourLater = new Date('2026-03-02T10:00:00.000Z');
// Fixtures the histories below are built from at collection time, so they come first.
const subscriptionId = 'whsub-7001';
const owner = 'user-42';
const firstSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const secondSecret = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';
const thirdSecret = 'whsec_dGhpcmQtc2VjcmV0LW9mLXR3ZW50eS1mb3VyIQ==';
const settings: WebhookSubscriptionSettings = {
  url: 'https://hr.example.com/hooks/talentloop',
  eventTypes: ['talentloop.approval.GoalApproved.v1', 'talentloop.planning.*'],
  description: 'Goal decisions and plans to the HR suite',
};

describe('no subscription yet', () => {
  it('is created active, signing with its secret from now on', () =>
    spec.given([]).when(create()).then([created()]));

  it('keeps the event types as given and a missing description as null', () =>
    spec
      .given([])
      .when(create({ eventTypes: ['*'], description: null }))
      .thenState((state) =>
        expect(state).toEqual({
          status: 'active',
          subscriptionId,
          url: settings.url,
          eventTypes: ['*'],
          description: null,
          secrets: [{ secret: firstSecret, activeFrom: now.toISOString(), retiredAt: null }],
          personalData: 'sealed',
        }),
      ));

  it.each([
    ['changed', change({ url: 'https://hr.example.com/v2' })],
    ['disabled', disable()],
    ['disabled as gone', goneDisable()],
    ['enabled', enable()],
    ['rotated', rotate(secondSecret, 3600)],
    ['deleted', remove()],
    ['opened', setDataAccess('opened')],
  ])('cannot be %s: there is nothing to find', (_, command) =>
    spec.given([]).when(command).thenThrows(WebhookSubscriptionNotFound),
  );
});

describe('an active subscription', () => {
  const history = [created()];

  it('is not created again: the id is taken', () =>
    spec.given(history).when(create()).thenThrows(WebhookSubscriptionExists));

  it('changes its endpoint, event types and description together', () =>
    spec
      .given(history)
      .when(change({ url: 'https://hr.example.com/v2', eventTypes: ['talentloop.approval.*'] }))
      .then([
        changed({ url: 'https://hr.example.com/v2', eventTypes: ['talentloop.approval.*'] }),
      ]));

  it('does not change when nothing differs, the event types in any order', () =>
    spec
      .given(history)
      .when(change({ eventTypes: [...settings.eventTypes].reverse() }))
      .then([]));

  it('changes when one event type is swapped for another', () =>
    spec
      .given(history)
      .when(change({ eventTypes: ['talentloop.approval.GoalApproved.v1', '*'] }))
      .thenState((state) =>
        expect(state).toMatchObject({
          status: 'active',
          eventTypes: ['talentloop.approval.GoalApproved.v1', '*'],
        }),
      ));

  it('is disabled on request, naming who did it', () =>
    spec.given(history).when(disable()).then([disabled()]));

  it('is disabled by nobody when its endpoint answers 410 Gone', () =>
    spec.given(history).when(goneDisable()).then([goneDisabled()]));

  it('is enabled already: enabling it changes nothing', () =>
    spec.given(history).when(enable()).then([]));

  it('rotates its secret, the previous one signing for the overlap', () =>
    spec
      .given(history)
      .when(rotate(secondSecret, 86_400))
      .then([rotated(secondSecret, '2026-03-03T09:00:00.000Z')]));

  it('signs with both secrets during the overlap and with the new one after it', () =>
    spec
      .given(history)
      .when(rotate(secondSecret, 86_400, anHourLater))
      .thenState((state) => {
        const secrets = state.status === 'active' ? state.secrets : [];
        expect(signingSecrets(secrets, new Date('2026-03-03T09:59:59.999Z'))).toEqual([
          secondSecret,
          firstSecret,
        ]);
        expect(signingSecrets(secrets, new Date('2026-03-03T10:00:00.000Z'))).toEqual([
          secondSecret,
        ]);
      }));

  it('revokes the previous secret at once with an overlap of 0', () =>
    spec
      .given(history)
      .when(rotate(secondSecret, 0))
      .thenState((state) =>
        expect(state).toMatchObject({
          secrets: [{ secret: secondSecret, activeFrom: now.toISOString(), retiredAt: null }],
        }),
      ));

  it.each([-1, 1.5, Number.NaN, MAX_SECRET_OVERLAP_SECONDS + 1])(
    'refuses an overlap of %s seconds',
    (overlapSeconds) =>
      spec
        .given(history)
        .when(rotate(secondSecret, overlapSeconds))
        .thenThrows(InvalidSecretOverlap, /whole number of seconds from 0 to 2592000/),
  );

  it('is deleted', () => spec.given(history).when(remove()).then([deleted()]));
});

describe('an active subscription and its personal data', () => {
  const history = [created()];

  it('delivers personal fields sealed until an admin opens them', () =>
    expect(fold(webhookSubscriptionDecider, history)).toMatchObject({ personalData: 'sealed' }));

  it('has its personal data opened, naming who did it', () =>
    spec
      .given(history)
      .when(setDataAccess('opened'))
      .then([dataAccessSet('opened')]));

  it('is sealed already: sealing it changes nothing', () =>
    spec.given(history).when(setDataAccess('sealed')).then([]));

  it('is sealed again after it was opened', () => {
    spec
      .given([...history, dataAccessSet('opened')])
      .when(setDataAccess('sealed'))
      .then([dataAccessSet('sealed')]);
    expect(
      fold(webhookSubscriptionDecider, [
        ...history,
        dataAccessSet('opened'),
        dataAccessSet('sealed'),
      ]),
    ).toMatchObject({ personalData: 'sealed' });
  });

  it('keeps its personal data opened while disabled and enabled again', () =>
    expect(
      fold(webhookSubscriptionDecider, [
        ...history,
        dataAccessSet('opened'),
        disabled(),
        enabled(),
      ]),
    ).toMatchObject({ status: 'active', personalData: 'opened' }));

  it('cannot have its data opened once deleted', () =>
    spec
      .given([...history, deleted()])
      .when(setDataAccess('opened'))
      .thenThrows(WebhookSubscriptionNotFound));
});

describe('an active subscription whose secret was rotated', () => {
  const history = [created(), rotated(secondSecret, '2026-03-03T10:00:00.000Z', anHourLater)];

  it('drops the secrets expired by a later rotation and keeps those still signing', () =>
    spec
      .given(history)
      .when(rotate(thirdSecret, 3600, new Date('2026-03-04T09:00:00.000Z')))
      .thenState((state) =>
        expect(state).toMatchObject({
          secrets: [
            {
              secret: secondSecret,
              activeFrom: anHourLater.toISOString(),
              retiredAt: '2026-03-04T10:00:00.000Z',
            },
            { secret: thirdSecret, activeFrom: '2026-03-04T09:00:00.000Z', retiredAt: null },
          ],
        }),
      ));

  it('keeps a previous secret still in its overlap when rotated again within it', () =>
    spec
      .given(history)
      .when(rotate(thirdSecret, 60, new Date('2026-03-02T12:00:00.000Z')))
      .thenState((state) => {
        const secrets = state.status === 'active' ? state.secrets : [];
        expect(signingSecrets(secrets, new Date('2026-03-02T12:00:30.000Z'))).toEqual([
          thirdSecret,
          secondSecret,
          firstSecret,
        ]);
      }));
});

describe('a disabled subscription', () => {
  const history = [created(), goneDisabled()];

  it('keeps its settings and secrets, and the reason it was disabled', () =>
    expect(fold(webhookSubscriptionDecider, history)).toEqual({
      status: 'disabled',
      disabledReason: 'endpoint-gone',
      subscriptionId,
      ...settings,
      secrets: [{ secret: firstSecret, activeFrom: now.toISOString(), retiredAt: null }],
      personalData: 'sealed',
    }));

  it('is disabled already: disabling it again changes nothing, whatever the reason', () => {
    spec.given(history).when(disable()).then([]);
    spec.given(history).when(goneDisable()).then([]);
  });

  it('is enabled again, active with the same settings', () =>
    spec.given(history).when(enable()).then([enabled()]));

  it('is active once enabled, without the reason it was disabled', () =>
    expect(fold(webhookSubscriptionDecider, [...history, enabled()])).toEqual(
      fold(webhookSubscriptionDecider, [created()]),
    ));

  it('changes while disabled', () =>
    spec
      .given(history)
      .when(change({ url: 'https://hr.example.com/v2' }))
      .then([changed({ url: 'https://hr.example.com/v2' })]));

  it('rotates its secret while disabled', () =>
    spec
      .given(history)
      .when(rotate(secondSecret, 86_400))
      .then([rotated(secondSecret, '2026-03-03T09:00:00.000Z')]));

  it('is deleted', () => spec.given(history).when(remove()).then([deleted()]));
});

describe('a deleted subscription', () => {
  const history = [created(), deleted()];

  it('keeps nothing but its id and when it was deleted', () =>
    expect(fold(webhookSubscriptionDecider, history)).toEqual({
      status: 'deleted',
      subscriptionId,
      deletedAt: now.toISOString(),
    }));

  it('is not created again: ids are never reused', () =>
    spec.given(history).when(create()).thenThrows(WebhookSubscriptionExists));

  it.each([
    ['changed', change({ url: 'https://hr.example.com/v2' })],
    ['disabled', disable()],
    ['enabled', enable()],
    ['rotated', rotate(secondSecret, 3600)],
    ['deleted again', remove()],
  ])('cannot be %s: it is gone, saying since when', (_, command) =>
    spec
      .given(history)
      .when(command)
      .thenThrows(WebhookSubscriptionNotFound, /deleted at 2026-03-02T09:00:00.000Z/),
  );

  it('is not brought back by a later event in its stream', () =>
    expect(fold(webhookSubscriptionDecider, [...history, enabled()])).toEqual(
      fold(webhookSubscriptionDecider, history),
    ));
});

function create(overrides: Partial<WebhookSubscriptionSettings> = {}): WebhookSubscriptionCommand {
  return {
    type: 'CreateWebhookSubscription',
    data: { subscriptionId, ...settings, ...overrides, secret: firstSecret, by: owner, now },
  };
}

function change(overrides: Partial<WebhookSubscriptionSettings>): WebhookSubscriptionCommand {
  return { type: 'ChangeWebhookSubscription', data: { ...settings, ...overrides, by: owner, now } };
}

function disable(): WebhookSubscriptionCommand {
  return { type: 'DisableWebhookSubscription', data: { reason: 'by-request', by: owner, now } };
}

function goneDisable(): WebhookSubscriptionCommand {
  return { type: 'DisableWebhookSubscription', data: { reason: 'endpoint-gone', now } };
}

function enable(): WebhookSubscriptionCommand {
  return { type: 'EnableWebhookSubscription', data: { by: owner, now } };
}

function rotate(secret: string, overlapSeconds: number, at = now): WebhookSubscriptionCommand {
  return { type: 'RotateWebhookSecret', data: { secret, overlapSeconds, by: owner, now: at } };
}

function remove(): WebhookSubscriptionCommand {
  return { type: 'DeleteWebhookSubscription', data: { by: owner, now } };
}

function created(): WebhookSubscriptionCreated {
  return {
    type: 'WebhookSubscriptionCreated',
    data: {
      subscriptionId,
      ...settings,
      eventTypes: [...settings.eventTypes],
      secret: firstSecret,
      createdBy: owner,
      createdAt: now.toISOString(),
    },
  };
}

function changed(overrides: Partial<WebhookSubscriptionSettings>): WebhookSubscriptionEvent {
  const { eventTypes, ...rest } = { ...settings, ...overrides };
  return {
    type: 'WebhookSubscriptionChanged',
    data: {
      subscriptionId,
      ...rest,
      eventTypes: [...eventTypes],
      changedBy: owner,
      changedAt: now.toISOString(),
    },
  };
}

function disabled(): WebhookSubscriptionDisabled {
  return {
    type: 'WebhookSubscriptionDisabled',
    data: {
      subscriptionId,
      reason: 'by-request',
      disabledBy: owner,
      disabledAt: now.toISOString(),
    },
  };
}

function goneDisabled(): WebhookSubscriptionDisabled {
  return {
    type: 'WebhookSubscriptionDisabled',
    data: {
      subscriptionId,
      reason: 'endpoint-gone',
      disabledBy: null,
      disabledAt: now.toISOString(),
    },
  };
}

function enabled(): WebhookSubscriptionEnabled {
  return {
    type: 'WebhookSubscriptionEnabled',
    data: { subscriptionId, enabledBy: owner, enabledAt: now.toISOString() },
  };
}

function rotated(secret: string, previousSecretExpiresAt: string, at = now): WebhookSecretRotated {
  return {
    type: 'WebhookSecretRotated',
    data: {
      subscriptionId,
      secret,
      previousSecretExpiresAt,
      rotatedBy: owner,
      rotatedAt: at.toISOString(),
    },
  };
}

function deleted(): WebhookSubscriptionDeleted {
  return {
    type: 'WebhookSubscriptionDeleted',
    data: { subscriptionId, deletedBy: owner, deletedAt: now.toISOString() },
  };
}

function setDataAccess(personalData: 'sealed' | 'opened'): WebhookSubscriptionCommand {
  return { type: 'SetWebhookDataAccess', data: { personalData, by: 'admin-1', now } };
}

function dataAccessSet(personalData: 'sealed' | 'opened'): WebhookDataAccessSet {
  return {
    type: 'WebhookDataAccessSet',
    data: { subscriptionId, personalData, setBy: 'admin-1', setAt: now.toISOString() },
  };
}
