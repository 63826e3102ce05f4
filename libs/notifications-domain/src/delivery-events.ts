import { assertNever } from '@talentloop/domain-kernel';
import {
  streamName,
  type MailDeadLettered,
  type MailSent,
  type MailSuppressed,
  type WebhookDeliveryDeadLettered,
} from '@talentloop/contracts';
import type { MailPerson } from './mail/mail-people';
import type { PlannedMail } from './mail/mail.types';

/**
 * The notifications context's published events: what became of each e-mail to a person, and
 * webhook deliveries given up. Each lives in a stream of its own delivery, in the aggregates
 * the contracts publish (publishedAggregates), so the relay and the replay never see the
 * context's internal streams.
 */
export type DeliveryEvent =
  | MailSent
  | MailSuppressed
  | MailDeadLettered
  | WebhookDeliveryDeadLettered;

/** The stream of one mail's outcome: one event, appended once. */
export const mailDeliveryStream = (tenantId: string, mailId: string): string =>
  streamName({ context: 'notifications', aggregate: 'mailDelivery', tenantId, id: mailId });

/** The stream of one webhook delivery's dead-letterings: one per time it was given up. */
export const webhookDeliveryStream = (tenantId: string, deliveryId: string): string =>
  streamName({ context: 'notifications', aggregate: 'webhookDelivery', tenantId, id: deliveryId });

export type SuppressionReason = MailSuppressed['data']['reason'];

/** Why a person is not written to, decided when the mail is to go; undefined when they may be. */
export const suppressionOf = (person: MailPerson | undefined): SuppressionReason | undefined =>
  person === undefined
    ? 'unknown-person'
    : person.erased
      ? 'erased'
      : person.employmentStatus === 'left'
        ? 'left'
        : person.preference === 'off'
          ? 'turned-off'
          : person.email === null
            ? 'no-address'
            : undefined;

/** The same, as the mail log says it to an admin. */
export const suppressionDetail: Readonly<Record<SuppressionReason, string>> = {
  'unknown-person': 'the person is not known (no HRIS sync yet)',
  erased: 'the person was erased',
  left: 'the person left',
  'turned-off': 'the person turned e-mail off',
  'no-address': 'the person has no e-mail address',
};

/** A mail as its outcome events name it: ids only, never a name, an address or feedback. */
export type MailOfEvent = Omit<PlannedMail, 'facts' | 'tenantId'> & {
  readonly facts: Pick<PlannedMail['facts'], 'employeeId' | 'goalId'>;
};

const mailFields = (mail: MailOfEvent) => ({
  mailId: mail.mailId,
  kind: mail.kind,
  role: mail.role,
  recipientId: mail.recipientId,
  employeeId: mail.facts.employeeId,
  goalId: mail.facts.goalId,
  cause: mail.cause,
});

/** What became of a mail: sent, suppressed, or given up. */
export type MailOutcome =
  | {
      readonly kind: 'sent';
      readonly messageId: string;
      readonly digest: boolean;
      readonly attempts: number;
      readonly at: Date;
    }
  | { readonly kind: 'suppressed'; readonly reason: SuppressionReason; readonly at: Date }
  | {
      readonly kind: 'dead';
      readonly reason: MailDeadLettered['data']['reason'];
      readonly attempts: number;
      readonly at: Date;
    };

export const mailOutcomeEvent = (
  mail: MailOfEvent,
  outcome: MailOutcome,
): MailSent | MailSuppressed | MailDeadLettered => {
  const at = outcome.at.toISOString();
  switch (outcome.kind) {
    case 'sent':
      return {
        type: 'MailSent',
        data: {
          ...mailFields(mail),
          messageId: `<${outcome.messageId}>`,
          digest: outcome.digest,
          attempts: outcome.attempts,
          sentAt: at,
        },
      };
    case 'suppressed':
      return {
        type: 'MailSuppressed',
        data: { ...mailFields(mail), reason: outcome.reason, suppressedAt: at },
      };
    case 'dead':
      return {
        type: 'MailDeadLettered',
        data: {
          ...mailFields(mail),
          reason: outcome.reason,
          attempts: outcome.attempts,
          deadLetteredAt: at,
        },
      };
    default:
      return assertNever(outcome);
  }
};

/** Why a webhook delivery was given up. */
export type WebhookDeadLetterReason = WebhookDeliveryDeadLettered['data']['reason'];

export interface DeadDelivery {
  readonly subscriptionId: string;
  readonly deliveryId: string;
  readonly eventId: string;
  /** The CloudEvents type of the event it carried. */
  readonly eventType: string;
  readonly attempts: number;
  readonly lastStatus: number | null;
}

/**
 * The announcement of a dead-lettered webhook delivery, or none: a delivery that carried such
 * an announcement is not announced again, or two subscriptions to them whose endpoints are
 * down would announce each other's failures for ever.
 */
export const webhookDeadLetterEvent = (
  delivery: DeadDelivery,
  reason: WebhookDeadLetterReason,
  at: Date,
): WebhookDeliveryDeadLettered | undefined =>
  delivery.eventType.startsWith('talentloop.notifications.WebhookDeliveryDeadLettered.')
    ? undefined
    : {
        type: 'WebhookDeliveryDeadLettered',
        data: {
          subscriptionId: delivery.subscriptionId,
          deliveryId: delivery.deliveryId,
          eventId: delivery.eventId,
          eventType: delivery.eventType,
          reason,
          attempts: delivery.attempts,
          lastStatus: delivery.lastStatus,
          deadLetteredAt: at.toISOString(),
        },
      };
