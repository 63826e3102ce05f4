import { registerLag } from '@talentloop/observability';
import type { Admin, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import { deliverBatch, retryPolicyOf, sleepWhile, type DeliveryContext } from '../delivery-policy';
import {
  BrokerRequestFailedError,
  BusClosedError,
  ConsumerStoppedError,
  PublishFailedError,
  UnknownTopicError,
} from '../errors';
import {
  groupOnBusOf,
  type BusConsumer,
  type BusMessage,
  type CommittedOffset,
  type DeliveredMessage,
  type MessageBus,
  type PartitionEnd,
  type ReadTopicOptions,
  type SubscribeToTopicsOptions,
} from '../message-bus.port';
import type { AclRule } from '../topology/acls';
import type { Topology, TopologyReport } from '../topology/topology';
import { grantKafkaAcls } from './kafka-acls';
import { kafkaJs } from './kafka-driver';
import { kafkaLogCreator, kafkaLogLevel } from './kafka-logging';
import { kafkaJsSecurity, PLAINTEXT, type KafkaSecurity } from './kafka-security';
import {
  brokerRequest,
  isTransient,
  lazyConnection,
  needsNewProducer,
  retryingWhileTransient,
  type LazyConnection,
} from './kafka-requests';
import { consumerLifetime } from './consumer-lifetime';
import { OffsetCommits } from './offset-commits';
import { deliveredOf } from './kafka-records';
import { readKafkaTopic } from './kafka-topic-reader';
import { declareKafkaTopology } from './kafka-topology';

/**
 * Group membership timings. The defaults suit services: a dead member's partitions move
 * after sessionTimeoutMs; tests lower them (the broker refuses a session below its
 * group.min.session.timeout.ms, 6 s by default).
 */
export interface KafkaConsumerTuning {
  /** 10 000 ms by default. */
  readonly sessionTimeoutMs: number;
  /** How long the group waits for members to rejoin in a rebalance; 20 000 ms by default. */
  readonly rebalanceTimeoutMs: number;
  /** 1 000 ms by default; also how soon a member notices a rebalance. */
  readonly heartbeatIntervalMs: number;
  /** Longest a fetch waits for data; bounds how long stop() waits. 500 ms by default. */
  readonly maxWaitTimeInMs: number;
  /** Partitions handled at once per consumer (keys disjoint, each key in order); 3 by default. */
  readonly partitionsConsumedConcurrently: number;
  /** A batch is handled this many messages at a time; 100 by default. */
  readonly chunkSize: number;
  /**
   * While messages keep coming, handled offsets are committed at most once per this many ms
   * (the first after a quiet spell at once; see OffsetCommits); 200 by default, 0: after
   * every chunk.
   */
  readonly commitIntervalMs: number;
}

export interface KafkaMessageBusOptions {
  readonly brokers: readonly string[];
  readonly clientId?: string;
  /** PLAINTEXT unless told: SASL_SSL with the service's own user (kafka-security.ts). */
  readonly security?: KafkaSecurity;
  readonly consumer?: Partial<KafkaConsumerTuning>;
}

const defaultTuning: KafkaConsumerTuning = {
  sessionTimeoutMs: 10_000,
  rebalanceTimeoutMs: 20_000,
  heartbeatIntervalMs: 1_000,
  maxWaitTimeInMs: 500,
  partitionsConsumedConcurrently: 3,
  chunkSize: 100,
  commitIntervalMs: 200,
};

/** Partitions this member was given at its last group join, per topic. */
export type PartitionAssignment = Readonly<Record<string, readonly number[]>>;

export interface KafkaBusConsumer extends BusConsumer {
  assignment(): PartitionAssignment;
}

/**
 * The MessageBus on Kafka. Publishing goes through one idempotent producer (acks from all
 * in-sync replicas, one request in flight), so a retried send neither duplicates nor
 * reorders messages of a partition; batches go out gzip-compressed (JSON events shrink to
 * a fraction, well under the broker's max.message.bytes). Consumers commit offsets
 * themselves, only for messages whose handler succeeded or that went to the dead-letter topic.
 */
export class KafkaMessageBus implements MessageBus {
  private readonly kafka: Kafka;
  private readonly clientId: string;
  private readonly tuning: KafkaConsumerTuning;
  private producer: Producer;
  private producerConnection: LazyConnection;
  private readonly admin: Admin;
  private readonly adminConnection: LazyConnection;
  private readonly consumers = new Set<KafkaBusConsumer>();
  private closed = false;

  constructor(options: KafkaMessageBusOptions) {
    this.clientId = options.clientId ?? 'talentloop';
    // kafkajs is loaded here, on first use: a service on the embedded bus never pays for it.
    const kafkajs = kafkaJs();
    this.kafka = new kafkajs.Kafka({
      clientId: this.clientId,
      brokers: [...options.brokers],
      ...kafkaJsSecurity(options.security ?? PLAINTEXT),
      logLevel: kafkaLogLevel(),
      logCreator: kafkaLogCreator,
    });
    this.tuning = { ...defaultTuning, ...options.consumer };
    this.admin = this.kafka.admin();
    this.adminConnection = lazyConnection(() => this.admin.connect());
    this.producer = this.newProducer();
    this.producerConnection = this.connectionOf(this.producer);
  }

  private newProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // The Java client's partitioner: a key lands on the same partition as from JVM services.
      createPartitioner: kafkaJs().Partitioners.DefaultPartitioner,
    });
  }

  private connectionOf(producer: Producer): LazyConnection {
    return lazyConnection(() => producer.connect());
  }

  /**
   * A producer whose sequence numbers the broker no longer accepts (it was killed and lost the
   * tail of its log) fails every send after: it is replaced by a new one (a new producer id).
   * A batch the broker did store before the crash may then be stored again; consumers handle
   * an event id once, so that costs a duplicate message, never a duplicate effect.
   */
  private replaceProducer(): void {
    const old = this.producer;
    this.producer = this.newProducer();
    this.producerConnection = this.connectionOf(this.producer);
    old.disconnect().catch(() => undefined);
  }

  async declareTopology(topology: Topology): Promise<TopologyReport> {
    this.assertOpen();
    return brokerRequest('declaring the topology', () =>
      this.withAdmin((admin) => declareKafkaTopology(admin, topology)),
    );
  }

  /** Grants Kafka ACLs (topology/acls.ts), as the operator's principal: `npm run kafka:acls`. */
  async grantAcls(rules: readonly AclRule[]): Promise<void> {
    this.assertOpen();
    return brokerRequest('granting the ACLs', () =>
      this.withAdmin((admin) => grantKafkaAcls(admin, rules)),
    );
  }

  async publish(topic: string, messages: readonly BusMessage[]): Promise<void> {
    this.assertOpen();
    if (messages.length === 0) return;
    try {
      await this.producerConnection.open();
      await this.producer.sendBatch({
        acks: -1,
        compression: kafkaJs().CompressionTypes.GZIP,
        topicMessages: [
          {
            topic,
            // As they are: kafkajs only reads them (no copy per message and header).
            messages: messages as BusMessage[],
          },
        ],
      });
    } catch (error) {
      if (needsNewProducer(error)) {
        this.replaceProducer();
        throw new PublishFailedError(topic, error, true);
      }
      throw new PublishFailedError(topic, error, isTransient(error));
    }
  }

  async subscribe(options: SubscribeToTopicsOptions): Promise<KafkaBusConsumer> {
    this.assertOpen();
    const policy = retryPolicyOf(options.retry);
    const groupOnBus = groupOnBusOf(options);
    const what = `subscribing ${groupOnBus} to ${options.topics.join(', ')}`;
    await this.assertDeclared(what, options.topics);
    const { tuning } = this;
    const consumer = this.kafka.consumer({
      groupId: groupOnBus,
      sessionTimeout: tuning.sessionTimeoutMs,
      rebalanceTimeout: tuning.rebalanceTimeoutMs,
      heartbeatInterval: tuning.heartbeatIntervalMs,
      maxWaitTimeInMs: tuning.maxWaitTimeInMs,
      allowAutoTopicCreation: false,
    });
    const commits = new OffsetCommits(tuning.commitIntervalMs, (topics) =>
      consumer.commitOffsets(
        topics.flatMap(({ topic, partitions }) =>
          partitions.map(({ partition, offset }) => ({ topic, partition, offset })),
        ),
      ),
    );
    let assignment: PartitionAssignment = {};
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      assignment = payload.memberAssignment;
      commits.forget();
    });
    const lifetime = consumerLifetime();
    // kafkajs starts a crashed consumer again by itself only after a retriable error. After
    // any other (the broker refusing a dead-letter message, say) it stays stopped: `finished`
    // says so, for the supervisor to subscribe again. Listening before the first start: its
    // first join may crash already.
    // A consumer that stays stopped still holds its connections: they are closed before
    // `finished` says so, or every crash the supervisor recovers from would leak them.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart) return;
      const error = new ConsumerStoppedError(groupOnBus, payload.error);
      void consumer
        .disconnect()
        .catch(() => undefined)
        .finally(() => lifetime.end(error));
    });
    try {
      await brokerRequest(what, () =>
        retryingWhileTransient(async () => {
          await consumer.connect();
          await consumer.subscribe({
            topics: [...options.topics],
            fromBeginning: options.fromBeginning ?? true,
          });
        }),
      );
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: tuning.partitionsConsumedConcurrently,
        eachBatch: (payload) =>
          this.consumeBatch(payload, {
            groupId: options.groupId,
            handler: options.handler,
            policy,
            ordering: options.ordering,
            deadLetter: (topic: string, message: BusMessage) => this.publish(topic, [message]),
            commits,
          }),
      });
    } catch (error) {
      await consumer.disconnect();
      throw error;
    }
    const unregister = registerLag('consumer', options.groupId, () =>
      this.consumerLag(groupOnBus, options.topics),
    );
    const busConsumer: KafkaBusConsumer = {
      assignment: () => assignment,
      finished: lifetime.finished,
      stop: async () => {
        if (lifetime.ended()) return;
        // Commits what was handled; the batch in hand commits each chunk from now on, and
        // disconnect() waits for it before leaving the group.
        await commits.flush().catch(() => undefined);
        await consumer.disconnect();
        lifetime.end();
      },
    };
    const forget = () => {
      this.consumers.delete(busConsumer);
      unregister();
    };
    lifetime.finished.then(forget, forget);
    this.consumers.add(busConsumer);
    return busConsumer;
  }

  async partitionEnds(topics: readonly string[]): Promise<readonly PartitionEnd[]> {
    this.assertOpen();
    const what = `reading where ${topics.join(', ')} end`;
    await this.assertDeclared(what, topics);
    return brokerRequest(what, () =>
      this.withAdmin(async (admin) => {
        const ends = await Promise.all(
          topics.map(async (topic) =>
            (await admin.fetchTopicOffsets(topic))
              .map(({ partition, high }) => ({ topic, partition, end: BigInt(high) }))
              .sort((a, b) => a.partition - b.partition),
          ),
        );
        return ends.flat();
      }),
    );
  }

  async committedOffsets(
    groupOnBus: string,
    topics: readonly string[],
  ): Promise<readonly CommittedOffset[]> {
    this.assertOpen();
    return brokerRequest(`reading the offsets of ${groupOnBus}`, () =>
      this.withAdmin(async (admin) =>
        (await admin.fetchOffsets({ groupId: groupOnBus, topics: [...topics] })).flatMap(
          ({ topic, partitions }) =>
            partitions
              .filter(({ offset }) => offset !== '-1')
              .map(({ partition, offset }) => ({ topic, partition, next: BigInt(offset) }))
              .sort((a, b) => a.partition - b.partition),
        ),
      ),
    );
  }

  async readTopic(topic: string, options: ReadTopicOptions): Promise<readonly DeliveredMessage[]> {
    this.assertOpen();
    await this.assertDeclared(`reading ${topic}`, [topic]);
    return this.withAdmin((admin) =>
      readKafkaTopic(
        {
          kafka: this.kafka,
          admin,
          clientId: this.clientId,
          maxWaitTimeInMs: this.tuning.maxWaitTimeInMs,
        },
        topic,
        options,
      ),
    );
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.withAdmin((admin) => admin.describeCluster());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    if (this.producerConnection.used()) await this.producer.disconnect();
    if (this.adminConnection.used()) await this.admin.disconnect();
  }

  /**
   * Handles a batch of one partition in chunks: within a chunk, one key's messages in order
   * and different keys side by side (deliverBatch). After each chunk the handled prefix is
   * resolved and handed to OffsetCommits, which commits it at once or within its interval,
   * and all of it on stop() or when a rebalance cuts the batch short: a new owner of the partition resumes right after the last
   * committed message. Nothing unhandled is committed; what was handled and not yet committed
   * when a member dies is redelivered.
   */
  private async consumeBatch(
    payload: EachBatchPayload,
    { commits, ...delivery }: Omit<DeliveryContext, 'pause'> & { commits: OffsetCommits },
  ): Promise<void> {
    const { batch } = payload;
    const heartbeat = () => payload.heartbeat();
    const stillOwned = () => payload.isRunning() && !payload.isStale();
    const context: DeliveryContext = {
      ...delivery,
      // Heartbeats during a backoff keep the partition; one that reports a rebalance throws,
      // which ends the batch (what was handled is committed already) so kafkajs can rejoin.
      pause: (ms) => sleepWhile(ms, stillOwned, heartbeat),
    };
    const { chunkSize } = this.tuning;
    for (let start = 0; start < batch.messages.length && stillOwned(); start += chunkSize) {
      const chunk = batch.messages
        .slice(start, start + chunkSize)
        .map((message) => deliveredOf(batch.topic, batch.partition, message));
      const handled = await deliverBatch(chunk, context, stillOwned);
      if (handled > 0) {
        const last = chunk[handled - 1].offset;
        payload.resolveOffset(last);
        await commits.handled(batch.topic, batch.partition, BigInt(last) + 1n, (topics) =>
          payload.commitOffsetsIfNecessary({ topics }),
        );
      }
      if (handled < chunk.length) return;
      try {
        await heartbeat();
      } catch (error) {
        // A rebalance: what was handled is committed while the partition is still ours.
        await commits
          .commitPending((topics) => payload.commitOffsetsIfNecessary({ topics }))
          .catch(() => undefined);
        throw error;
      }
    }
  }

  /** Messages on the topics after the group's committed offsets (from the log start when none). */
  private consumerLag(groupOnBus: string, topics: readonly string[]): Promise<number> {
    return this.withAdmin(async (admin) => {
      const committed = await admin.fetchOffsets({ groupId: groupOnBus, topics: [...topics] });
      let lag = 0n;
      for (const topic of topics) {
        const offsets = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
        for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
          const next = offsets.find((entry) => entry.partition === partition)?.offset;
          lag += BigInt(high) - BigInt(next === undefined || next === '-1' ? low : next);
        }
      }
      return Number(lag);
    });
  }

  /** A topic nobody declared yet fails the request retriably: it may be declared in a moment. */
  private async assertDeclared(what: string, topics: readonly string[]): Promise<void> {
    const existing = new Set(
      await brokerRequest(what, () => this.withAdmin((a) => a.listTopics())),
    );
    const missing = topics.find((topic) => !existing.has(topic));
    if (missing !== undefined)
      throw new BrokerRequestFailedError(what, new UnknownTopicError(missing), true);
  }

  /**
   * One admin client for topic declarations, readiness pings and lag reads, kept until
   * close: a probe or a scrape must not cost a new broker connection each time.
   */
  private async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    await this.adminConnection.open();
    return work(this.admin);
  }

  private assertOpen(): void {
    if (this.closed) throw new BusClosedError();
  }
}
