import { randomUUID } from 'node:crypto';
import { eventRegistry, streamName, streamPrefix } from '@talentloop/contracts';
import { SqliteEventStore, type EventToAppend } from '@talentloop/event-store';
import {
  busMessageOf,
  EmbeddedMessageBus,
  KafkaMessageBus,
  type BusMessage,
  type MessageBus,
  SqliteCheckpointStore,
  startRelay,
} from '@talentloop/messaging';
import { CompressionTypes } from 'kafkajs';
import { declareBenchTopic, deleteKafkaTopics, rawKafka } from './bench-topics';
import { withTempDb } from '../lib/temp-db';
import { secondsSince } from '../lib/timer';
import { profiled } from './profile';

const definition = eventRegistry.current('CheckInLogged')!;

/** The relay's page, and the raw producer's batch: 2,000 events. */
export const BATCH = 2_000;

/** `count` valid planning events spread over `employees` streams, appended in batches. */
const fillStore = async (
  store: SqliteEventStore,
  tenantId: string,
  count: number,
  employees: number,
): Promise<void> => {
  const perEmployee = Math.ceil(count / employees);
  const occurredAt = new Date().toISOString();
  for (let employee = 0; employee < employees; employee++) {
    const events: EventToAppend[] = Array.from({ length: perEmployee }, () => ({
      id: randomUUID(),
      type: definition.name,
      data: { ...definition.example, employeeId: `emp-${employee}` },
      metadata: { tenantId, actorId: 'bench', occurredAt, schemaVersion: definition.version },
    }));
    await store.appendToStream(
      streamName({ context: 'planning', aggregate: 'goal', tenantId, id: `goal-${employee}` }),
      events,
      { expectedRevision: 'any' },
    );
  }
};

export interface Throughput {
  readonly label: string;
  readonly events: number;
  readonly seconds: number;
}

export const perSecond = (row: Throughput): number => row.events / row.seconds;

/** Times one relay (a fresh checkpoint) moving every planning event of the store to `topic`. */
const timeRelay = async (
  label: string,
  store: SqliteEventStore,
  bus: MessageBus,
  topic: string,
  count: number,
): Promise<Throughput> => {
  const checkpoints = new SqliteCheckpointStore({ path: ':memory:' });
  try {
    return await profiled(label, async () => {
      const start = process.hrtime.bigint();
      const relay = startRelay({
        store,
        bus,
        checkpoints,
        name: `bench-${randomUUID()}`,
        context: 'planning',
        topic,
        pageSize: BATCH,
      });
      while (relay.relayed < count) await new Promise((done) => setTimeout(done, 2));
      const seconds = secondsSince(start);
      await relay.stop();
      return { label, events: relay.relayed, seconds };
    });
  } finally {
    checkpoints.close();
  }
};

/** The messages the relay sends for the store's planning events, read and built in advance. */
const messagesOfStore = async (store: SqliteEventStore): Promise<BusMessage[]> => {
  const messages: BusMessage[] = [];
  const filter = { streamPrefixes: [streamPrefix('planning')] };
  for (let after: bigint | undefined; ; ) {
    const page = await store.readAll({ after, maxCount: BATCH, filter });
    for (const event of page) messages.push(busMessageOf(event).message);
    if (page.length < BATCH) return messages;
    after = page[page.length - 1].globalPosition;
  }
};

/**
 * The limit: a bare kafkajs producer configured as the bus's (idempotent, one request in
 * flight, the Java partitioner, acks from all in-sync replicas, gzip) sending the relay's own
 * messages (same keys, headers and values), prepared in advance, in batches of 2,000.
 */
const timeRawProducer = async (
  label: string,
  brokers: readonly string[],
  topic: string,
  messages: readonly BusMessage[],
): Promise<Throughput> => {
  const { producer } = rawKafka(brokers);
  const batches: { key: string; value: string; headers: Record<string, string> }[][] = [];
  for (let start = 0; start < messages.length; start += BATCH)
    batches.push(
      messages
        .slice(start, start + BATCH)
        .map(({ key, value, headers }) => ({ key, value, headers: { ...headers } })),
    );
  try {
    return await profiled(label, async () => {
      const start = process.hrtime.bigint();
      await producer.connect();
      for (const batch of batches)
        await producer.sendBatch({
          acks: -1,
          compression: CompressionTypes.GZIP,
          topicMessages: [{ topic, messages: batch }],
        });
      return { label, events: messages.length, seconds: secondsSince(start) };
    });
  } finally {
    await producer.disconnect();
  }
};

export interface RelayComparison {
  /** Every round of the raw producer, then of the relay, in the order run (alternating). */
  readonly raw: readonly Throughput[];
  readonly relay: readonly Throughput[];
  readonly embedded: Throughput;
}

/**
 * Appends `count` events to a SQLite event store, then, `rounds` times, alternately: the raw
 * producer sends them to one topic of the bench's own, and a fresh relay moves them to
 * another; last, a relay moves them to the embedded bus.
 */
export const compareRelayWithRawProducer = (
  brokers: readonly string[],
  count: number,
  rounds: number,
): Promise<RelayComparison> =>
  withTempDb('relay-store', (storePath) =>
    withTempDb('relay-bus', async (busPath) => {
      const store = new SqliteEventStore({ path: storePath });
      const kafkaBus = new KafkaMessageBus({ brokers: [...brokers], clientId: 'bench' });
      const embeddedBus = new EmbeddedMessageBus({ path: busPath });
      const topics: string[] = [];
      try {
        await fillStore(store, `bench-${randomUUID().slice(0, 8)}`, count, 1_000);
        const messages = await messagesOfStore(store);
        const rawTopic = await declareBenchTopic(kafkaBus, 'raw');
        const relayTopic = await declareBenchTopic(kafkaBus, 'relay');
        topics.push(rawTopic, relayTopic);
        const raw: Throughput[] = [];
        const relay: Throughput[] = [];
        for (let round = 1; round <= rounds; round++) {
          raw.push(await timeRawProducer(`raw-${round}`, brokers, rawTopic, messages));
          relay.push(
            await timeRelay(`relay-${round}`, store, kafkaBus, relayTopic, messages.length),
          );
        }
        const embeddedTopic = await declareBenchTopic(embeddedBus, 'embedded');
        const embedded = await timeRelay(
          'relay-embedded',
          store,
          embeddedBus,
          embeddedTopic,
          messages.length,
        );
        return { raw, relay, embedded };
      } finally {
        await kafkaBus.close();
        await embeddedBus.close();
        await store.close();
        if (topics.length > 0) await deleteKafkaTopics(brokers, topics);
      }
    }),
  );
