import { Type, type Static } from '@sinclair/typebox';
import { Personal } from '../personal-data';
import { defineEvent, type EventOf } from '../event-definition';
import { Id, IsoDateTime } from '../metadata';
import { Nullable, Text } from './shared.schemas';

const context = 'notifications';

const WebhookUrl = Type.String({
  format: 'uri',
  maxLength: 2048,
  description: 'Endpoint (http or https) the platform posts the signed events to',
});

const EventTypeFilter = Type.Array(
  Type.String({
    minLength: 1,
    maxLength: 200,
    description:
      'A CloudEvents type (talentloop.<context>.<EventName>.v<version>), a context wildcard (talentloop.<context>.*) or *',
  }),
  {
    minItems: 1,
    maxItems: 100,
    uniqueItems: true,
    description: 'The events the endpoint receives',
  },
);

const Description = Nullable(
  Text('What the subscription is for, as its owner wrote it', 200),
  'Null when none was given',
);

/**
 * A Standard Webhooks signing secret: `whsec_` and the base64 of 24 to 64 random bytes.
 * Sealed like personal data, with the subscription as its data subject, so it rests and
 * travels only as ciphertext and is shredded with the subscription's key.
 */
const SigningSecret = Personal(
  Type.String({
    minLength: 38,
    maxLength: 94,
    pattern: '^whsec_[A-Za-z0-9+/]+={0,2}$',
    description: 'Standard Webhooks signing secret (whsec_ and the base64 of 24 to 64 bytes)',
  }),
);

const subscriptionId = Id('Webhook subscription');

const exampleSubscription = {
  subscriptionId: 'whsub-7001',
  url: 'https://hr.example.com/hooks/talentloop',
  eventTypes: ['talentloop.approval.GoalApproved.v1', 'talentloop.planning.*'],
  description: 'Goal decisions and plans to the HR suite',
};

