import { registerLag } from '@talentloop/observability';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
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
import { readWindowsOf } from '../read-topic';
import type { Topology, TopologyReport } from '../topology/topology';
import { SqliteBusLog } from './sqlite-bus-log';

export interface EmbeddedMessageBusOptions {
  /** The SQLite file; may be the embedded event store's file. */
  readonly path: string;
  /** How often an idle consumer looks for messages published by other processes; 20 ms by default. */
  readonly pollIntervalMs?: number;
  /**
   * How long a group's lease outlives its holder's last heartbeat: a member that dies blocks
   * its group for at most this long. 5 000 ms by default; renewed every third of it.
   */
  readonly leaseTtlMs?: number;
  /** Messages read per partition per round; 100 by default. */
  readonly batchSize?: number;
  /** 'full' (default): an acknowledged publish survives power loss; see SqliteEventStore. */
  readonly durability?: 'full' | 'normal';
  readonly busyTimeoutMs?: number;
}

/**
 * Idle consumers of every bus instance of this process, per file, with the topics each reads:
 * a publish wakes those of its topic at once (the others would find nothing new), while
 * consumers in other processes find the message at their next poll.
 */
type Sleepers = Map<() => void, readonly string[]>;
const sleepersByFile = new Map<string, Sleepers>();

const wakeConsumersOf = (file: string, topic: string): void => {
  for (const [wake, topics] of sleepersByFile.get(file) ?? []) if (topics.includes(topic)) wake();
};

/**
 * The MessageBus on one SQLite file, for running without Kafka: topics with partitions,
 * offsets per partition, committed offsets per (group, topic, partition), the same retry
 * and dead-letter behaviour as the Kafka adapter (shared delivery-policy).
 *
 * The one simplification against Kafka: a consumer group is served by one member at a time,
 * not by members sharing its partitions. Members hold a lease row (renewed while alive);
 * the others wait, and one of them takes over when the holder stops (at once) or dies (when
 * its lease expires). At the rates of one organisation a single member keeps up, and the
 * group keeps per-partition order and at-least-once delivery exactly as on Kafka.
 */
export class EmbeddedMessageBus implements MessageBus {
  private readonly log: SqliteBusLog;
  private readonly file: string;
  private readonly settings: Required<
    Omit<EmbeddedMessageBusOptions, 'path' | 'durability' | 'busyTimeoutMs'>
  >;
  private readonly consumers = new Set<EmbeddedConsumer>();
  private closed = false;

  constructor(options: EmbeddedMessageBusOptions) {
    this.file = options.path === ':memory:' ? `:memory:${randomUUID()}` : resolve(options.path);
    this.log = new SqliteBusLog({
      path: options.path,
      durability: options.durability ?? 'full',
      busyTimeoutMs: options.busyTimeoutMs ?? 5_000,
    });
    this.settings = {
      pollIntervalMs: options.pollIntervalMs ?? 20,
      leaseTtlMs: options.leaseTtlMs ?? 5_000,
      batchSize: options.batchSize ?? 100,
    };
  }

  /** Partition counts are all the log keeps of a topology: it has no retention or size limits. */
  declareTopology(topology: Topology): Promise<TopologyReport> {
    return this.run(() => ({ topics: this.log.declareTopics(topology.topics) }));
  }

  async publish(topic: string, messages: readonly BusMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.run(() => {
      try {
        this.log.append(topic, messages);
      } catch (error) {
        throw new PublishFailedError(topic, error);
      }
    });
    wakeConsumersOf(this.file, topic);
  }

  async subscribe(options: SubscribeToTopicsOptions): Promise<BusConsumer> {
    const policy = retryPolicyOf(options.retry);
    const groupOnBus = groupOnBusOf(options);
    await this.run(() => {
      this.assertDeclared(`subscribing ${groupOnBus} to ${options.topics.join(', ')}`, options);
      if (options.fromBeginning === false) this.log.startAtEnd(groupOnBus, options.topics);
    });
    const consumer = new EmbeddedConsumer(this.log, {
      ...this.settings,
      groupId: groupOnBus,
      topics: options.topics,
      delivery: {
        groupId: options.groupId,
        handler: options.handler,
        policy,
        ordering: options.ordering,
        deadLetter: (topic, message) => this.publish(topic, [message]),
      },
      sleepers: this.sleepersOfFile(),
      onStopped: () => {
        this.consumers.delete(consumer);
        unregister();
      },
    });
    const unregister = registerLag('consumer', options.groupId, () =>
      Promise.resolve(this.closed ? 0 : this.log.lag(groupOnBus, options.topics)),
    );
    this.consumers.add(consumer);
    return consumer;
  }

