import { randomUUID } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';
import { BrokerRequestFailedError } from '../errors';
import type { DeliveredMessage, ReadTopicOptions } from '../message-bus.port';
import { readWindowsOf, type ReadWindow } from '../read-topic';
import { deliveredOf } from './kafka-records';
import { brokerRequest, retryingWhileTransient } from './kafka-requests';

/** A read that makes no progress for this long gives up, retriably. */
const READ_TIMEOUT_MS = 30_000;

export interface KafkaTopicReaderSettings {
  readonly kafka: Kafka;
  readonly admin: Admin;
  readonly clientId: string;
  readonly maxWaitTimeInMs: number;
}

/**
 * readTopic on Kafka. kafkajs has no consumer without a group (no `assign`), so the read
 * joins a group of its own, named once and never again, seeks each partition to its window
 * and commits nothing (autoCommit off, and seek does not commit then): no group's position
 * moves, and the broker forgets the empty group, which has no offsets, once its offsets
 * retention passes. The windows come from the partitions' offsets first, so a topic
 * with nothing to read costs no group at all.
 */
export const readKafkaTopic = async (
  settings: KafkaTopicReaderSettings,
  topic: string,
  options: ReadTopicOptions,
): Promise<DeliveredMessage[]> => {
  const what = `reading ${topic}`;
  const offsets = await brokerRequest(what, () => settings.admin.fetchTopicOffsets(topic));
  const bounds = offsets.map(({ partition, low, high }) => ({
    partition,
    first: BigInt(low),
    end: BigInt(high),
  }));
  const windows = readWindowsOf(bounds, options);
  if (windows.length === 0) return [];
  return brokerRequest(what, () => readWindows(settings, topic, windows, bounds));
};

const readWindows = async (
  settings: KafkaTopicReaderSettings,
  topic: string,
  windows: readonly ReadWindow[],
  bounds: readonly { readonly partition: number; readonly end: bigint }[],
): Promise<DeliveredMessage[]> => {
  const consumer = settings.kafka.consumer({
    groupId: `${settings.clientId}.read-topic.${randomUUID()}`,
    maxWaitTimeInMs: settings.maxWaitTimeInMs,
    allowAutoTopicCreation: false,
  });
  const read = new Map<number, DeliveredMessage[]>(windows.map((w) => [w.partition, []]));
  const pending = new Set(windows.map((window) => window.partition));
  let progressAt = Date.now();
  let failure: Error | undefined;
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) failure = payload.error;
  });
  try {
    await retryingWhileTransient(async () => {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
    });
    await consumer.run({
      autoCommit: false,
      eachBatch: ({ batch }) => {
        const window = windows.find((candidate) => candidate.partition === batch.partition);
        if (!window || !pending.has(window.partition)) return Promise.resolve();
        for (const message of batch.messages) {
          const offset = BigInt(message.offset);
          if (offset >= window.start && offset < window.stop)
            read.get(window.partition)?.push(deliveredOf(topic, batch.partition, message));
        }
        // lastOffset also counts offsets without a message (control records, compaction).
        if (BigInt(batch.lastOffset()) >= window.stop - 1n) pending.delete(window.partition);
        progressAt = Date.now();
        return Promise.resolve();
      },
    });
    // Partitions outside the windows are sent to their end, so nothing is fetched from them.
    for (const { partition, end } of bounds) {
      const window = windows.find((candidate) => candidate.partition === partition);
      consumer.seek({ topic, partition, offset: String(window?.start ?? end) });
    }
    while (pending.size > 0) {
      if (failure !== undefined) throw failure;
      if (Date.now() - progressAt > READ_TIMEOUT_MS)
        throw new BrokerRequestFailedError(
          `reading ${topic}`,
          new Error(`no progress for ${READ_TIMEOUT_MS} ms`),
          true,
        );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await consumer.disconnect();
  }
  return windows.flatMap((window) => read.get(window.partition) ?? []);
};
