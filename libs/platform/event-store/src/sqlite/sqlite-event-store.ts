import { resolve as absolutePath } from 'node:path';
import type Database from 'better-sqlite3';
import { openWalDatabase } from './open-wal-database';
import { eventRegistry, type EventMetadata, type EventRegistry } from '@talentloop/contracts';
import {
  DuplicateEventIdError,
  EventStoreError,
  EventStoreUnavailableError,
  WrongExpectedRevisionError,
} from '../errors';
import {
  DEFAULT_PAGE_SIZE,
  EventCodec,
  originalResultOfRetry,
  pinnedFirstRevision,
  satisfiesExpectedRevision,
  type StoredEventRef,
} from '../event-codec';
import type {
  AppendOptions,
  AppendResult,
  EventFilter,
  EventHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  RecordedEventJson,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { startWalCheckpointer } from './wal-checkpointer';
import { AppendListeners } from '../append-listeners';

/**
 * How hard a commit is pushed to disk (PRAGMA synchronous, in WAL mode).
 * - 'full' (default): the WAL is fsynced at every commit; an acknowledged append survives
 *   power loss and OS crashes.
 * - 'normal': the WAL is fsynced only at checkpoints; the file never corrupts, and a process
 *   crash loses nothing, but the last commits can be lost on power loss or an OS crash.
 */
export type SqliteDurability = 'full' | 'normal';

export interface SqliteEventStoreOptions {
  /** File of the store; its folder is created. ':memory:' for a private in-memory store. */
  readonly path: string;
  /** 'full' by default; see SqliteDurability. */
  readonly durability?: SqliteDurability;
  /** How long a write waits for another process's write lock before failing; 5000 ms by default. */
  readonly busyTimeoutMs?: number;
  /** How often subscriptions look for appends made by other processes; 50 ms by default. */
  readonly pollIntervalMs?: number;
  /** The published events; the contracts catalog by default. */
  readonly registry?: EventRegistry;
}

/** The tables and indexes of the store; the benchmark's raw baseline writes into the same. */
export const SQLITE_EVENT_STORE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    global_position INTEGER PRIMARY KEY,
    stream_name     TEXT    NOT NULL,
    stream_revision INTEGER NOT NULL,
    event_id        TEXT    NOT NULL UNIQUE,
    type            TEXT    NOT NULL,
    schema_version  INTEGER NOT NULL,
    data            TEXT    NOT NULL,
    metadata        TEXT    NOT NULL,
    recorded_at     TEXT    NOT NULL,
    UNIQUE (stream_name, stream_revision)
  );
  CREATE INDEX IF NOT EXISTS events_by_type ON events (type, global_position);
