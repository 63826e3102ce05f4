import { registerLag } from '@talentloop/observability';
import {
  Kafka,
  Partitioners,
  type Admin,
  type Consumer,
  type EachBatchPayload,
  type IHeaders,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import {
  deadLetterTopicsOf,
  deliverBatch,
  retryPolicyOf,
  sleepWhile,
  type DeliveryContext,
} from '../delivery-policy';
import {
  BrokerRequestFailedError,
  BusClosedError,
  MessagingError,
  messageOf,
  PublishFailedError,
} from '../errors';
import {
  groupOnBusOf,
  type BusConsumer,
  type BusMessage,
  type DeliveredMessage,
  type MessageBus,
  type SubscribeToTopicsOptions,
  type TopicSpec,
} from '../message-bus.port';
import { kafkaLogCreator, kafkaLogLevel } from './kafka-logging';

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
  /** A batch is handled and committed this many messages at a time; 100 by default. */
  readonly chunkSize: number;
  /** Wait before starting a consumer again that stopped on a non-retriable error; 5 000 ms. */
  readonly restartMs: number;
}

export interface KafkaMessageBusOptions {
  readonly brokers: readonly string[];
  readonly clientId?: string;
  readonly consumer?: Partial<KafkaConsumerTuning>;
}

const defaultTuning: KafkaConsumerTuning = {
  sessionTimeoutMs: 10_000,
  rebalanceTimeoutMs: 20_000,
  heartbeatIntervalMs: 1_000,
  maxWaitTimeInMs: 500,
  partitionsConsumedConcurrently: 3,
  chunkSize: 100,
  restartMs: 5_000,
};

/** Partitions this member was given at its last group join, per topic. */
export type PartitionAssignment = Readonly<Record<string, readonly number[]>>;

export interface KafkaBusConsumer extends BusConsumer {
  assignment(): PartitionAssignment;
}

/**
 * The MessageBus on Kafka. Publishing goes through one idempotent producer (acks from all
 * in-sync replicas, one request in flight), so a retried send neither duplicates nor
 * reorders messages of a partition. Consumers commit offsets themselves, only for messages
 * whose handler succeeded or that went to the dead-letter topic.
 */
export class KafkaMessageBus implements MessageBus {
  private readonly kafka: Kafka;
  private readonly tuning: KafkaConsumerTuning;
  private readonly producer: Producer;
  private readonly producerConnection: LazyConnection;
  private readonly admin: Admin;
  private readonly adminConnection: LazyConnection;
  private readonly consumers = new Set<KafkaBusConsumer>();
  private closed = false;