  partitionEnds(topics: readonly string[]): Promise<readonly PartitionEnd[]> {
    return this.run(() => {
      this.assertDeclared(`reading where ${topics.join(', ')} end`, { topics });
      return topics.flatMap((topic) =>
        this.log.partitionEnds(topic).map((end, partition) => ({ topic, partition, end })),
      );
    });
  }

  committedOffsets(
    groupOnBus: string,
    topics: readonly string[],
  ): Promise<readonly CommittedOffset[]> {
    return this.run(() => topics.flatMap((topic) => this.log.committedOffsets(groupOnBus, topic)));
  }

  /** The log keeps every message (no retention), so each partition starts at offset 0. */
  readTopic(topic: string, options: ReadTopicOptions): Promise<readonly DeliveredMessage[]> {
    return this.run(() => {
      this.assertDeclared(`reading ${topic}`, { topics: [topic] });
      const bounds = this.log
        .partitionEnds(topic)
        .map((end, partition) => ({ partition, first: 0n, end }));
      return readWindowsOf(bounds, options).flatMap(({ partition, start, stop }) =>
        this.log.read(topic, partition, Number(start), Number(stop - start)),
      );
    });
  }

  ping(): Promise<void> {
    return this.run(() => this.log.ping());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    await this.log.close();
  }

  private sleepersOfFile(): Sleepers {
    let sleepers = sleepersByFile.get(this.file);
    if (!sleepers) {
      sleepers = new Map();
      sleepersByFile.set(this.file, sleepers);
    }
    return sleepers;
  }

  /** As on Kafka, a topic nobody declared yet fails retriably: it may be declared in a moment. */
  private assertDeclared(what: string, options: { readonly topics: readonly string[] }): void {
    const missing = options.topics.find((topic) => !this.log.exists(topic));
    if (missing !== undefined)
      throw new BrokerRequestFailedError(what, new UnknownTopicError(missing), true);
  }

  /** better-sqlite3 is synchronous; this turns its throws into rejections. */
  private run<T>(work: () => T): Promise<T> {
    return new Promise((resolvePromise) => {
      if (this.closed) throw new BusClosedError();
      resolvePromise(work());
    });
  }
}

/**
 * How long a consumer keeps a topic's partition count: partitions added by another process
 * (a start declaring more) are read within this long, instead of at every poll.
 */
const PARTITIONS_TTL_MS = 1_000;

interface EmbeddedConsumerSettings {
  /** The group on the log (with its instance when it has one). */
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly delivery: Omit<DeliveryContext, 'pause'>;
  readonly pollIntervalMs: number;
  readonly leaseTtlMs: number;
  readonly batchSize: number;
  readonly sleepers: Sleepers;
  readonly onStopped: () => void;
}

/** One member of a group: waits for the lease, then consumes every partition of its topics. */
class EmbeddedConsumer implements BusConsumer {
  private readonly memberId = randomUUID();
  private running = true;
  private holdsLease = false;
  private renewal: NodeJS.Timeout | undefined;
  private wakeUp: () => void = () => undefined;
  /**
   * Each partition's next offset as this member last committed it, while it holds the lease:
   * nobody else moves a group's offsets meanwhile (commits are fenced by the lease), so a poll
   * need not read them back. Forgotten whenever the lease is taken or lost.
   */
  private readonly committed = new Map<string, number>();
  /** Partitions per topic, read again at most every PARTITIONS_TTL_MS (they only ever grow). */
  private partitions: { readonly counts: Map<string, number>; readonly until: number } | undefined;
  readonly finished: Promise<void>;

  constructor(
    private readonly log: SqliteBusLog,
    private readonly settings: EmbeddedConsumerSettings,
  ) {
    this.finished = this.consume();
    // Nobody may be listening (a test, a script): a failure must not become an unhandled rejection.
    this.finished.catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp();
    await this.finished.catch(() => undefined);
  }

