import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import {
  getSQLiteEventStore,
  readMessagesBatch,
  sqliteConnection,
  type SQLiteEventStore,
} from '@event-driven-io/emmett-sqlite';
import { Mutex } from '../lib/timer';
import type { BenchEvent } from './sample-event';
import type { BenchTarget, TargetFactory } from './target';

interface PragmaRow {
  readonly journal_mode?: string;
  readonly synchronous?: number;
}

const synchronousNames: Record<number, string> = { 0: 'OFF', 1: 'NORMAL', 2: 'FULL', 3: 'EXTRA' };

/**
 * Emmett 0.38.5 opens each call's connection with a `PRAGMA journal_mode = WAL` it does not
 * await; now and then that statement is still running on node-sqlite3's thread pool when the
 * append commits, and SQLite refuses the COMMIT ("SQL statements in progress"; Emmett rolls
 * back, logs the error and throws). Within a 15 s cell of sequential appends that happens
 * more often than not, so such an append is tried again, up to this many times.
 */
const RETRIES_ON_STATEMENTS_IN_PROGRESS = 3;
let retriedAppends = 0;

/** Appends of the peer tried again after Emmett's refused COMMIT, in this process so far. */
export const peerRetriedAppends = (): number => retriedAppends;

const isStatementsInProgress = (error: unknown): boolean =>
  error instanceof Error &&
  (error as { code?: unknown }).code === 'SQLITE_BUSY' &&
  error.message.includes('SQL statements in progress');

/**
 * Emmett 0.38.5's SQLite store opens a sqlite3 connection per call (journal_mode=WAL; the
 * bundled SQLite defaults to synchronous=FULL, which we read back inside the append
 * transaction) and closes it when the call ends. Concurrent calls on one instance share that
 * connection and its transaction counter, so they fail (SQLITE_MISUSE "Database is closed",
 * SQLITE_BUSY); separate instances per appender fail on SQLITE_BUSY (1 s busy timeout,
 * rollback errors). Concurrent appenders are therefore serialised with a mutex.
 */
class EmmettTarget implements BenchTarget {
  private readonly store: SQLiteEventStore;
  private readonly mutex = new Mutex();
  private pragmas: { journal: string; synchronous: string } | undefined;

  constructor(private readonly path: string) {
    this.store = getSQLiteEventStore({
      fileName: path,
      hooks: {
        onBeforeCommit: async (_messages, { connection }) => {
          if (this.pragmas) return;
          const journal = await connection.querySingle<PragmaRow>('PRAGMA journal_mode');
          const level = await connection.querySingle<PragmaRow>('PRAGMA synchronous');
          this.pragmas = {
            journal: String(journal?.journal_mode ?? '?').toUpperCase(),
            synchronous: synchronousNames[level?.synchronous ?? -1] ?? String(level?.synchronous),
          };
        },
      },
    });
  }

  append(stream: string, events: readonly BenchEvent[]): Promise<void> {
    // Our ids become Emmett's messageId (its own metadata spreads ours last).
    const messages = events.map((event) => ({
      type: event.type,
      data: event.data,
      metadata: { ...event.metadata, messageId: event.id },
    }));
    return this.mutex.run(async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          await this.store.appendToStream(stream, messages, {
            expectedStreamVersion: STREAM_DOES_NOT_EXIST,
          });
          return;
        } catch (error) {
          if (attempt >= RETRIES_ON_STATEMENTS_IN_PROGRESS || !isStatementsInProgress(error)) {
            throw error;
          }
          retriedAppends++;
        }
      }
    });
  }

  async readAll(pageSize: number): Promise<number> {
    // The global-log read the store's consumers pull with; it JSON-parses data and metadata.
    const connection = sqliteConnection({ fileName: this.path });
    try {
      let after = 0n;
      let count = 0;
      for (;;) {
        const batch = await readMessagesBatch(connection, { after, batchSize: pageSize });
        count += batch.messages.length;
        if (!batch.areEventsLeft) return count;
        after = batch.currentGlobalPosition;
      }
    } finally {
      connection.close();
    }
  }

  durability(): Promise<string> {
    const { journal, synchronous } = this.pragmas ?? { journal: '?', synchronous: '?' };
    return Promise.resolve(
      `journal_mode=${journal}, synchronous=${synchronous} (read back in its append transaction), one BEGIN IMMEDIATE transaction per append, a new connection per call`,
    );
  }

  close(): Promise<void> {
    // The store keeps no connection open between calls.
    return this.mutex.run(() => Promise.resolve());
  }
}

export const emmettSqlite: TargetFactory = {
  key: 'peer',
  label: '@event-driven-io/emmett-sqlite 0.38.5',
  notes:
    'getSQLiteEventStore({ fileName }).appendToStream(..., { expectedStreamVersion: STREAM_DOES_NOT_EXIST }) (0.38.5 maps it to "no check"); concurrent appenders serialised by a mutex (concurrent calls on 0.38.5 fail); an append whose COMMIT SQLite refused with "SQL statements in progress" is tried again (up to 3 times); read: readMessagesBatch({ after, batchSize }) over all streams on one sqliteConnection',
  open: (path) => Promise.resolve(new EmmettTarget(path)),
};
