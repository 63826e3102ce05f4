import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { openWalDatabase } from '@talentloop/event-store';
import type { DataSubject, SubjectKey, SubjectKeyStore } from '../subject-key-store.port';

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
 * is gone from the file and not merely unlinked.
 */
export class SqliteSubjectKeyStore implements SubjectKeyStore {
  private readonly db: Database.Database;
  private readonly select;
  private readonly insert;
  private readonly erase;

  constructor(options: { readonly path: string; readonly busyTimeoutMs?: number }) {
    this.db = openWalDatabase(options.path, options.busyTimeoutMs ?? 5_000);
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

  destroy(subject: DataSubject): Promise<void> {
    return new Promise((resolve) => {
      this.erase.run(subject.tenantId, subject.subjectId, new Date().toISOString());
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      resolve();
    });
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