  /**
   * Consumes until stop(). A failure (the log locked past busy_timeout, a dead letter it could
   * not write) ends the loop and rejects `finished`: whoever supervises the consumer subscribes
   * again, from the committed offsets, so nothing uncommitted is lost.
   */
  private async consume(): Promise<void> {
    // The caller gets its consumer before the first handler runs.
    await Promise.resolve();
    try {
      while (this.running) {
        if (!this.holdsLease && !this.tryClaimLease()) await this.idle();
        else if (await this.consumeRound())
          // Synchronous SQLite and quick handlers settle as microtasks: let timers (the
          // lease renewal) and I/O run between rounds.
          await new Promise(setImmediate);
        else await this.idle();
      }
    } catch (error) {
      throw new ConsumerStoppedError(this.settings.groupId, error);
    } finally {
      this.running = false;
      this.releaseLeaseQuietly();
      this.settings.onStopped();
    }
  }

  private tryClaimLease(): boolean {
    const { groupId, leaseTtlMs } = this.settings;
    if (this.log.leaseHeldByOther(groupId, this.memberId)) return false;
    if (!this.log.claimLease(groupId, this.memberId, leaseTtlMs)) return false;
    this.holdsLease = true;
    this.committed.clear();
    // A timer, not the delivery loop, renews: a slow handler must not cost the lease.
    this.renewal = setInterval(() => {
      try {
        if (!this.log.renewLease(groupId, this.memberId, leaseTtlMs)) this.loseLease();
      } catch (error) {
        // The file stayed locked past busy_timeout: the next tick tries again. Should the lease
        // expire meanwhile and another member take it, commit fencing stops this one.
        console.error(`embedded bus consumer of group ${groupId} could not renew its lease`, error);
      }
    }, leaseTtlMs / 3);
    return true;
  }

  /** Gives the lease up (at once, so another member need not wait for it to expire). */
  private releaseLeaseQuietly(): void {
    try {
      if (this.holdsLease) this.log.releaseLease(this.settings.groupId, this.memberId);
    } catch {
      // Locked past busy_timeout: the lease expires by itself within its lifetime.
    } finally {
      this.loseLease();
    }
  }

  private loseLease(): void {
    this.holdsLease = false;
    this.committed.clear();
    clearInterval(this.renewal);
  }

  /** One pass over every partition; true when it delivered anything. */
  private async consumeRound(): Promise<boolean> {
    // Partitions hold disjoint keys, so they are consumed side by side.
    const rounds: Promise<boolean>[] = [];
    const counts = this.partitionCounts();
    for (const topic of this.settings.topics)
      for (let partition = 0; partition < (counts.get(topic) ?? 0); partition++)
        rounds.push(this.consumePartition(topic, partition));
    // All settle before a failure is reported: no partition is ever consumed twice at once.
    const outcomes = await Promise.allSettled(rounds);
    for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
    return outcomes.some((outcome) => outcome.status === 'fulfilled' && outcome.value);
  }

  private async consumePartition(topic: string, partition: number): Promise<boolean> {
    if (!this.running || !this.holdsLease) return false;
    const { groupId, batchSize } = this.settings;
    const key = `${topic}/${partition}`;
    const from = this.committed.get(key) ?? this.log.committedOffset(groupId, topic, partition);
    const messages = this.log.read(topic, partition, from, batchSize);
    const stillOwned = () => this.running && this.holdsLease;
    const context: DeliveryContext = {
      ...this.settings.delivery,
      pause: (ms) => sleepWhile(ms, stillOwned),
    };
    let next = from;
    try {
      const handled = await deliverBatch(messages, context, stillOwned);
      if (handled > 0) next = Number(messages[handled - 1].offset) + 1;
    } finally {
      // Also when stopping mid-batch: what was handled stays handled.
      if (next > from) {
        if (this.log.commit(groupId, this.memberId, topic, partition, next))
          this.committed.set(key, next);
        else this.loseLease();
      } else if (this.holdsLease) this.committed.set(key, from);
    }
    return messages.length > 0;
  }

  /** The partition count of each topic, read at most every PARTITIONS_TTL_MS. */
  private partitionCounts(): Map<string, number> {
    const now = Date.now();
    if (this.partitions && this.partitions.until > now) return this.partitions.counts;
    const counts = new Map(
      this.settings.topics.map((topic) => [topic, this.log.partitionsOf(topic)]),
    );
    this.partitions = { counts, until: now + PARTITIONS_TTL_MS };
    return counts;
  }

  /** Until a publish in this process, stop(), or the poll interval. */
  private idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolvePromise) => {
      const wake = () => {
        clearTimeout(timer);
        this.settings.sleepers.delete(wake);
        this.wakeUp = () => undefined;
        resolvePromise();
      };
      const timer = setTimeout(wake, this.settings.pollIntervalMs);
      this.settings.sleepers.set(wake, this.settings.topics);
      this.wakeUp = wake;
    });
  }
}
