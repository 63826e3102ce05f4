import { Logger } from '@nestjs/common';
import {
  eventRegistry,
  cloudEventType,
  isPublishedDefinition,
  sequenceOf,
  toCloudEvent,
} from '@talentloop/contracts';
import {
  AppendWaiter,
  readRareTypes,
  type EventStore,
  type RecordedEvent,
} from '@talentloop/event-store';
import {
  deliveryIdOf,
  matchesEventTypeFilter,
  webhookBody,
  webhookSubscriptionDecider,
  webhookSubscriptionEventTypes,
  type WebhookSubscriptionEvent,
  type WebhookSubscriptionState,
} from '@talentloop/notifications-domain';
import type { DocumentWrite, ReadModelStore } from '@talentloop/read-models';
import type { Loop } from '@talentloop/supervision';
import { pollingLoop } from '../polling-loop';
import {
  DELIVERIES,
  DELIVERY_BODIES,
  promoteNext,
  queueKey,
  unfinishedQueues,
  type DeliveryBodyDocument,
  type DeliveryDocument,
} from './delivery.document';

/** A delivery to make: its document, and the body it sends (kept in DELIVERY_BODIES). */
type DeliveryWrite = DocumentWrite & { readonly doc: DeliveryDocument; readonly body: string };

/** Where the scheduler has made deliveries up to (the event store's global position). */
export const SCHEDULER_CHECKPOINT = 'notifications.webhook-scheduler';

const subscriptionTypes: ReadonlySet<string> = new Set(webhookSubscriptionEventTypes);
const isSubscriptionEvent = (event: RecordedEvent): boolean => subscriptionTypes.has(event.type);

export interface DeliverySchedulerOptions {
  /** The store as stored: personal fields stay sealed in what is sent. */
  readonly store: EventStore;
  readonly readModels: ReadModelStore;
  readonly pageSize: number;
  readonly pollMs: number;
  readonly now: () => Date;
  /** Deliveries were made: the worker may have work. */
  readonly onScheduled: () => void;
}

/**
 * Turns the event store's log into deliveries: for each event, one document per subscription
 * of its tenant that was active and asked for its type when the event was stored. The
 * subscriptions are folded from the same log, in the same order, so a subscription made after
 * an event never receives it, and one disabled before it never does. A delivery's id is
 * derived from the subscription and the event: a page made again after a crash (before its
 * checkpoint was written) or by a second instance writes nothing new.
 */
