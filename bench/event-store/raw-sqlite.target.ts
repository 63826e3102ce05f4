import Database from 'better-sqlite3';
import { SQLITE_EVENT_STORE_SCHEMA, type SqliteEventRow } from '@talentloop/event-store';
import type { BenchEvent } from './sample-event';
import type { BenchTarget, TargetFactory } from './target';

const synchronousNames: Record<number, string> = { 0: 'OFF', 1: 'NORMAL', 2: 'FULL', 3: 'EXTRA' };

export interface RawAppend {
  readonly stream: string;
  readonly events: readonly BenchEvent[];
}

export class RawSqliteTarget implements BenchTarget {
  private readonly db: Database.Database;
  private readonly insertEvent;
  private readonly selectPage;
  private readonly appendTx;
  private readonly appendGroupTx;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    // The store's own WAL checkpoint interval, so both write the same pages as often.
    this.db.pragma('wal_autocheckpoint = 10000');
    // The store's own tables and indexes, so both write the same rows into the same B-trees.
    this.db.exec(SQLITE_EVENT_STORE_SCHEMA);
    this.insertEvent = this.db.prepare<
      [string, number, string, string, number, string, string, string]
    >(
      'INSERT INTO events (stream_name, stream_revision, event_id, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectPage = this.db
      .prepare<
        [number, number],
        SqliteEventRow
      >('SELECT global_position, stream_name, stream_revision, event_id, type, schema_version, data, metadata, recorded_at FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?')
      .raw();
    // Plain inserts, no reads: the engine's limit for the rows one append writes.
    this.appendTx = this.db.transaction((stream: string, events: readonly BenchEvent[]) => {
      const recordedAt = new Date().toISOString();
      let revision = -1;
      for (const event of events) {
        revision++;
        this.insertEvent.run(
          stream,
          revision,
          event.id,
          event.type,
          event.metadata.schemaVersion,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          recordedAt,
        );
      }
    });
    // Nested transaction functions run as savepoints: one per append, as a group commit does.
    this.appendGroupTx = this.db.transaction((group: readonly RawAppend[]) => {
      for (const append of group) this.appendTx(append.stream, append.events);
    });
  }

  append(stream: string, events: readonly BenchEvent[]): Promise<void> {
    // BEGIN IMMEDIATE, as the store writes.
    this.appendTx.immediate(stream, events);
    return Promise.resolve();
  }

  /** Several appends in one transaction (one fsync), each in its own savepoint. */
  appendGroup(group: readonly RawAppend[]): void {
    this.appendGroupTx.immediate(group);
  }

  readAll(pageSize: number): Promise<number> {
    let after = 0;
    let count = 0;
    for (;;) {
      const rows = this.selectPage.all(after, pageSize);
      for (const row of rows) {
        const data: unknown = JSON.parse(row[6]);
        const metadata: unknown = JSON.parse(row[7]);
        if (data === null || metadata === null) throw new Error(`event ${row[3]} is empty`);
      }
      count += rows.length;
      if (rows.length < pageSize) return Promise.resolve(count);
      after = rows[rows.length - 1][0];
    }
  }

  durability(): Promise<string> {
    const journal = String(this.db.pragma('journal_mode', { simple: true }));
    const level = Number(this.db.pragma('synchronous', { simple: true }));
    return Promise.resolve(
      `journal_mode=${journal.toUpperCase()}, synchronous=${synchronousNames[level] ?? level}, one BEGIN IMMEDIATE transaction per append`,
    );
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}

export const rawSqlite: TargetFactory = {
  key: 'raw',
  label: 'raw better-sqlite3',
  notes:
    'better-sqlite3 on the same tables, plain INSERTs (events + streams upsert) in one transaction per append; concurrent appenders just take turns (synchronous driver); read: paged SELECT + JSON.parse of data and metadata',
  open: (path) => Promise.resolve(new RawSqliteTarget(path)),
};