  constructor(options: KafkaMessageBusOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId ?? 'talentloop',
      brokers: [...options.brokers],
      logLevel: kafkaLogLevel,
      logCreator: kafkaLogCreator,
    });
    this.tuning = { ...defaultTuning, ...options.consumer };
    this.producerConnection = lazyConnection(() => this.producer.connect());
    this.admin = this.kafka.admin();
    this.adminConnection = lazyConnection(() => this.admin.connect());
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // The Java client's partitioner: a key lands on the same partition as from JVM services.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    this.assertOpen();
    if (topics.length === 0) return;
    const names = topics.map(({ topic }) => topic);
    await brokerRequest(`declaring ${names.join(', ')}`, () =>
      this.withAdmin(async (admin) => {
        // Only the missing ones: kafkajs skips waiting for leaders when any topic of the
        // request already exists. One created meanwhile by another process resolves false.
        const existing = new Set(await admin.listTopics());
        const missing = topics.filter(({ topic }) => !existing.has(topic));
        if (missing.length > 0)
          await admin.createTopics({
            waitForLeaders: true,
            topics: missing.map(({ topic, partitions }) => ({ topic, numPartitions: partitions })),
          });
        // A topic another process has just created (listed above, or created first so that
        // createTopics returned without waiting) may have no partition leaders yet: a
        // consumer subscribing now would be told the broker does not host the partition.
        await untilLeadersElected(admin, names);
      }),
    );
  }

  async publish(topic: string, messages: readonly BusMessage[]): Promise<void> {
    this.assertOpen();
    if (messages.length === 0) return;
    try {
      await this.producerConnection.open();
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [
          {
            topic,
            messages: messages.map(({ key, headers, value }) => ({
              key,
              value,
              headers: { ...headers },
            })),
          },
        ],
      });
    } catch (error) {
      throw new PublishFailedError(topic, error, isTransient(error));
    }
  }

  async subscribe(options: SubscribeToTopicsOptions): Promise<KafkaBusConsumer> {
    this.assertOpen();
    const policy = retryPolicyOf(options.retry);
    await this.ensureTopics(deadLetterTopicsOf(options.topics, options.groupId));
    const { tuning } = this;
    // An ephemeral group commits nothing (the broker forgets it once empty); where it stands
    // is kept here, for its lag.
    const positions = options.ephemeral ? new Map<string, string>() : undefined;
    const consumer = this.kafka.consumer({
      groupId: groupOnBusOf(options),
      sessionTimeout: tuning.sessionTimeoutMs,
      rebalanceTimeout: tuning.rebalanceTimeoutMs,
      heartbeatInterval: tuning.heartbeatIntervalMs,
      maxWaitTimeInMs: tuning.maxWaitTimeInMs,
      allowAutoTopicCreation: false,
    });
    let assignment: PartitionAssignment = {};
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      assignment = payload.memberAssignment;
    });
    const delivery = {
      groupId: options.groupId,
      handler: options.handler,
      policy,
      ordering: options.ordering,
      deadLetter: (topic: string, message: BusMessage) => this.publish(topic, [message]),
    };
    const start = async () => {
      await brokerRequest(`subscribing ${options.groupId} to ${options.topics.join(', ')}`, () =>
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
        eachBatch: (payload) => this.consumeBatch(payload, delivery, positions),
      });
    };
    // Listening before the first start: its first join may crash already.
    const restarts = restartingAfterCrashes(consumer, options.groupId, start, tuning.restartMs);
    try {
      await start();
    } catch (error) {
      restarts.stop();
      await consumer.disconnect();
      throw error;
    }
    const unregister = registerLag('consumer', options.groupId, () =>
      this.consumerLag(options.groupId, options.topics, positions),
    );
    const busConsumer: KafkaBusConsumer = {
      assignment: () => assignment,
      stop: async () => {
        this.consumers.delete(busConsumer);
        unregister();
        restarts.stop();
        // Waits for the batch in hand (which commits what it handled), then leaves the group.
        await consumer.disconnect();
      },
    };
    this.consumers.add(busConsumer);
    return busConsumer;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.withAdmin((admin) => admin.describeCluster());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    if (this.producerConnection.opened()) await this.producer.disconnect();
    if (this.adminConnection.opened()) await this.admin.disconnect();
  }

  /**
   * Handles a batch of one partition in chunks: within a chunk, one key's messages in order
   * and different keys side by side (deliverBatch). After each chunk the handled prefix is
   * resolved and committed, so a new owner of the partition (after stop() or a rebalance)
   * resumes right after the last committed message: nothing handled is lost, at worst
   * redelivered.
   */
  private async consumeBatch(
    payload: EachBatchPayload,
    delivery: Omit<DeliveryContext, 'pause'>,
    positions: Map<string, string> | undefined,
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
        const next = (BigInt(last) + 1n).toString();
        payload.resolveOffset(last);
        if (positions) positions.set(`${batch.topic}/${batch.partition}`, next);
        else
          await payload.commitOffsetsIfNecessary({
            topics: [
              { topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] },
            ],
          });
      }
      if (handled < chunk.length) return;
      await heartbeat();
    }
  }

  /**
   * Messages on the topics after the group's committed offsets (from the log start when none);
   * for an ephemeral group, after the positions it has handled.
   */
  private consumerLag(
    groupId: string,
    topics: readonly string[],
    positions: ReadonlyMap<string, string> | undefined,
  ): Promise<number> {
    return this.withAdmin(async (admin) => {
      const committed = positions ? [] : await admin.fetchOffsets({ groupId, topics: [...topics] });
      let lag = 0n;
      for (const topic of topics) {
        const offsets = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
        for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
          const next = positions
            ? positions.get(`${topic}/${partition}`)
            : offsets.find((entry) => entry.partition === partition)?.offset;
          lag += BigInt(high) - BigInt(next === undefined || next === '-1' ? low : next);
        }
      }
      return Number(lag);
    });
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

