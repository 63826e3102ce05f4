import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { openWalDatabase } from '@talentloop/event-store';
import {
  ErasurePendingError,
  type DataSubject,
  type SubjectKey,
  type SubjectKeyStore,
} from '../subject-key-store.port';

/** What `PRAGMA wal_checkpoint` answers: busy 1 when readers kept it from finishing. */
interface CheckpointResult {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

/** The key file and the WAL and shared-memory files SQLite keeps beside it. */
const filesOf = (path: string) => [path, `${path}-wal`, `${path}-shm`];

interface KeyRow {
  readonly data_key: Buffer | null;
}

const subjectKeyOf = (row: KeyRow | undefined): SubjectKey | undefined => {
  if (!row) return undefined;
  return row.data_key ? { kind: 'key', key: row.data_key } : { kind: 'erased' };
};

/**
 * Keys in table `subject_keys` of a SQLite file: the event store's own file by default, so the
 * embedded default needs nothing more. secure_delete overwrites a destroyed key's bytes in the
 * page, and a TRUNCATE checkpoint after each destroy moves that page out of the WAL, so the key
 * is gone from the file and not merely unlinked. The checkpoint's answer is checked: while a
 * reader holds an old snapshot it cannot truncate, so it is tried again for a while, and the
 * erasure is reported pending (ErasurePendingError) rather than done when it still cannot.
 * The files are readable by their owner only (0600), as the keys in them demand.
 */
export class SqliteSubjectKeyStore implements SubjectKeyStore {
  private readonly db: Database.Database;
  private readonly select;
  private readonly insert;
  private readonly erase;

  private readonly erasureTimeoutMs: number;

  constructor(options: {
    readonly path: string;
    readonly busyTimeoutMs?: number;
    /** How long a destroy keeps trying to truncate the WAL before reporting it pending. */
    readonly erasureTimeoutMs?: number;
  }) {
    this.db = openWalDatabase(options.path, options.busyTimeoutMs ?? 5_000);
    this.erasureTimeoutMs = options.erasureTimeoutMs ?? 10_000;
    this.db.pragma('secure_delete = ON');
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS subject_keys (
         tenant_id TEXT NOT NULL, subject_id TEXT NOT NULL, data_key BLOB, erased_at TEXT,
         PRIMARY KEY (tenant_id, subject_id)) WITHOUT ROWID`,
    );
    this.select = this.db.prepare<[string, string], KeyRow>(
      'SELECT data_key FROM subject_keys WHERE tenant_id = ? AND subject_id = ?',
    );
    this.insert = this.db.prepare<[string, string, Buffer]>(
      'INSERT INTO subject_keys (tenant_id, subject_id, data_key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.erase = this.db.prepare<[string, string, string]>(
      `INSERT INTO subject_keys (tenant_id, subject_id, data_key, erased_at) VALUES (?, ?, NULL, ?)
       ON CONFLICT DO UPDATE SET data_key = NULL, erased_at = COALESCE(erased_at, excluded.erased_at)`,
    );
    // The WAL exists once the table is written; SQLite gives it and the shared memory the
    // main file's mode, and files made before this was done are tightened too.
    if (options.path !== ':memory:')
      for (const file of filesOf(options.path)) if (existsSync(file)) chmodSync(file, 0o600);
  }

  keyFor(subject: DataSubject): Promise<SubjectKey> {
    return new Promise((resolve) => {
      const existing = subjectKeyOf(this.select.get(subject.tenantId, subject.subjectId));
      if (existing) return resolve(existing);
      // Another process may insert first; whoever does wins, and everyone reads the stored row.
      this.insert.run(subject.tenantId, subject.subjectId, randomBytes(32));
      resolve(subjectKeyOf(this.select.get(subject.tenantId, subject.subjectId)) as SubjectKey);
    });
  }

  find(subject: DataSubject): Promise<SubjectKey | undefined> {
    return new Promise((resolve) =>
      resolve(subjectKeyOf(this.select.get(subject.tenantId, subject.subjectId))),
    );
  }

  async destroy(subject: DataSubject): Promise<void> {
    this.erase.run(subject.tenantId, subject.subjectId, new Date().toISOString());
    const deadline = Date.now() + this.erasureTimeoutMs;
    for (let wait = 10; ; wait = Math.min(wait * 2, 250)) {
      // Waits (the busy timeout) for readers on an older snapshot; busy 1 when they stayed.
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as CheckpointResult[];
      if (result?.busy === 0) return;
      if (Date.now() + wait > deadline)
        throw new ErasurePendingError(
          `the key of ${subject.subjectId} no longer opens anything, but readers kept its bytes in the write-ahead log; erase again to finish`,
        );
      await sleep(wait);
    }
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