`;

const EVENT_COLUMNS =
  'global_position, stream_name, stream_revision, event_id, type, schema_version, data, metadata, recorded_at';

/** A row of the events table as `.raw()` statements return it. */
export type SqliteEventRow = [
  globalPosition: number,
  streamName: string,
  streamRevision: number,
  id: string,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string,
];

interface PendingAppend {
  readonly streamName: string;
  readonly events: readonly EventToAppend[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

interface Follower {
  stopped: boolean;
  wake: () => void;
  finished: Promise<void>;
}

const SUBSCRIPTION_PAGE_SIZE = 500;
/**
 * What the decoded streams kept for reading again may take, counted as the JSON text of their
 * events (their decoded objects take a small multiple of it): the cache never grows with the
 * history, only with the streams read lately.
 */
const STREAM_CACHE_BYTES = 32 * 1024 * 1024;
const WAL_AUTOCHECKPOINT_PAGES = 10_000;
const noop = () => undefined;

/** The rows sorted by stream revision; as they are when they already are (the usual case). */
const inRevisionOrder = (rows: SqliteEventRow[]): SqliteEventRow[] => {
  for (let i = 1; i < rows.length; i++)
    if (rows[i - 1][2] > rows[i][2]) return rows.sort((left, right) => left[2] - right[2]);
  return rows;
};

// By code alone, not `instanceof SqliteError` nor `instanceof Error`: the native addon keeps
// the classes of the first realm that loaded it, and Jest gives every test file a realm.
const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';

/**
 * The embedded event store: one SQLite file in WAL mode that several processes may share.
 *
 * Appends are group-committed: every append requested before the next turn of the event
 * loop is written in one transaction (one fsync), each inside its own savepoint so that a
 * refused append leaves its neighbours untouched.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly codec: EventCodec;
  private readonly pollIntervalMs: number;
  private pending: PendingAppend[] = [];
  private scheduledFlush: NodeJS.Immediate | undefined;
  private readonly followers = new Set<Follower>();
  private readonly appendListeners = new AppendListeners();
  private flushes = 0;
  private closed = false;
  private leaveCheckpointer: () => Promise<void> = () => Promise.resolve();
  private readonly streamCache = new Map<
    string,
    { readonly events: RecordedEvent[]; readonly bytes: number }
  >();
  private streamCacheBytes = 0;

  private readonly selectLastRevision;
  private readonly insertEvent;
  private readonly locateEvent;
  private readonly selectStoredRun;
  private readonly selectStream;
  private readonly selectStreamTail;
  private readonly selectAll;
  private readonly selectHead;
  private readonly filteredSelects = new Map<
    string,
    Database.Statement<unknown[], SqliteEventRow>
  >();
  private readonly appendOne;
  private readonly appendMany;

  constructor(options: SqliteEventStoreOptions) {
    this.db = openWalDatabase(options.path, options.busyTimeoutMs ?? 5000);
    // Appends scatter writes over the event-id and stream indexes; checkpointing the WAL every
    // ~40 MB instead of SQLite's ~4 MB writes each hot index page back once per many commits.
    this.db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    // Checkpoints normally run in a worker thread; the threshold above is the fallback.
    if (options.path !== ':memory:')
      this.leaveCheckpointer = startWalCheckpointer(absolutePath(options.path));
    this.db.pragma(`synchronous = ${(options.durability ?? 'full').toUpperCase()}`);
    this.db.exec(SQLITE_EVENT_STORE_SCHEMA);
    this.codec = new EventCodec(options.registry ?? eventRegistry);
    this.pollIntervalMs = options.pollIntervalMs ?? 50;

    // The (stream_name, stream_revision) index answers this; a separate table of stream heads
    // would cost one more randomly placed B-tree write per append.
    this.selectLastRevision = this.db
      .prepare<
        [string],
        number | null
      >('SELECT max(stream_revision) FROM events WHERE stream_name = ?')
      .pluck();
    this.insertEvent = this.db.prepare<
      [string, number, string, string, number, string, string, string]
    >(
      'INSERT INTO events (stream_name, stream_revision, event_id, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.locateEvent = this.db
      .prepare<
        [string],
        [string, number]
      >('SELECT stream_name, stream_revision FROM events WHERE event_id = ?')
      .raw();
    this.selectStoredRun = this.db
      .prepare<
        [string, number, number],
        [string, number, number]
      >('SELECT event_id, stream_revision, global_position FROM events WHERE stream_name = ? AND stream_revision >= ? ORDER BY stream_revision LIMIT ?')
      .raw();
    this.selectStream = this.db
      .prepare<
        [string, bigint, number],
        SqliteEventRow
      >(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_name = ? AND stream_revision >= ? ORDER BY stream_revision LIMIT ?`)
      .raw();
    // The rest of a stream from a revision on, for the whole-stream reads of every command:
    // without ORDER BY and LIMIT, each of which costs a run of this statement several times
    // its index seek (~9 µs against ~2 µs measured); the rows come in the index's order,
    // which `inRevisionOrder` checks rather than trusts.
    this.selectStreamTail = this.db
      .prepare<
        [string, bigint],
        SqliteEventRow
      >(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_name = ? AND stream_revision >= ?`)
      .raw();
    this.selectAll = this.db
      .prepare<
        [bigint, number],
        SqliteEventRow
      >(`SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`)
      .raw();
    this.selectHead = this.db
      .prepare<[], number | null>('SELECT max(global_position) FROM events')
      .pluck();

    this.appendOne = this.db.transaction((append: PendingAppend, recordedAt: string) =>
      this.write(append, recordedAt),
    );
    // Nested calls of appendOne run inside savepoints of this one transaction.
    this.appendMany = this.db.transaction((batch: readonly PendingAppend[], recordedAt: string) =>
      batch.map((append) => this.settleInBatch(append, recordedAt)),
    );
  }

  /** Write transactions run so far, one per group commit: shows how well appends batch. */
  get flushCount(): number {
    return this.flushes;
  }

  /** The durability this connection runs with, read back from PRAGMA synchronous. */
  durabilityInForce(): SqliteDurability | 'other' {
    const level = this.db.pragma('synchronous', { simple: true });
    return level === 2 ? 'full' : level === 1 ? 'normal' : 'other';
  }

  async appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    this.assertOpen();
    this.codec.assertAppendable(streamName, events);
    return new Promise((resolve, reject) => {
      this.pending.push({
        streamName,
        events,
        expected: options.expectedRevision,
        resolve,
        reject,
      });
      this.scheduledFlush ??= setImmediate(this.flush);
    });
  }

  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return new Promise((resolve) => {
      this.assertOpen();
      if (options?.maxCount === undefined && !options?.fromRevision) {
        resolve(this.wholeStream(streamName));
        return;
      }
      resolve(this.runOfStream(streamName, options.fromRevision ?? 0n, options.maxCount));
    });
  }

  /**
   * Part of a stream. Recorded events never change, so a run the kept start of the stream
   * already holds is answered from it without a query (the owner of a goal: its first event),
   * and a run from the start is kept as the stream's start, for the next read to go on from.
   */
  private runOfStream(streamName: string, from: bigint, maxCount: number | undefined) {
    const known = this.streamCache.get(streamName)?.events ?? [];
    const start = Number(from);
    if (maxCount !== undefined && start + maxCount <= known.length)
      return known.slice(start, start + maxCount);
    if (start !== 0 || maxCount === undefined)
      return this.toRecorded(this.selectStream.all(streamName, from, maxCount ?? -1));
    // From the start: what is kept, and the rest of the run read after it.
    const rows = this.selectStream.all(streamName, BigInt(known.length), maxCount - known.length);
    if (rows.length === 0) return known.slice();
    const events = [...known, ...this.toRecorded(rows)];
    this.keep(streamName, events, rows);
    return events.slice();
  }

  /**
   * A whole stream, decoded once: recorded events never change, so the streams read lately
   * are kept (up to STREAM_CACHE_BYTES, least recently read out first) and each read only
   * fetches and decodes what was appended since, by this process or any other.
   */
  private wholeStream(streamName: string): RecordedEvent[] {
    const cached = this.streamCache.get(streamName);
    const known = cached?.events ?? [];
    const rows = inRevisionOrder(this.selectStreamTail.all(streamName, BigInt(known.length)));
    const events = rows.length === 0 ? known : [...known, ...this.toRecorded(rows)];
    this.keep(streamName, events, rows);
    return events.slice();
  }

  /**
   * Keeps `events`, the start of the stream (all of it, as far as this read knows), as the
   * most recently read; `added` are the rows of those beyond what was kept before.
   */
  private keep(streamName: string, events: RecordedEvent[], added: readonly SqliteEventRow[]) {
    const cached = this.streamCache.get(streamName);
    let bytes = cached?.bytes ?? 0;
    for (const row of added) bytes += row[6].length + row[7].length;
    this.streamCache.delete(streamName);
    this.streamCache.set(streamName, { events, bytes });
    this.streamCacheBytes += bytes - (cached?.bytes ?? 0);
    for (const [oldest, entry] of this.streamCache) {
      if (this.streamCacheBytes <= STREAM_CACHE_BYTES || oldest === streamName) break;
      this.streamCache.delete(oldest);
      this.streamCacheBytes -= entry.bytes;
    }
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return new Promise((resolve) => {
      this.assertOpen();
      resolve(
        this.readPage(
          options?.after ?? 0n,
          options?.maxCount ?? DEFAULT_PAGE_SIZE,
          options?.filter,
        ),
      );
    });
  }

  /** The stored text as it is: nothing parsed but the rows of an upcast event. */
  readAllJson(options?: ReadAllOptions): Promise<RecordedEventJson[]> {
    return new Promise((resolve) => {
      this.assertOpen();
      const rows = this.rowsOfPage(
        options?.after ?? 0n,
        options?.maxCount ?? DEFAULT_PAGE_SIZE,
        options?.filter,
      );
      const events = new Array<RecordedEventJson>(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        events[i] = this.codec.recordedJson(
          row[3],
          row[4],
          row[5],
          row[6],
          row[7],
          row[1],
          BigInt(row[2]),
          BigInt(row[0]),
          row[8],
        );
      }
      resolve(events);
    });
  }

  lastGlobalPosition(): Promise<bigint> {
    return new Promise((resolve) => {
      this.assertOpen();
      resolve(BigInt(this.selectHead.get() ?? 0));
    });
  }

  subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription {
    this.assertOpen();
    const follower: Follower = { stopped: false, wake: noop, finished: Promise.resolve() };
    this.followers.add(follower);
    follower.finished = this.follow(follower, options, handler);
    return { stop: () => this.stopFollower(follower), finished: follower.finished };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.scheduledFlush) {
      clearImmediate(this.scheduledFlush);
      this.flush();
    }
    this.closed = true;
    await Promise.all([...this.followers].map((follower) => this.stopFollower(follower)));
    this.db.close();
    await this.leaveCheckpointer();
  }

  private async stopFollower(follower: Follower): Promise<void> {
    follower.stopped = true;
    follower.wake();
    await follower.finished.catch(noop);
  }

  private readonly flush = (): void => {
    this.scheduledFlush = undefined;
    const batch = this.pending;
    this.pending = [];
    const recordedAt = new Date().toISOString();
    let outcomes: (AppendResult | EventStoreError)[];
    try {
      outcomes =
        batch.length === 1
          ? [this.settleAlone(batch[0], recordedAt)]
          : this.appendMany.immediate(batch, recordedAt);
    } catch (error) {
      const failure = new EventStoreUnavailableError('SQLite append failed', { cause: error });
      for (const append of batch) append.reject(failure);
      return;
    }
    this.flushes++;
    let appended = false;
    for (let i = 0; i < batch.length; i++) {
      const append = batch[i];
      const outcome = outcomes[i];
      if (outcome instanceof EventStoreError) {
        append.reject(outcome);
      } else {
        appended = true;
        append.resolve(outcome);
      }
    }
    if (!appended) return;
    for (const follower of this.followers) follower.wake();
    this.appendListeners.notify();
  };

  onAppended(listener: () => void): () => void {
    return this.appendListeners.add(listener);
  }

  private settleAlone(append: PendingAppend, recordedAt: string): AppendResult | EventStoreError {
    try {
      return this.appendOne.immediate(append, recordedAt);
    } catch (error) {
      return this.settleConflict(append, error);
    }
  }

  private settleInBatch(append: PendingAppend, recordedAt: string): AppendResult | EventStoreError {
    try {
      // One event needs no savepoint: the revision is checked before anything is written,
      // and a refused INSERT rolls back only itself (SQLite's ABORT), leaving the
      // transaction and the neighbours' appends as they were. Several events need one, so
      // that a refusal half-way takes the earlier ones back.
      return append.events.length === 1
        ? this.write(append, recordedAt)
        : this.appendOne(append, recordedAt);
    } catch (error) {
      return this.settleConflict(append, error);
    }
  }

  private write(append: PendingAppend, recordedAt: string): AppendResult {
    const { streamName, events } = append;
    const last = this.selectLastRevision.get(streamName) ?? undefined;
    const actual = last === undefined ? undefined : BigInt(last);
    if (!satisfiesExpectedRevision(append.expected, actual)) {
      throw new WrongExpectedRevisionError(streamName, append.expected, actual);
    }
    let revision = last ?? -1;
    let position: number | bigint = 0;
    for (const event of events) {
      revision++;
      position = this.insertEvent.run(
        streamName,
        revision,
        event.id,
        event.type,
        event.metadata.schemaVersion,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        recordedAt,
      ).lastInsertRowid;
    }
    return { nextExpectedRevision: BigInt(revision), lastGlobalPosition: BigInt(position) };
  }

  /**
   * The append was refused (its savepoint rolled back): tells a retry of an append already
   * written (its original result) from a reuse of ids or a genuine revision mismatch.
   */
  private settleConflict(append: PendingAppend, error: unknown): AppendResult | EventStoreError {
    if (!(error instanceof WrongExpectedRevisionError) && !isUniqueViolation(error)) throw error;
    const { streamName, events } = append;
    try {
      const located = this.locateEvent.get(events[0].id);
      if (located && located[0] === streamName) {
        const pinned = pinnedFirstRevision(append.expected);
        if (pinned === undefined || pinned === BigInt(located[1])) {
          const stored = this.storedRun(streamName, located[1], events.length);
          const original = originalResultOfRetry(streamName, events, stored);
          if (original) return original;
        }
      }
      const reused = events.find((event) => this.locateEvent.get(event.id) !== undefined);
      if (reused) return new DuplicateEventIdError(streamName, reused.id);
    } catch (conflict) {
      if (conflict instanceof EventStoreError) return conflict;
      throw conflict;
    }
    return error instanceof WrongExpectedRevisionError
      ? error
      : new EventStoreUnavailableError(`SQLite refused the append to ${streamName}`, {
          cause: error,
        });
  }

  private storedRun(streamName: string, fromRevision: number, count: number): StoredEventRef[] {
    return this.selectStoredRun.all(streamName, fromRevision, count).map((row) => ({
      id: row[0],
      streamRevision: BigInt(row[1]),
      globalPosition: BigInt(row[2]),
    }));
  }

  private readPage(after: bigint, maxCount: number, filter: EventFilter | undefined) {
    return this.toRecorded(this.rowsOfPage(after, maxCount, filter));
  }

  private rowsOfPage(
    after: bigint,
    maxCount: number,
    filter: EventFilter | undefined,
  ): SqliteEventRow[] {
    if (
      !filter ||
      (!filter.eventTypes && !filter.streamPrefixes && filter.tenantId === undefined)
    ) {
      return this.selectAll.all(after, maxCount);
    }
    const types = filter.eventTypes ?? [];
    const prefixes = filter.streamPrefixes ?? [];
    const parameters: unknown[] = [after, ...types];
    for (const prefix of prefixes) parameters.push([...prefix].length, prefix);
    if (filter.tenantId !== undefined) {
      const tenantAndDot = `${filter.tenantId}.`;
      parameters.push([...tenantAndDot].length, tenantAndDot);
    }
    parameters.push(maxCount);
    return this.filteredSelect(filter).all(...parameters);
  }

  /** One prepared statement per filter shape (how many types, how many prefixes, tenant or not). */
  private filteredSelect(filter: EventFilter): Database.Statement<unknown[], SqliteEventRow> {
    const tenant = filter.tenantId !== undefined;
    const key = `${filter.eventTypes?.length ?? '-'}:${filter.streamPrefixes?.length ?? '-'}:${tenant ? 't' : '-'}`;
    let statement = this.filteredSelects.get(key);
    if (!statement) {
      const conditions = ['global_position > ?'];
      if (filter.eventTypes?.length === 1) {
        // One type: the (type, global_position) index yields the page in order.
        conditions.push('type = ?');
      } else if (filter.eventTypes) {
        // Several types: the index would collect every later match of every type and sort
        // them for each page (quadratic over a rebuild); `+type` keeps SQLite on the primary
        // key, so a page costs the rows it skips and no more.
        conditions.push(`+type IN (${filter.eventTypes.map(() => '?').join(', ')})`);
      }
      if (filter.streamPrefixes) {
        const anyPrefix = filter.streamPrefixes.map(() => 'substr(stream_name, 1, ?) = ?');
        conditions.push(anyPrefix.length > 0 ? `(${anyPrefix.join(' OR ')})` : '0');
      }
      if (tenant) {
        // Same rule as isStreamOfTenant: `<tenant>.` right after the first '-' (no schema change).
        conditions.push(
          "instr(stream_name, '-') > 0 AND substr(stream_name, instr(stream_name, '-') + 1, ?) = ?",
        );
      }
      statement = this.db
        .prepare<
          unknown[],
          SqliteEventRow
        >(`SELECT ${EVENT_COLUMNS} FROM events WHERE ${conditions.join(' AND ')} ORDER BY global_position LIMIT ?`)
        .raw();
      this.filteredSelects.set(key, statement);
    }
    return statement;
  }

  private toRecorded(rows: SqliteEventRow[]): RecordedEvent[] {
    const events = new Array<RecordedEvent>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      events[i] = this.codec.recorded(
        row[3],
        row[4],
        row[5],
        JSON.parse(row[6]),
        JSON.parse(row[7]) as EventMetadata,
        row[1],
        BigInt(row[2]),
        BigInt(row[0]),
        row[8],
      );
    }
    return events;
  }

  /**
   * Delivers pages of the log, then sleeps until an append in this process wakes it or the
   * poll interval elapses (appends by other processes on the same file).
   */
  private async follow(
    follower: Follower,
    options: SubscribeOptions,
    handler: EventHandler,
  ): Promise<void> {
    let after = options.after ?? 0n;
    // The caller gets its Subscription before the handler first runs.
    await Promise.resolve();
    try {
      while (!follower.stopped) {
        const head = this.selectHead.get() ?? 0;
        const page = this.readPage(after, SUBSCRIPTION_PAGE_SIZE, options.filter);
        for (const event of page) {
          if (follower.stopped) return;
          await handler(event);
          after = event.globalPosition;
        }
        if (page.length < SUBSCRIPTION_PAGE_SIZE) {
          // The short page saw every event up to head: filtered-out ones need no rescan.
          if (BigInt(head) > after) after = BigInt(head);
          await this.nextAppendOrPoll(follower);
        }
      }
    } finally {
      this.followers.delete(follower);
    }
  }

  private nextAppendOrPoll(follower: Follower): Promise<void> {
    if (follower.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        follower.wake = noop;
        resolve();
      };
      const timer = setTimeout(wake, this.pollIntervalMs);
      follower.wake = wake;
    });
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('the SQLite event store is closed');
  }
}
