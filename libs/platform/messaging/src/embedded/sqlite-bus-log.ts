import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { openWalDatabase, startWalCheckpointer } from '@talentloop/event-store';
import { UnknownTopicError } from '../errors';
import type { BusMessage, CommittedOffset, DeliveredMessage } from '../message-bus.port';
import type { TopicDeclaration, TopicOutcome } from '../topology/topology';
import { partitionOf } from './partitioner';

/**
 * The durable log behind the embedded bus, in tables prefixed `bus_` so it can share the
 * embedded event store's file. Every process on the file sees the same topics, offsets and
 * group leases; SQLite serialises the writers.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS bus_topics (
    topic      TEXT    PRIMARY KEY,
    partitions INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS bus_messages (
    topic          TEXT    NOT NULL,
    partition_no   INTEGER NOT NULL,
    message_offset INTEGER NOT NULL,
    message_key    TEXT    NOT NULL,
    headers        TEXT    NOT NULL,
    value          TEXT    NOT NULL,
    published_at   TEXT    NOT NULL,
    PRIMARY KEY (topic, partition_no, message_offset)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS bus_group_offsets (
    group_id     TEXT    NOT NULL,
    topic        TEXT    NOT NULL,
    partition_no INTEGER NOT NULL,
    next_offset  INTEGER NOT NULL,
    PRIMARY KEY (group_id, topic, partition_no)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS bus_group_leases (
    group_id   TEXT    PRIMARY KEY,
    member_id  TEXT    NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
`;

type MessageRow = [offset: number, key: string, headers: string, value: string];

export interface SqliteBusLogOptions {
  readonly path: string;
  readonly durability: 'full' | 'normal';
  readonly busyTimeoutMs: number;
}

export class SqliteBusLog {
  private readonly db: Database.Database;
  private readonly selectPartitions;
  private readonly upsertTopic;
  private readonly selectNextOffset;
  private readonly insertMessage;
  private readonly selectMessages;
  private readonly selectCommitted;
  private readonly selectCommittedOfTopic;
  private readonly countTopics;
  private readonly syncNormal;
  private readonly syncFull;
  private readonly insertOffsetIfAbsent;
  private readonly upsertOffset;
  private readonly selectLease;
  private readonly upsertLease;
  private readonly renewLeaseStatement;
  private readonly deleteLease;
  private readonly appendTransaction;
  private readonly claimTransaction;
  private readonly commitTransaction;
  private readonly durability: 'full' | 'normal';
  private leaveCheckpointer: () => Promise<void> = () => Promise.resolve();

  constructor(options: SqliteBusLogOptions) {
    this.db = openWalDatabase(options.path, options.busyTimeoutMs);
    // Checkpoints run in a worker thread, not inside a publish or a commit of offsets;
    // SQLite's own auto-checkpoint stays as the fallback, at a higher threshold.
    this.db.pragma('wal_autocheckpoint = 10000');
    if (options.path !== ':memory:')
      this.leaveCheckpointer = startWalCheckpointer(resolve(options.path));
    this.durability = options.durability;
    this.db.pragma(`synchronous = ${options.durability.toUpperCase()}`);
    this.db.exec(SCHEMA);

    this.selectPartitions = this.db
      .prepare<[string], number>('SELECT partitions FROM bus_topics WHERE topic = ?')
      .pluck();
    this.upsertTopic = this.db.prepare<[string, number]>(
      'INSERT INTO bus_topics (topic, partitions) VALUES (?, ?) ON CONFLICT (topic) DO UPDATE SET partitions = excluded.partitions',
    );
    this.selectNextOffset = this.db
      .prepare<
        [string, number],
        number
      >('SELECT coalesce(max(message_offset) + 1, 0) FROM bus_messages WHERE topic = ? AND partition_no = ?')
      .pluck();
    this.insertMessage = this.db.prepare<[string, number, number, string, string, string, string]>(
      'INSERT INTO bus_messages (topic, partition_no, message_offset, message_key, headers, value, published_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    // A window of offsets, not ORDER BY … LIMIT: offsets are dense (each partition's next is its
    // largest + 1, given inside the append's write transaction, and nothing is ever deleted), so
    // [from, from + n) holds exactly the next n messages; and the statement with ORDER BY and
    // LIMIT costs several times its index seek on every poll of every consumer (~9 µs against
    // ~2 µs), nearly all of which find nothing. The rows come in key order; `read` checks it.
    this.selectMessages = this.db
      .prepare<
        [string, number, number, number],
        MessageRow
      >('SELECT message_offset, message_key, headers, value FROM bus_messages WHERE topic = ? AND partition_no = ? AND message_offset >= ? AND message_offset < ?')
      .raw();
    this.selectCommitted = this.db
      .prepare<
        [string, string, number],
        number
      >('SELECT next_offset FROM bus_group_offsets WHERE group_id = ? AND topic = ? AND partition_no = ?')
      .pluck();
    this.selectCommittedOfTopic = this.db
      .prepare<
        [string, string],
        [partition: number, next: number]
      >('SELECT partition_no, next_offset FROM bus_group_offsets WHERE group_id = ? AND topic = ? ORDER BY partition_no')
      .raw();
    this.countTopics = this.db.prepare('SELECT count(*) FROM bus_topics');
    // Prepared once: a commit switches durability around itself on every call.
    this.syncNormal = this.db.prepare('PRAGMA synchronous = NORMAL');
    this.syncFull = this.db.prepare('PRAGMA synchronous = FULL');
    this.insertOffsetIfAbsent = this.db.prepare<[string, string, number, number]>(
      'INSERT INTO bus_group_offsets (group_id, topic, partition_no, next_offset) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.upsertOffset = this.db.prepare<[string, string, number, number]>(
      'INSERT INTO bus_group_offsets (group_id, topic, partition_no, next_offset) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET next_offset = excluded.next_offset',
    );
    this.selectLease = this.db
      .prepare<
        [string],
        [memberId: string, expiresAt: number]
      >('SELECT member_id, expires_at FROM bus_group_leases WHERE group_id = ?')
      .raw();
    this.upsertLease = this.db.prepare<[string, string, number]>(
      'INSERT INTO bus_group_leases (group_id, member_id, expires_at) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET member_id = excluded.member_id, expires_at = excluded.expires_at',
    );
    this.renewLeaseStatement = this.db.prepare<[number, string, string]>(
      'UPDATE bus_group_leases SET expires_at = ? WHERE group_id = ? AND member_id = ?',
    );
    this.deleteLease = this.db.prepare<[string, string]>(
      'DELETE FROM bus_group_leases WHERE group_id = ? AND member_id = ?',
    );

    this.appendTransaction = this.db.transaction(
      (topic: string, messages: readonly BusMessage[], publishedAt: string) => {
        const partitions = this.partitionsOf(topic);
        const nextOffsets = new Map<number, number>();
        for (const message of messages) {
          const partition = partitionOf(message.key, partitions);
          const offset =
            nextOffsets.get(partition) ?? this.selectNextOffset.get(topic, partition) ?? 0;
          nextOffsets.set(partition, offset + 1);
          this.insertMessage.run(
            topic,
            partition,
            offset,
            message.key,
            JSON.stringify(message.headers),
            message.value,
            publishedAt,
          );
        }
      },
    );
    this.claimTransaction = this.db.transaction(
      (groupId: string, memberId: string, ttlMs: number) => {
        const now = Date.now();
        const [holder, expiresAt] = this.selectLease.get(groupId) ?? [memberId, 0];
        if (holder !== memberId && expiresAt > now) return false;
        this.upsertLease.run(groupId, memberId, now + ttlMs);
        return true;
      },
    );
    this.commitTransaction = this.db.transaction(
      (groupId: string, memberId: string, topic: string, partition: number, nextOffset: number) => {
        // Fencing: a member whose lease was taken over must not move the new holder's offsets.
        if (this.selectLease.get(groupId)?.[0] !== memberId) return false;
        this.upsertOffset.run(groupId, topic, partition, nextOffset);
        return true;
      },
    );
  }

  // Write transactions start IMMEDIATE: one that reads first and then tries to write can
  // fail with SQLITE_BUSY_SNAPSHOT when another process wrote in between; busy_timeout
  // only helps a transaction that asks for the write lock up front.

  append(topic: string, messages: readonly BusMessage[]): void {
    this.appendTransaction.immediate(topic, messages, new Date().toISOString());
  }

  /** Takes the group's lease when it is free, expired or already this member's. */
  claimLease(groupId: string, memberId: string, ttlMs: number): boolean {
    return this.claimTransaction.immediate(groupId, memberId, ttlMs);
  }

  /**
   * Commits a group's offset unless this member lost the lease; false when it did.
   * Without an fsync of its own: an offset lost to a power cut only redelivers messages, which
   * consumers dedupe, and the next durable write (a publish) syncs it along.
   */
  commit(groupId: string, memberId: string, topic: string, partition: number, nextOffset: number) {
    if (this.durability === 'normal')
      return this.commitTransaction.immediate(groupId, memberId, topic, partition, nextOffset);
    this.syncNormal.run();
    try {
      return this.commitTransaction.immediate(groupId, memberId, topic, partition, nextOffset);
    } finally {
      this.syncFull.run();
    }
  }

  /**
   * Creates missing topics and adds partitions where fewer than declared, never fewer: the
   * same rule as on Kafka (a key may then land on another partition, as there).
   */
  declareTopics(declarations: readonly TopicDeclaration[]): TopicOutcome[] {
    return this.db
      .transaction(() =>
        declarations.map(({ topic, partitions }): TopicOutcome => {
          const existing = this.selectPartitions.get(topic);
          if (existing !== undefined && existing >= partitions)
            return { topic, action: 'unchanged' };
          this.upsertTopic.run(topic, partitions);
          return existing === undefined
            ? { topic, action: 'created', partitions }
            : {
                topic,
                action: 'altered',
                configs: [],
                partitions: { from: existing, to: partitions },
              };
        }),
      )
      .immediate();
  }

  exists(topic: string): boolean {
    return this.selectPartitions.get(topic) !== undefined;
  }

  /**
   * Partitions of a topic, read each time (a primary-key lookup): another process may have
   * added partitions since.
   */
  partitionsOf(topic: string): number {
    const partitions = this.selectPartitions.get(topic);
    if (partitions === undefined) throw new UnknownTopicError(topic);
    return partitions;
  }

  /** The offset the next message of each partition will get, by partition number. */
  partitionEnds(topic: string): bigint[] {
    return Array.from({ length: this.partitionsOf(topic) }, (_, partition) =>
      BigInt(this.selectNextOffset.get(topic, partition) ?? 0),
    );
  }

  read(topic: string, partition: number, fromOffset: number, maxCount: number): DeliveredMessage[] {
    const rows = this.selectMessages.all(topic, partition, fromOffset, fromOffset + maxCount);
    for (let i = 1; i < rows.length; i++)
      if (rows[i - 1][0] > rows[i][0]) {
        rows.sort((left, right) => left[0] - right[0]);
        break;
      }
    return rows.map((row) => ({
      topic,
      partition,
      offset: String(row[0]),
      key: row[1],
      headers: JSON.parse(row[2]) as Record<string, string>,
      value: row[3],
    }));
  }

  /** The partitions of a topic the group has committed in, in partition order. */
  committedOffsets(groupId: string, topic: string): CommittedOffset[] {
    return this.selectCommittedOfTopic
      .all(groupId, topic)
      .map(([partition, next]) => ({ topic, partition, next: BigInt(next) }));
  }

  committedOffset(groupId: string, topic: string, partition: number): number {
    return this.selectCommitted.get(groupId, topic, partition) ?? 0;
  }

  /** Throws when the file cannot be read. */
  ping(): void {
    this.countTopics.get();
  }

  /** Messages on the topics after the group's committed offsets. */
  lag(groupId: string, topics: readonly string[]): number {
    let lag = 0;
    for (const topic of topics)
      for (let partition = 0; partition < this.partitionsOf(topic); partition++)
        lag +=
          (this.selectNextOffset.get(topic, partition) ?? 0) -
          this.committedOffset(groupId, topic, partition);
    return lag;
  }

  /** For a group that starts at the end: pins today's end of every partition it has no offset for. */
  startAtEnd(groupId: string, topics: readonly string[]): void {
    this.db
      .transaction(() => {
        for (const topic of topics) {
          for (let partition = 0; partition < this.partitionsOf(topic); partition++) {
            const end = this.selectNextOffset.get(topic, partition) ?? 0;
            this.insertOffsetIfAbsent.run(groupId, topic, partition, end);
          }
        }
      })
      .immediate();
  }

  /** False when the lease is no longer this member's (it expired and another took it). */
  renewLease(groupId: string, memberId: string, ttlMs: number): boolean {
    return this.renewLeaseStatement.run(Date.now() + ttlMs, groupId, memberId).changes === 1;
  }

  /** Whether another member holds a live lease: a cheap read before trying to claim. */
  leaseHeldByOther(groupId: string, memberId: string): boolean {
    const lease = this.selectLease.get(groupId);
    return lease !== undefined && lease[0] !== memberId && lease[1] > Date.now();
  }

  releaseLease(groupId: string, memberId: string): void {
    this.deleteLease.run(groupId, memberId);
  }

  async close(): Promise<void> {
    this.db.close();
    await this.leaveCheckpointer();
  }
}
