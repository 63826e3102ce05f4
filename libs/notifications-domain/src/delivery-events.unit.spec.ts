import {
  eventRegistry,
  publishedStreamPrefixes,
  streamName,
  type EventMetadata,
} from '@talentloop/contracts';
import {
  mailDeliveryStream,
  mailOutcomeEvent,
  suppressionOf,
  webhookDeadLetterEvent,
  webhookDeliveryStream,
  type DeadDelivery,
  type MailOfEvent,
} from './delivery-events';
import type { MailPerson } from './mail/mail-people';

const NOW = new Date('2026-04-03T09:00:00.000Z');

/** Whether the store accepts it as the contracts describe it. */
const violationsOf = (event: { type: string; data: unknown }) =>
  eventRegistry.validate(event.type, event.data, metadataOf(event.type));

describe('whether a person is written to, decided when the mail is to go', () => {
  it('given a synced, active person who wants e-mail, they are', () =>
    expect(suppressionOf(person())).toBeUndefined());

  it('given nobody synced yet, the mail is suppressed: unknown person', () =>
    expect(suppressionOf(undefined)).toBe('unknown-person'));

  it('given an erased person, erased wins over anything else', () =>
    expect(suppressionOf(person({ erased: true, preference: 'off', email: null }))).toBe('erased'));

  it('given a person who left, left', () =>
    expect(suppressionOf(person({ employmentStatus: 'left' }))).toBe('left'));

  it('given e-mail turned off, turned off', () =>
    expect(suppressionOf(person({ preference: 'off' }))).toBe('turned-off'));

  it('given no address, no address', () =>
    expect(suppressionOf(person({ email: null }))).toBe('no-address'));

  it('given a daily digest, they are (in the digest)', () =>
    expect(suppressionOf(person({ preference: 'daily-digest' }))).toBeUndefined());
});

describe("a mail's outcome as an event", () => {
  it('given it was sent, MailSent carries the Message-ID in angle brackets, ids only', () => {
    const event = mailOutcomeEvent(mail, {
      kind: 'sent',
      messageId: 'mail_abc@talentloop',
      digest: false,
      attempts: 2,
      at: NOW,
    });

    expect(event).toEqual({
      type: 'MailSent',
      data: {
        mailId: 'mail_0e7b0538f3db07cd2c0797495358c2cd',
        kind: 'goal-rejected',
        role: 'employee',
        recipientId: 'emp-1001',
        employeeId: 'emp-1001',
        goalId: 'goal-1',
        cause: 'evt-1',
        messageId: '<mail_abc@talentloop>',
        digest: false,
        attempts: 2,
        sentAt: NOW.toISOString(),
      },
    });
    expect(violationsOf(event)).toEqual([]);
  });

  it('given a planned mail with sealed feedback, the event never carries it', () => {
    const event = mailOutcomeEvent(
      { ...mail, facts: { ...mail.facts, feedback: 'enc:v2:sealed' } as MailOfEvent['facts'] },
      { kind: 'suppressed', reason: 'turned-off', at: NOW },
    );

    expect(JSON.stringify(event)).not.toContain('enc:v2');
    expect(violationsOf(event)).toEqual([]);
  });

  it('given it was suppressed, MailSuppressed says why', () =>
    expect(
      mailOutcomeEvent(mail, { kind: 'suppressed', reason: 'erased', at: NOW }).data,
    ).toMatchObject({ reason: 'erased', suppressedAt: NOW.toISOString() }));

  it('given it was given up, MailDeadLettered says why and after how many attempts', () => {
    const event = mailOutcomeEvent(mail, { kind: 'dead', reason: 'refused', attempts: 1, at: NOW });

    expect(event.type).toBe('MailDeadLettered');
    expect(event.data).toMatchObject({ reason: 'refused', attempts: 1 });
    expect(violationsOf(event)).toEqual([]);
  });

  it('is keyed by the employee whose goal it is, like the events it answers', () => {
    const event = mailOutcomeEvent(
      { ...mail, role: 'manager', recipientId: 'mgr-1' },
      { kind: 'suppressed', reason: 'left', at: NOW },
    );

    expect(eventRegistry.current(event.type)?.subjectOf(event.data)).toBe('emp-1001');
  });
});

describe('a dead-lettered webhook delivery as an event', () => {
  it('given a delivery given up after its retry window, it is announced', () => {
    const event = webhookDeadLetterEvent(delivery, 'retries-exhausted', NOW);

    expect(event).toEqual({
      type: 'WebhookDeliveryDeadLettered',
      data: { ...delivery, reason: 'retries-exhausted', deadLetteredAt: NOW.toISOString() },
    });
    expect(violationsOf(event!)).toEqual([]);
  });

  it('given a delivery that carried such an announcement, it is not announced again', () =>
    expect(
      webhookDeadLetterEvent(
        { ...delivery, eventType: 'talentloop.notifications.WebhookDeliveryDeadLettered.v1' },
        'retries-exhausted',
        NOW,
      ),
    ).toBeUndefined());

  it('given a delivery of another notifications event, it is announced', () =>
    expect(
      webhookDeadLetterEvent(
        { ...delivery, eventType: 'talentloop.notifications.MailSent.v1' },
        'gone',
        NOW,
      ),
    ).toBeDefined());
});

describe('the streams of the delivery events', () => {
  const published = (stream: string) =>
    publishedStreamPrefixes.some((prefix) => stream.startsWith(prefix));

  it('are published: the relay and the replay read them', () => {
    expect(published(mailDeliveryStream('acme', 'mail_0e7b0538f3db07cd2c0797495358c2cd'))).toBe(
      true,
    );
    expect(published(webhookDeliveryStream('acme', delivery.deliveryId))).toBe(true);
  });

  it("are apart from the context's internal streams, which never leave", () => {
    for (const aggregate of ['webhookSubscription', 'notificationPreference', 'hrContacts'])
      expect(
        published(streamName({ context: 'notifications', aggregate, tenantId: 'acme', id: 'x' })),
      ).toBe(false);
  });
});

// Fixtures

const person = (overrides: Partial<MailPerson> = {}): MailPerson => ({
  tenantId: 'acme',
  employeeId: 'emp-1001',
  managerId: 'mgr-1',
  language: 'nl',
  employmentStatus: 'active',
  displayName: 'enc:v2:name',
  email: 'enc:v2:email',
  preference: 'immediately',
  erased: false,
  ...overrides,
});

const mail: MailOfEvent = {
  mailId: 'mail_0e7b0538f3db07cd2c0797495358c2cd',
  kind: 'goal-rejected',
  role: 'employee',
  recipientId: 'emp-1001',
  facts: { employeeId: 'emp-1001', goalId: 'goal-1' },
  cause: 'evt-1',
};

const delivery: DeadDelivery = {
  subscriptionId: 'whsub-7001',
  deliveryId: 'msg_2b8f3c1d9e0a4f5b6c7d8e9f0a1b2c3d',
  eventId: 'evt-1',
  eventType: 'talentloop.approval.GoalApproved.v1',
  attempts: 18,
  lastStatus: 503,
};

const metadataOf = (type: string): EventMetadata => ({
  tenantId: 'acme',
  actorId: 'notifications',
  occurredAt: NOW.toISOString(),
  schemaVersion: eventRegistry.current(type)!.version,
});