interface LazyConnection {
  open(): Promise<void>;
  /** A connection was asked for (and not forgotten after failing). */
  opened(): boolean;
}

/** Connects on first use; a failed connection is forgotten, so the next use tries again. */
const lazyConnection = (connect: () => Promise<void>): LazyConnection => {
  let connected: Promise<void> | undefined;
  return {
    open: () =>
      (connected ??= connect().catch((error: unknown) => {
        connected = undefined;
        throw error;
      })),
    opened: () => connected !== undefined,
  };
};

const textOf = (value: Buffer | string | null | undefined): string =>
  value === null || value === undefined ? '' : value.toString();

const headersOf = (headers: IHeaders | undefined): Record<string, string> => {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    // A header repeated on the wire: the bus port has one value per name, the first wins.
    result[name] = textOf(Array.isArray(value) ? value[0] : value);
  }
  return result;
};

const deliveredOf = (
  topic: string,
  partition: number,
  message: KafkaMessage,
): DeliveredMessage => ({
  topic,
  partition,
  offset: message.offset,
  key: textOf(message.key),
  headers: headersOf(message.headers),
  value: textOf(message.value),
});

/**
 * kafkajs starts a crashed consumer again by itself only after a retriable error. After any
 * other (the broker refusing a dead-letter message, say) the group would stop consuming for
 * good while the service looks healthy. Such a consumer is started again every `restartMs`
 * while it keeps failing, each time logged as an error: the message in hand was not
 * committed, so it is delivered again and nothing is lost.
 */
const restartingAfterCrashes = (
  consumer: Consumer,
  groupId: string,
  start: () => Promise<void>,
  restartMs: number,
): { stop(): void } => {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const restartLater = (error: unknown) => {
    if (stopped) return;
    console.error(
      `kafka consumer ${groupId} stopped on a non-retriable error; starting it again in ${restartMs} ms: ${messageOf(error)}`,
    );
    timer = setTimeout(() => {
      if (stopped) return;
      // A stop() that came while starting: leave the group again.
      start()
        .then(() => (stopped ? consumer.disconnect() : undefined))
        .catch(restartLater);
    }, restartMs);
  };
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) restartLater(payload.error);
  });
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
};

/** Polls the topics' metadata until every partition has a leader (30 s at most, then throws). */
const untilLeadersElected = async (admin: Admin, topics: readonly string[]): Promise<void> => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics: [...topics] });
      const led = found.every(
        ({ partitions }) =>
          partitions.length > 0 &&
          partitions.every(({ leader }) => leader !== undefined && leader >= 0),
      );
      if (led && found.length === topics.length) return;
    } catch (error) {
      // The topic is not in the metadata of every broker yet: ask again.
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline)
      throw new BrokerRequestFailedError(
        `waiting for leaders of ${topics.join(', ')}`,
        new Error('no leader within 30 s'),
        true,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/**
 * Whether a kafkajs error may go away by itself. kafkajs marks its retriable errors, and once
 * its own few retries are spent it throws KafkaJSNumberOfRetriesExceeded, marked not
 * retriable; its consumer restarts on that error all the same, and so do the relay and a
 * subscription: a broker that is down, or still learning of a topic created elsewhere, answers
 * later.
 */
const isTransient = (error: unknown): boolean => {
  const { retriable, name } = (error ?? {}) as { retriable?: unknown; name?: unknown };
  return retriable === true || name === 'KafkaJSNumberOfRetriesExceeded';
};

/** Runs a request to the broker; a kafkajs failure becomes a BrokerRequestFailedError. */
const brokerRequest = async <T>(what: string, request: () => Promise<T>): Promise<T> => {
  try {
    return await request();
  } catch (error) {
    if (error instanceof MessagingError) throw error;
    throw new BrokerRequestFailedError(what, error, isTransient(error));
  }
};

/**
 * Runs `attempt` again while it fails with a transient error (a broker still learning about a
 * topic just created elsewhere), for 30 s at most.
 */
const retryingWhileTransient = async <T>(attempt: () => Promise<T>): Promise<T> => {
  const deadline = Date.now() + 30_000;
  for (let wait = 100; ; wait = Math.min(wait * 2, 2_000)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTransient(error) || Date.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
};