export const startDeliveryScheduler = (options: DeliverySchedulerOptions): Loop => {
  const logger = new Logger('DeliveryScheduler');
  const { store, readModels, pageSize, pollMs } = options;
  const waiter = new AppendWaiter(store, { pollIntervalMs: pollMs });
  /** Per tenant, its subscriptions' states (by stream), as of the checkpoint. */
  const subscriptions = new Map<string, Map<string, WebhookSubscriptionState>>();

  const fold = (event: RecordedEvent) => {
    const tenantId = event.metadata.tenantId;
    let streams = subscriptions.get(tenantId);
    if (streams === undefined)
      subscriptions.set(tenantId, (streams = new Map<string, WebhookSubscriptionState>()));
    const state = streams.get(event.streamName) ?? webhookSubscriptionDecider.initialState();
    streams.set(
      event.streamName,
      webhookSubscriptionDecider.evolve(state, event as unknown as WebhookSubscriptionEvent),
    );
  };

  const deliveriesOf = (event: RecordedEvent, createdAt: string): DeliveryWrite[] => {
    const streams = subscriptions.get(event.metadata.tenantId);
    if (streams === undefined) return [];
    const definition = eventRegistry.definition(event.type, event.metadata.schemaVersion);
    // Only published events leave: the subscriptions' own carry their secrets.
    if (definition === undefined || !isPublishedDefinition(definition)) return [];
    const type = cloudEventType(definition);
    let body: string | undefined;
    const writes: DeliveryWrite[] = [];
    for (const state of streams.values()) {
      if (state.status !== 'active' || !matchesEventTypeFilter(state.eventTypes, type)) continue;
      const cloudEvent = toCloudEvent(event, { validated: true });
      body ??= webhookBody(cloudEvent);
      const id = deliveryIdOf(state.subscriptionId, event.id);
      const doc: DeliveryDocument = {
        tenantId: event.metadata.tenantId,
        subscriptionId: state.subscriptionId,
        eventId: event.id,
        eventType: type,
        subject: cloudEvent.subject ?? '',
        position: sequenceOf(event.globalPosition),
        state: 'pending',
        attempts: 0,
        firstAttemptAt: null,
        nextAttemptAt: createdAt,
        createdAt,
        deliveredAt: null,
        deadAt: null,
        log: [],
      };
      writes.push({
        id,
        doc,
        body,
        sources: { store: event.globalPosition.toString() },
        expectedVersion: 0,
      });
    }
    return writes;
  };

  /**
   * The subscriptions as they were at the checkpoint: their events are few, found type by
   * type, so a start costs their number and not the log's length.
   */
  const loadSubscriptions = async (upTo: bigint) => {
    const types = [...webhookSubscriptionEventTypes];
    for (const event of await readRareTypes(store, types, { upTo, pageSize })) fold(event);
  };

  /**
   * Writes a page's deliveries into their subjects' queues (per subscription and subject, in
   * log order): the first of a queue that has nothing unfinished is its head (pending), every
   * other waits. A delivery already there (a page made again) is left as it is: the conflict is
   * the proof it was made. Then each queue this page joined from behind gets its head again in
   * case that head finished while the page was written (see promoteNext).
   */
  const queue = async (writes: readonly DeliveryWrite[], now: Date) => {
    const behind = await unfinishedQueues(
      readModels,
      writes.map(({ doc }) => doc),
    );
    const joined = new Map<string, { subscriptionId: string; subject: string }>();
    const queued: DocumentWrite[] = [];
    const seen = new Set<string>();
    for (const { id, doc, sources, expectedVersion } of writes) {
      const key = queueKey(doc.subscriptionId, doc.subject);
      let waits = seen.has(key);
      if (!waits && behind.has(key)) {
        waits = true;
        joined.set(key, { subscriptionId: doc.subscriptionId, subject: doc.subject });
      }
      seen.add(key);
      queued.push({
        id,
        doc: waits ? { ...doc, state: 'waiting' } : doc,
        sources,
        expectedVersion,
      });
    }
    // The bodies first: a worker that finds a delivery finds what it sends. One already there
    // (a page made again) is the same body.
    await readModels.write(
      DELIVERY_BODIES,
      writes.map(({ id, body, sources }) => ({
        id,
        doc: { body } satisfies DeliveryBodyDocument,
        sources,
        expectedVersion: 0,
      })),
    );
    await readModels.write(DELIVERIES, queued);
    for (const { subscriptionId, subject } of joined.values())
      await promoteNext(readModels, subscriptionId, subject, now);
  };

  /**
   * Where a first start begins: just before the first subscription event ever stored (no
   * earlier event can have a subscriber), or the end of the log when there is none yet.
   */
  const firstCheckpoint = async (): Promise<bigint> => {
    const head = await store.lastGlobalPosition();
    const [first] = await readRareTypes(store, [...webhookSubscriptionEventTypes], { pageSize });
    return first === undefined ? head : first.globalPosition - 1n;
  };

  const run = async (stopping: () => boolean) => {
    const stored = await readModels.getState(SCHEDULER_CHECKPOINT);
    let checkpoint = stored === undefined ? await firstCheckpoint() : BigInt(stored);
    await loadSubscriptions(checkpoint);
    while (!stopping()) {
      waiter.reading();
      const page = await store.readAll({ after: checkpoint, maxCount: pageSize });
      if (page.length > 0) {
        const createdAt = options.now().toISOString();
        const writes: DeliveryWrite[] = [];
        for (const event of page) {
          if (isSubscriptionEvent(event)) fold(event);
          else writes.push(...deliveriesOf(event, createdAt));
        }
        if (writes.length > 0) await queue(writes, options.now());
        checkpoint = page[page.length - 1].globalPosition;
        await readModels.setState(SCHEDULER_CHECKPOINT, checkpoint.toString());
        if (writes.length > 0) options.onScheduled();
      }
      if (page.length < pageSize && !stopping()) await waiter.sleep();
    }
  };

  return pollingLoop(logger, 'scheduling', waiter, run);
};
