import type { IndexSpec, ReadModelStore } from '@talentloop/read-models';

/** The read-model collection of webhook deliveries: one document per event and subscription. */
export const DELIVERIES = 'notifications-webhook-deliveries';

/**
 * What each delivery sends, by the delivery's id: written once with the delivery, never
 * changed. Kept apart so that the many small writes of a delivery's life (claimed, attempted,
 * handed on) rewrite and re-index a few hundred bytes, not the event as well.
 */
export const DELIVERY_BODIES = 'notifications-webhook-delivery-bodies';

export interface DeliveryBodyDocument {
  /** The event as sent (CloudEvents JSON, personal fields sealed). */
  readonly body: string;
}

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
 * A webhook delivery: which event goes where (the body itself is in DELIVERY_BODIES), where it
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
  /** Only in documents written before the bodies moved to DELIVERY_BODIES. */
  readonly body?: string;
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

/** A subject's queue of one subscription, as a key: `<subscriptionId> NUL <subject>`. */
export const queueKey = (subscriptionId: string, subject: string): string =>
  `${subscriptionId}\u0000${subject}`;

/** Queues looked up in one query at most this many subjects at a time (bound parameters). */
const QUEUES_PER_QUERY = 500;

/**
 * Which of these queues have anything not yet delivered or dead: per subscription, one query
 * per QUEUES_PER_QUERY of its subjects (not one per queue, and no subject of one subscription
 * looked up in another's), reading the deliveries' ids and keys only.
 */
export const unfinishedQueues = async (
  readModels: ReadModelStore,
  queues: readonly { readonly subscriptionId: string; readonly subject: string }[],
): Promise<Set<string>> => {
  const subjectsBySubscription = new Map<string, Set<string>>();
  for (const { subscriptionId, subject } of queues) {
    const subjects = subjectsBySubscription.get(subscriptionId) ?? new Set<string>();
    subjects.add(subject);
    subjectsBySubscription.set(subscriptionId, subjects);
  }
  const found = new Set<string>();
  for (const [subscriptionId, subjectSet] of subjectsBySubscription) {
    const subjects = [...subjectSet];
    for (let at = 0; at < subjects.length; at += QUEUES_PER_QUERY) {
      const unfinished = await readModels.find<DeliveryDocument>(DELIVERIES, {
        where: {
          subscriptionId,
          subject: { $in: subjects.slice(at, at + QUEUES_PER_QUERY) },
          state: { $in: ['pending', 'waiting'] },
        },
        without: ['body', 'log'],
      });
      for (const delivery of unfinished) found.add(queueKey(subscriptionId, delivery.subject));
    }
  }
  return found;
};

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
