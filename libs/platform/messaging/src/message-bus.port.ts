import type { Topology, TopologyReport } from './topology/topology';

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
   * For a group with several durable instances that each read everything (one read side per
   * service instance, say): the group on the bus is `${groupId}.${groupInstance}`, with its
   * own committed offsets, so a new instance starts from the beginning and a restarted one
   * resumes. Its dead letters go to the dead-letter topics of `groupId` and its metrics carry
   * `groupId`, so instances add neither topics nor series.
   */
  readonly groupInstance?: string;
  /**
   * The event types the handler acts on, when it ignores all others: a message whose
   * `ce_type` names another event is passed over (committed as handled) before it is opened,
   * parsed or validated. A message whose type cannot be read still reaches the handler, which
   * refuses it. Every message by default.
   */
  readonly eventTypes?: readonly string[];
}

/** The group a subscription joins on the bus. */
export const groupOnBusOf = (
  options: Pick<SubscribeToTopicsOptions, 'groupId' | 'groupInstance'>,
): string =>
  options.groupInstance === undefined
    ? options.groupId
    : `${options.groupId}.${options.groupInstance}`;

export interface BusConsumer {
  /** Stops fetching, lets the message in hand finish, commits, leaves the group. */
  stop(): Promise<void>;
  /**
   * Resolves after stop(); rejects when the consumer stopped by itself (a failure it does not
   * retry on its own), so that whoever supervises it can subscribe again. Nothing uncommitted
   * is lost: the new subscription gets it again.
   */
  readonly finished: Promise<void>;
}

/** Where a group stands in a partition: `next` is the offset of the next message it will read. */
export interface CommittedOffset {
  readonly topic: string;
  readonly partition: number;
  readonly next: bigint;
}

/** Where a partition ends: `end` is the offset the next message published to it will get. */
export interface PartitionEnd {
  readonly topic: string;
  readonly partition: number;
  readonly end: bigint;
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
 * Set on a message redriven from a dead-letter topic back to its original topic: the consumer
 * group that failed on it. Only that group handles it; every other group (which handled it the
 * first time) acknowledges it without calling its handler.
 */
export const redriveForHeader = 'dlt_redrive_for';

export interface ReadTopicOptions {
  /**
   * Where to start in each partition: `'start'` (the default) for its first message kept, or
   * the offset to start at, per partition number (a partition left out starts at its first).
   */
  readonly from?: 'start' | Readonly<Record<number, bigint>>;
  /** Most messages returned per partition. */
  readonly limit: number;
}

/**
 * The bus between services and to integrators. Delivery is at-least-once: an offset is
 * committed only after its handler succeeded. A message whose handler keeps failing (or
 * fails with an error whose `retriable` is false) goes to the group's dead-letter topic
 * (`deadLetterTopicFor` in @talentloop/contracts) and consumption moves on.
 * Every adapter passes the same contract suite (libs/testing/src/messaging/).
 */
export interface MessageBus {
  /**
   * Makes the topics match the topology, idempotently: creates missing topics, alters configs
   * that differ, adds partitions where fewer than declared (never removes any). Nothing else
   * creates topics: publishing to or subscribing to an undeclared one fails retriably.
   */
  declareTopology(topology: Topology): Promise<TopologyReport>;
  /** Resolves once every message is durably accepted; per key, order is kept. */
  publish(topic: string, messages: readonly BusMessage[]): Promise<void>;
  subscribe(options: SubscribeToTopicsOptions): Promise<BusConsumer>;
  /** Where each partition of the topics ends now; fails retriably for an undeclared topic. */
  partitionEnds(topics: readonly string[]): Promise<readonly PartitionEnd[]>;
  /**
   * What the group (as named on the bus: groupOnBusOf) has committed in the topics' partitions;
   * a partition it has committed nothing in is left out.
   */
  committedOffsets(
    groupOnBus: string,
    topics: readonly string[],
  ): Promise<readonly CommittedOffset[]>;
  /**
   * Messages of a topic as they stand now, for an operator's tools (dead letters): no consumer
   * group is joined for good and no offset is committed, so no group's position moves. At most
   * `limit` per partition, up to the partition's end at the call, in partition then offset
   * order; fails retriably for an undeclared topic.
   */
  readTopic(topic: string, options: ReadTopicOptions): Promise<readonly DeliveredMessage[]>;
  /** Resolves when the bus answers (a broker, or the log file); readiness asks it. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
