import { topicFor, type BoundedContext } from '@talentloop/contracts';
import { subscribeToEvents, type BusConsumer, type MessageBus } from '@talentloop/messaging';
import { randomUUID } from 'node:crypto';
import { activePointerKey, physicalCollectionName, versionOfPhysical } from '../active-collection';
import { ReadModelError, ReadModelWriteDeferredError } from '../errors';
import type { Projection } from '../projection';
import { busInput } from '../projection-inputs';
import { ProjectionRunner } from '../projection-runner';
import type { ReadModelStore } from '../read-model-store.port';

export interface RunFromBusOptions {
  /**
   * The bus as stored: personal fields stay sealed in the documents (their reader opens them,
   * and an erasure, by destroying the key, leaves nothing readable behind).
   */
  readonly bus: MessageBus;
  readonly readModels: ReadModelStore;
  /** The consumer group, as declared in the topology (its dead-letter topics carry this name). */
  readonly groupId: string;
  readonly contexts: readonly BoundedContext[];
  readonly projections: readonly Projection[];
}

export interface BusProjectionRun {
  /** The group on the broker: the group id and the instance its documents were built by. */
  readonly groupOnBus: string;
  readonly topics: readonly string[];
  /** Resolves on stop; rejects when the consumer stopped by itself. */
  readonly finished: Promise<void>;
  stop(): Promise<void>;
}

const GROUPS_COLLECTION = 'read-side-groups';

interface GroupInstance {
  readonly instance: string;
}

/**
 * The instance of a read side's consumer group that feeds the documents of this store: made
 * once per store and per set of projection versions. A new store (or a new version of a
 * projection) gets a group of its own, which reads the topics from the beginning; a restart
 * finds the same one and resumes from its committed offsets. Two processes starting at once
 * agree through the store's guarded write.
 */
export const groupInstanceOf = async (
  readModels: ReadModelStore,
  groupId: string,
  projections: readonly Projection[],
): Promise<string> => {
  const versions = projections.map(({ name, version }) => `${name}.v${version}`).join(',');
  const id = `${groupId}|${versions}`;
  const known = (await readModels.load<GroupInstance>(GROUPS_COLLECTION, [id])).get(id);
  if (known) return known.doc.instance;
  const instance = randomUUID().slice(0, 8);
  const { conflicts } = await readModels.write(GROUPS_COLLECTION, [
    { id, doc: { instance }, sources: {}, expectedVersion: 0 },
  ]);
  if (conflicts.length === 0) return instance;
  const winner = (await readModels.load<GroupInstance>(GROUPS_COLLECTION, [id])).get(id);
  return winner?.doc.instance ?? instance;
};

/**
 * A bus-fed projection has no history in this service's event store to be rebuilt from: a new
 * version starts empty and fills from the beginning of the topics, through a group of its own.
 */
const prepareCollections = async (
  readModels: ReadModelStore,
  projections: readonly Projection[],
): Promise<void> => {
  for (const projection of projections) {
    const active = await readModels.getState(activePointerKey(projection.name));
    if (active !== undefined && versionOfPhysical(active) === projection.version) continue;
    const collection = physicalCollectionName(projection);
    await readModels.ensureCollection(collection, projection.indexes ?? []);
    await readModels.setState(activePointerKey(projection.name), collection);
  }
};

/**
 * Feeds projections from other contexts' topics through a durable consumer group: each message
 * is folded into every projection that handles it (per-document positions per partition, so a
 * redelivery changes nothing), and its offset is committed only after its documents are
 * written. A restart resumes from the committed offsets; nothing is read again from the start.
 */
export const runFromBus = async (options: RunFromBusOptions): Promise<BusProjectionRun> => {
  const { bus, readModels, groupId, contexts, projections } = options;
  await prepareCollections(readModels, projections);
  const groupInstance = await groupInstanceOf(readModels, groupId, projections);
  const runner = new ProjectionRunner({ readModels });
  const consumer: BusConsumer = await subscribeToEvents(bus, {
    groupId,
    groupInstance,
    contexts,
    // The others are passed over unread: no projection of the group folds them.
    eventTypes: [...new Set(projections.flatMap((projection) => projection.eventTypes))],
    // A document keeps one position per partition, so a partition's messages are applied in
    // offset order: with keys side by side, a later offset written first would make an
    // earlier one of another key look applied already.
    ordering: 'partition',
    handler: async (event, delivered) => {
      const input = busInput(delivered, event);
      try {
        for (const projection of projections) await runner.applyFromBus(projection, [input]);
      } catch (error) {
        // The store failing (down, or conflicts that outlasted the retries) is no fault of
        // the message: it waits, for as long as it takes, rather than leave a hole in the
        // read side by being dead-lettered. A message that fails otherwise is set aside.
        if (error instanceof ReadModelError && error.retriable)
          throw new ReadModelWriteDeferredError(groupId, error);
        throw error;
      }
    },
  });
  return {
    groupOnBus: `${groupId}.${groupInstance}`,
    topics: contexts.map(topicFor),
    finished: consumer.finished,
    stop: () => consumer.stop(),
  };
};
