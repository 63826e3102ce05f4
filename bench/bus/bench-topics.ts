import { randomUUID } from 'node:crypto';
import { defaultTopologySettings, type MessageBus, topologyOf } from '@talentloop/messaging';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';

/**
 * A topic of the bench's own, partitioned as the context topics are (ADR 0008's topology):
 * the context topics on a shared broker belong to the services.
 */
export const declareBenchTopic = async (bus: MessageBus, label: string): Promise<string> => {
  const topic = `bench.bus.${label}.${randomUUID().slice(0, 8)}`;
  await bus.declareTopology(
    topologyOf({
      sources: [
        {
          topic,
          partitions: defaultTopologySettings.partitions,
          replicationFactor: 1,
          configs: {},
        },
      ],
      groups: [],
      deadLetters: { replicationFactor: 1, configs: {} },
    }),
  );
  return topic;
};

/** Deletes the bench's topics from the broker, best effort. */
export const deleteKafkaTopics = async (
  brokers: readonly string[],
  topics: readonly string[],
): Promise<void> => {
  const admin = new Kafka({
    clientId: 'bench-cleanup',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  }).admin();
  try {
    await admin.connect();
    await admin.deleteTopics({ topics: [...topics] });
  } catch {
    // A topic left behind costs the dev broker a few MB, not the figures.
  } finally {
    await admin.disconnect();
  }
};

/**
 * The limit's client: kafkajs as the bus configures its producer (idempotent, one request in
 * flight, the Java partitioner), nothing of ours on the way.
 */
export const rawKafka = (brokers: readonly string[]): { kafka: Kafka; producer: Producer } => {
  const kafka = new Kafka({
    clientId: 'bench-raw',
    brokers: [...brokers],
    logLevel: logLevel.ERROR,
  });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  return { kafka, producer };
};
