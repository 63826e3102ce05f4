import type { IndexSpec, ReadModelStore } from '@talentloop/read-models';

/** The read-model collection of webhook deliveries: one document per event and subscription. */
export const DELIVERIES = 'notifications-webhook-deliveries';

export const deliveryIndexes: readonly IndexSpec[] = [
  { fields: { state: 1, nextAttemptAt: 1 } },
  { fields: { subscriptionId: 1, subject: 1, position: 1 } },
  { fields: { tenantId: 1, subscriptionId: 1, position: 1 } },
];

/**
 * `pending`: the head of its subject's queue, attempted when due; `waiting`: behind an earlier
 * delivery of the same subscription and subject, made pending once that one is delivered or
 * dead; `delivered`; `dead`: a dead letter.
 */
export type DeliveryState = 'pending' | 'waiting' | 'delivered' | 'dead';

/** One attempt, as the delivery log shows it (the latest LOG_LENGTH are kept). */
export interface DeliveryAttempt {
  readonly at: string;
  readonly outcome: 'delivered' | 'failed' | 'refused' | 'gone';
  /** The endpoint's HTTP status; null when it gave none (refused, timeout, network). */
  readonly status: number | null;
  readonly durationMs: number;
  /** Why it failed, or the start of the endpoint's answer. */
  readonly detail: string;
}

export const LOG_LENGTH = 20;

/**
 * A webhook delivery: the event as sent (CloudEvents JSON, personal fields sealed), where it
 * stands, and its attempts. Its id is the `webhook-id` every attempt carries (deliveryIdOf),
 * so making it again (a restart, a second instance) finds it already there.
 */
export interface DeliveryDocument {
  readonly tenantId: string;
  readonly subscriptionId: string;
  readonly eventId: string;
  readonly eventType: string;
  /** The CloudEvents subject: order is kept per subject. */
  readonly subject: string;
  /** The event's global position, 20 digits, so that it sorts as text (its CloudEvents sequence). */
  readonly position: string;
  readonly body: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly firstAttemptAt: string | null;
  /** When it is due: the next attempt's time, or a claim's end while it is being attempted. */
  readonly nextAttemptAt: string;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
  readonly deadAt: string | null;
  /**
   * How often it was given up, each announced by a WebhookDeliveryDeadLettered in its stream;
   * absent in documents written before the announcements.
   */
  readonly deadLetters?: number;
  readonly log: readonly DeliveryAttempt[];
}

/** Whether the subject's queue of a subscription has anything not yet delivered or dead. */
export const hasQueue = async (
  readModels: ReadModelStore,
  subscriptionId: string,
  subject: string,
): Promise<boolean> =>
  (
    await readModels.find(DELIVERIES, {
      where: { subscriptionId, subject, state: { $in: ['pending', 'waiting'] } },
      limit: 1,
    })
  ).length > 0;

/**
 * Gives a subject's queue its head: the oldest delivery not yet delivered or dead is made
 * pending (due at `now`) if it is waiting. Called by whoever may have left the queue without a
 * head: the worker once a head is delivered or dead, the scheduler after it queued behind a
 * head that may have finished meanwhile. Both look after their own write, so at least one sees
 * the other's; both pick the same delivery, and promoting it twice is one write (guarded by its
 * version), so a queue never gets two heads this way.
 */
export const promoteNext = async (
  readModels: ReadModelStore,
  subscriptionId: string,
  subject: string,
  now: Date,
): Promise<void> => {
  const [oldest] = await readModels.findStored<DeliveryDocument>(DELIVERIES, {
    where: { subscriptionId, subject, state: { $in: ['pending', 'waiting'] } },
    sort: { position: 1 },
    limit: 1,
  });
  if (oldest?.doc.state !== 'waiting') return;
  await readModels.write(DELIVERIES, [
    {
      id: oldest.id,
      doc: { ...oldest.doc, state: 'pending', nextAttemptAt: now.toISOString() },
      sources: oldest.sources,
      expectedVersion: oldest.version,
    },
  ]);
};
