import { randomUUID } from 'node:crypto';
import { KafkaMessageBus } from '@talentloop/messaging';
import { CompressionTypes } from 'kafkajs';
import { declareBenchTopic, deleteKafkaTopics, rawKafka } from './bench-topics';
import { summary, type LatencySummary } from './latency-summary';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Kafka's own end-to-end latency on this broker, in the same run: a bare kafkajs producer
 * (configured as the bus's: idempotent, acks=-1, gzip, one request in flight; what arrives
 * while a send is in flight goes in the next) and a bare consumer (the bench consumer's fetch
 * wait, no handler work, no commits), one small message per key at `offeredPerSecond`.
 */
export const measureRawKafkaLatency = async (
  brokers: readonly string[],
  { events, offeredPerSecond }: { readonly events: number; readonly offeredPerSecond: number },
  maxWaitTimeInMs: number,
): Promise<LatencySummary> => {
  const admin = new KafkaMessageBus({ brokers: [...brokers], clientId: 'bench-raw-admin' });
  const topic = await declareBenchTopic(admin, 'raw-e2e');
  await admin.close();
  const { kafka, producer } = rawKafka(brokers);
  const consumer = kafka.consumer({ groupId: `bench-raw-${randomUUID()}`, maxWaitTimeInMs });
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: false });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: 3,
      eachBatch: ({ batch }) => {
        const now = performance.now();
        for (const message of batch.messages) {
          const start = sentAt.get(message.key?.toString() ?? '');
          if (start !== undefined) samples.push(now - start);
        }
        return Promise.resolve();
      },
    });
    const joinDeadline = Date.now() + 30_000;
    while (!joined && Date.now() < joinDeadline) await sleep(50);
    await sleep(1_000);

    let queued: { key: string; value: string }[] = [];
    let sending: Promise<void> | undefined;
    const flush = async (): Promise<void> => {
      while (queued.length > 0) {
        const messages = queued;
        queued = [];
        await producer.sendBatch({
          acks: -1,
          compression: CompressionTypes.GZIP,
          topicMessages: [{ topic, messages }],
        });
      }
      sending = undefined;
    };
    const interval = 1000 / offeredPerSecond;
    const begin = performance.now();
    for (let i = 0; i < events; i++) {
      const wait = begin + i * interval - performance.now();
      if (wait > 1) await sleep(wait);
      const key = `emp-${i}`;
      sentAt.set(key, performance.now());
      queued.push({ key, value: JSON.stringify({ employeeId: key, i }) });
      sending ??= flush();
    }
    await sending;
    const deadline = Date.now() + 30_000;
    while (samples.length < events && Date.now() < deadline) await sleep(20);
    return summary(`Kafka's own: raw producer → raw consumer (limit)`, samples);
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
    await deleteKafkaTopics(brokers, [topic]);
  }
};
