import { randomUUID } from 'node:crypto';
/**
 * A message as the bus carries it: the CloudEvents Kafka binding in binary mode
 * (`toKafkaRecord` of @talentloop/contracts builds one). The key orders messages: all
 * messages with one key land on one partition and are delivered in the order published.
 */
export interface BusMessage {
  readonly key: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly value: string;
}

/** A message as delivered to a consumer, with its coordinates. */
export interface DeliveredMessage extends BusMessage {
  readonly topic: string;
  readonly partition: number;
  /** Offset inside the partition, as a decimal string (Kafka offsets are 64-bit). */
  readonly offset: string;
}

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
}

/** Called once per message; a rejection means "not handled" and triggers a retry. */
export type MessageHandler = (message: DeliveredMessage) => Promise<void>;

export interface RetryPolicy {
  /** Attempts before a message is dead-lettered (first try included); 5 by default. */
  readonly maxAttempts: number;
  /** Delay before the second attempt; doubles up to maxBackoffMs. */
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
}

export interface SubscribeToTopicsOptions {
  /** Consumers sharing a group id share the work; each message is handled by one of them. */
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly handler: MessageHandler;
  readonly retry?: Partial<RetryPolicy>;
  /** Where a group with no committed offset starts; the beginning by default. */
  readonly fromBeginning?: boolean;
  /**
   * What the handler may rely on: `key` (default) — one key's messages one at a time in
   * order, different keys at the same time; `partition` — one message at a time in offset
   * order, for a handler that tracks a position per partition.
   */
  readonly ordering?: 'key' | 'partition';
  /**
   * For a view held in memory and rebuilt from the beginning at every start: the subscription
   * is a group of its own (`groupId` plus a unique suffix) that the bus forgets when it stops
   * (Kafka: it commits no offsets, so the group is gone once empty; embedded: its rows are
   * deleted). Its dead letters go to the dead-letter topics of `groupId`, and its metrics carry
   * `groupId`, the same for every start, so restarts add neither topics nor series.
   */
  readonly ephemeral?: boolean;
}

/** The group a subscription joins on the broker: its own, for an ephemeral one. */
export const groupOnBusOf = (options: Pick<SubscribeToTopicsOptions, 'groupId' | 'ephemeral'>) =>
  options.ephemeral ? `${options.groupId}.${randomUUID()}` : options.groupId;

export interface BusConsumer {
  /** Stops fetching, lets the message in hand finish, commits, leaves the group. */
  stop(): Promise<void>;
}

/**
 * Headers added to a dead-lettered message (beside the original headers), so an operator
 * can see why it failed and where it came from, and replay it.
 */
export const deadLetterHeaders = {
  error: 'dlt_error',
  errorName: 'dlt_error_name',
  attempts: 'dlt_attempts',
  originalTopic: 'dlt_original_topic',
  originalPartition: 'dlt_original_partition',
  originalOffset: 'dlt_original_offset',
  consumerGroup: 'dlt_consumer_group',
  failedAt: 'dlt_failed_at',
} as const;

/**
 * The bus between services and to integrators. Delivery is at-least-once: an offset is
 * committed only after its handler succeeded. A message whose handler keeps failing (or
 * fails with an error whose `retriable` is false) goes to the group's dead-letter topic
 * (`deadLetterTopicFor` in @talentloop/contracts) and consumption moves on.
 * Every adapter passes the same contract suite (libs/testing/src/messaging/).
 */
export interface MessageBus {
  /** Creates missing topics (and their dead-letter topics are created on first use). */
  ensureTopics(topics: readonly TopicSpec[]): Promise<void>;
  /** Resolves once every message is durably accepted; per key, order is kept. */
  publish(topic: string, messages: readonly BusMessage[]): Promise<void>;
  subscribe(options: SubscribeToTopicsOptions): Promise<BusConsumer>;
  /** Resolves when the bus answers (a broker, or the log file); readiness asks it. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