export const WebhookSubscriptionCreated = defineEvent({
  context,
  name: 'WebhookSubscriptionCreated',
  internal: true,
  version: 1,
  description:
    "An HR platform subscribed an endpoint to the tenant's events: from now on every matching event is posted to it, signed with the secret.",
  schema: Type.Object(
    {
      subscriptionId,
      url: WebhookUrl,
      eventTypes: EventTypeFilter,
      description: Description,
      secret: SigningSecret,
      createdBy: Id('Who created the subscription'),
      createdAt: IsoDateTime('When the subscription was created'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.subscriptionId,
  example: {
    ...exampleSubscription,
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    createdBy: 'user-42',
    createdAt: '2026-03-02T09:00:00.000Z',
  },
});

export const WebhookSubscriptionChanged = defineEvent({
  context,
  name: 'WebhookSubscriptionChanged',
  internal: true,
  version: 1,
  description:
    'The endpoint, the event types or the description of a webhook subscription changed; every field holds its value from now on. The secret changes only by rotation.',
  schema: Type.Object(
    {
      subscriptionId,
      url: WebhookUrl,
      eventTypes: EventTypeFilter,
      description: Description,
      changedBy: Id('Who changed the subscription'),
      changedAt: IsoDateTime('When the subscription changed'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.subscriptionId,
  example: {
    ...exampleSubscription,
    eventTypes: ['talentloop.approval.*'],
    changedBy: 'user-42',
    changedAt: '2026-03-09T09:00:00.000Z',
  },
});

export const WebhookSubscriptionDisabled = defineEvent({
  context,
  name: 'WebhookSubscriptionDisabled',
  internal: true,
  version: 1,
  description:
    'A webhook subscription stopped receiving events: disabled on request, or because its endpoint answered 410 Gone. It keeps its settings and can be enabled again.',
  schema: Type.Object(
    {
      subscriptionId,
      reason: Type.Union([Type.Literal('by-request'), Type.Literal('endpoint-gone')], {
        description: 'Disabled by a person, or because the endpoint answered 410 Gone',
      }),
      disabledBy: Nullable(
        Id('Who disabled the subscription'),
        'Null when the endpoint answered 410 Gone',
      ),
      disabledAt: IsoDateTime('When the subscription was disabled'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.subscriptionId,
  example: {
    subscriptionId: exampleSubscription.subscriptionId,
    reason: 'endpoint-gone',
    disabledBy: null,
    disabledAt: '2026-04-01T12:00:00.000Z',
  },
});

export const WebhookSubscriptionEnabled = defineEvent({
  context,
  name: 'WebhookSubscriptionEnabled',
  internal: true,
  version: 1,
  description:
    'A disabled webhook subscription receives events again, from the events that happen after it.',
  schema: Type.Object(
    {
      subscriptionId,
      enabledBy: Id('Who enabled the subscription'),
      enabledAt: IsoDateTime('When the subscription was enabled'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.subscriptionId,
  example: {
    subscriptionId: exampleSubscription.subscriptionId,
    enabledBy: 'user-42',
    enabledAt: '2026-04-02T08:00:00.000Z',
  },
});

export const WebhookSecretRotated = defineEvent({
  context,
  name: 'WebhookSecretRotated',
  internal: true,
  version: 1,
  description:
    'A webhook subscription signs with a new secret; the previous one signs too until it expires, so the endpoint can switch without missing an event.',
  schema: Type.Object(
    {
      subscriptionId,
      secret: SigningSecret,
      previousSecretExpiresAt: IsoDateTime('Until when the previous secret signs too'),
      rotatedBy: Id('Who rotated the secret'),
      rotatedAt: IsoDateTime('When the secret was rotated'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.subscriptionId,
  example: {
    subscriptionId: exampleSubscription.subscriptionId,
    secret: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD',
    previousSecretExpiresAt: '2026-05-02T08:00:00.000Z',
    rotatedBy: 'user-42',
    rotatedAt: '2026-05-01T08:00:00.000Z',
  },
});

export const WebhookSubscriptionDeleted = defineEvent({
  context,
  name: 'WebhookSubscriptionDeleted',
  internal: true,
  version: 1,
  description:
    'A webhook subscription was deleted: nothing is posted to its endpoint any more, and it cannot be changed or enabled again.',
  schema: Type.Object(
    {
      subscriptionId,
      deletedBy: Id('Who deleted the subscription'),
      deletedAt: IsoDateTime('When the subscription was deleted'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.subscriptionId,
  example: {
    subscriptionId: exampleSubscription.subscriptionId,
    deletedBy: 'user-42',
    deletedAt: '2026-06-01T10:00:00.000Z',
  },
});

export const WebhookDataAccessSet = defineEvent({
  context,
  name: 'WebhookDataAccessSet',
  internal: true,
  version: 1,
  description:
    "Whether a webhook subscription's deliveries carry the personal fields sealed (as on the bus, the default) or opened: opened is granted by an admin of the tenant, for a platform trusted with its people's data.",
  schema: Type.Object(
    {
      subscriptionId,
      personalData: Type.Union([Type.Literal('sealed'), Type.Literal('opened')], {
        description:
          'sealed: personal fields go out as enc:v2:… ciphertext; opened: as text ("[erased]" once the person is erased)',
      }),
      setBy: Id('The admin who set it'),
      setAt: IsoDateTime('When it was set'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.subscriptionId,
  example: {
    subscriptionId: exampleSubscription.subscriptionId,
    personalData: 'opened',
    setBy: 'admin-1',
    setAt: '2026-04-03T09:00:00.000Z',
  },
});

export const NotificationPreference = Type.Union(
  [Type.Literal('off'), Type.Literal('immediately'), Type.Literal('daily-digest')],
  {
    description:
      'off: no e-mail; immediately: each notification as it happens; daily-digest: one e-mail a day with what happened',
  },
);

export const NotificationPreferenceSet = defineEvent({
  context,
  name: 'NotificationPreferenceSet',
  internal: true,
  version: 1,
  description:
    'How a person wants to be e-mailed: set by themselves in their settings, or turned off with the one-click unsubscribe link of an e-mail (RFC 8058).',
  schema: Type.Object(
    {
      employeeId: Id('The person'),
      preference: NotificationPreference,
      via: Type.Union([Type.Literal('settings'), Type.Literal('unsubscribe-link')], {
        description: 'Where it was set',
      }),
      setAt: IsoDateTime('When it was set'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    employeeId: 'emp-1001',
    preference: 'daily-digest',
    via: 'settings',
    setAt: '2026-04-03T09:00:00.000Z',
  },
});

export const HrContactsSet = defineEvent({
  context,
  name: 'HrContactsSet',
  internal: true,
  version: 1,
  description:
    'The people of a tenant who receive the e-mails addressed to HR (approvals overdue, remeasurements due), set by an admin; an empty list sends them to nobody.',
  schema: Type.Object(
    {
      employeeIds: Type.Array(Id('An HR contact (an employee of the tenant)'), {
        maxItems: 20,
        uniqueItems: true,
        description: 'Who receives the e-mails addressed to HR',
      }),
      setBy: Id('The admin who set it'),
      setAt: IsoDateTime('When it was set'),
    },
    { additionalProperties: false },
  ),
  subjectOf: () => 'hr-contacts',
  example: { employeeIds: ['emp-0002'], setBy: 'admin-1', setAt: '2026-04-03T09:00:00.000Z' },
});

/** What a mail tells its recipient; the wording of each is in the recipient's language. */
export const MailKind = Type.Union(
  [
    Type.Literal('approval-requested'),
    Type.Literal('adjustment-approval-requested'),
    Type.Literal('goal-approved'),
    Type.Literal('goal-rejected'),
    Type.Literal('check-in-due'),
    Type.Literal('check-in-overdue'),
    Type.Literal('approval-overdue'),
    Type.Literal('remeasurement-due'),
  ],
  {
    description:
      'approval-requested, adjustment-approval-requested: to whoever decides; goal-approved, goal-rejected: to the employee; check-in-due, check-in-overdue: to the employee and the manager, with an iCalendar invite; approval-overdue: to the manager and HR; remeasurement-due: to the manager and HR',
  },
);

export const MailRole = Type.Union(
  [Type.Literal('employee'), Type.Literal('manager'), Type.Literal('hr')],
  {
    description:
      'Why the recipient gets the mail: the goal is theirs, they manage, or they are an HR contact',
  },
);

const mailId = Id(
  'The e-mail: derived from the tenant, the kind, the recipient and what it answers',
);

const mailFields = {
  mailId,
  kind: MailKind,
  role: MailRole,
  recipientId: Id('The person the e-mail is (or was to be) written to'),
  employeeId: Id('The employee whose goal it is about'),
  goalId: Id('The goal it is about'),
  cause: Text('What it answers: an event id, or <goalId>@<due time> for a reminder', 300),
};

const exampleMail = {
  mailId: 'mail_4f1c2a9d0b7e6c5a4f1c2a9d0b7e6c5a',
  kind: 'approval-requested',
  role: 'manager',
  recipientId: 'mgr-0001',
  employeeId: 'emp-1001',
  goalId: 'goal-2001',
  cause: '6f1b7c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b',
} as const;

export const MailSent = defineEvent({
  context,
  name: 'MailSent',
  version: 1,
  description:
    'The mail server accepted an e-mail to a person (or the mailbox folder of the embedded default stored it). Once per e-mail, however often a restart made it go out again under the same Message-ID. Names and addresses are not part of it.',
  schema: Type.Object(
    {
      ...mailFields,
      messageId: Text('The Message-ID it went out with (a daily digest shares one)', 200),
      digest: Type.Boolean({ description: "Sent as part of the recipient's daily digest" }),
      attempts: Type.Integer({ minimum: 1, description: 'Attempts it took, this one included' }),
      sentAt: IsoDateTime('When the server accepted it'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    ...exampleMail,
    messageId: '<mail_4f1c2a9d0b7e6c5a4f1c2a9d0b7e6c5a@talentloop>',
    digest: false,
    attempts: 1,
    sentAt: '2026-04-03T09:00:01.000Z',
  },
});

export const MailSuppressed = defineEvent({
  context,
  name: 'MailSuppressed',
  version: 1,
  description:
    'An e-mail was not sent, and never will be: decided at the moment of sending, from what the person wants and who they are then.',
  schema: Type.Object(
    {
      ...mailFields,
      reason: Type.Union(
        [
          Type.Literal('unknown-person'),
          Type.Literal('erased'),
          Type.Literal('left'),
          Type.Literal('turned-off'),
          Type.Literal('no-address'),
        ],
        {
          description:
            'unknown-person: no HRIS record of the recipient; erased: their personal data was erased; left: they left the organisation; turned-off: they turned e-mail off (in their settings or by the unsubscribe link); no-address: they have no e-mail address',
        },
      ),
      suppressedAt: IsoDateTime('When it was decided'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: { ...exampleMail, reason: 'turned-off', suppressedAt: '2026-04-03T09:00:01.000Z' },
});

export const MailDeadLettered = defineEvent({
  context,
  name: 'MailDeadLettered',
  version: 1,
  description:
    'An e-mail was given up: the mail server refused it for good (a 5xx answer), it kept failing for the whole retry window, or what it says could no longer be written (sealed feedback whose key is gone). It is listed in the mail log (GET /mails).',
  schema: Type.Object(
    {
      ...mailFields,
      reason: Type.Union(
        [Type.Literal('refused'), Type.Literal('retries-exhausted'), Type.Literal('unwritable')],
        {
          description:
            'refused: the server answered 5xx; retries-exhausted: it kept failing for the retry window; unwritable: what it says can no longer be opened',
        },
      ),
      attempts: Type.Integer({ minimum: 0, description: 'Attempts made' }),
      deadLetteredAt: IsoDateTime('When it was given up'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    ...exampleMail,
    reason: 'refused',
    attempts: 1,
    deadLetteredAt: '2026-04-03T09:00:01.000Z',
  },
});

export const WebhookDeliveryDeadLettered = defineEvent({
  context,
  name: 'WebhookDeliveryDeadLettered',
  version: 1,
  description:
    "A webhook delivery was given up: the endpoint kept failing for the retry window (at least 24 hours), answered 410 Gone, or its subscription was disabled or deleted first. The delivery stays in the subscription's log, where an admin or integrator may redeliver it; a redelivery given up again is announced again. A delivery that carried this event is not announced when given up, so that two failing endpoints never announce each other's failures for ever.",
  schema: Type.Object(
    {
      subscriptionId,
      deliveryId: Id('The delivery: the webhook-id every attempt carried'),
      eventId: Id('The event that was to be delivered'),
      eventType: Text('Its CloudEvents type', 200),
      reason: Type.Union(
        [
          Type.Literal('retries-exhausted'),
          Type.Literal('gone'),
          Type.Literal('subscription-inactive'),
        ],
        {
          description:
            'retries-exhausted: the endpoint kept failing for the retry window; gone: it answered 410 Gone, which also disabled the subscription; subscription-inactive: the subscription was disabled or deleted before the delivery went out',
        },
      ),
      attempts: Type.Integer({ minimum: 0, description: 'Attempts made' }),
      lastStatus: Nullable(
        Type.Integer({ minimum: 100, maximum: 599 }),
        "The endpoint's HTTP status at the last attempt; null when it gave none (refused, timeout, network)",
      ),
      deadLetteredAt: IsoDateTime('When it was given up'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.subscriptionId,
  example: {
    subscriptionId: exampleSubscription.subscriptionId,
    deliveryId: 'msg_2b8f3c1d9e0a4f5b6c7d8e9f0a1b2c3d',
    eventId: '6f1b7c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b',
    eventType: 'talentloop.approval.GoalApproved.v1',
    reason: 'retries-exhausted',
    attempts: 18,
    lastStatus: 503,
    deadLetteredAt: '2026-04-04T09:00:01.000Z',
  },
});

export type NotificationPreference = Static<typeof NotificationPreference>;
export type MailKind = Static<typeof MailKind>;
export type MailRole = Static<typeof MailRole>;

export const notificationsEvents = [
  WebhookSubscriptionCreated,
  WebhookSubscriptionChanged,
  WebhookSubscriptionDisabled,
  WebhookSubscriptionEnabled,
  WebhookSecretRotated,
  WebhookSubscriptionDeleted,
  WebhookDataAccessSet,
  NotificationPreferenceSet,
  HrContactsSet,
  MailSent,
  MailSuppressed,
  MailDeadLettered,
  WebhookDeliveryDeadLettered,
] as const;

export type WebhookSubscriptionCreated = EventOf<typeof WebhookSubscriptionCreated>;
export type WebhookSubscriptionChanged = EventOf<typeof WebhookSubscriptionChanged>;
export type WebhookSubscriptionDisabled = EventOf<typeof WebhookSubscriptionDisabled>;
export type WebhookSubscriptionEnabled = EventOf<typeof WebhookSubscriptionEnabled>;
export type WebhookSecretRotated = EventOf<typeof WebhookSecretRotated>;
export type WebhookSubscriptionDeleted = EventOf<typeof WebhookSubscriptionDeleted>;
export type WebhookDataAccessSet = EventOf<typeof WebhookDataAccessSet>;
export type NotificationPreferenceSet = EventOf<typeof NotificationPreferenceSet>;
export type HrContactsSet = EventOf<typeof HrContactsSet>;
export type MailSent = EventOf<typeof MailSent>;
export type MailSuppressed = EventOf<typeof MailSuppressed>;
export type MailDeadLettered = EventOf<typeof MailDeadLettered>;
export type WebhookDeliveryDeadLettered = EventOf<typeof WebhookDeliveryDeadLettered>;
