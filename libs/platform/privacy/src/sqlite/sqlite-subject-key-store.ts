import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { openWalDatabase } from '@talentloop/event-store';
import type { KeyEncryptionKey } from '../key-encryption-key.port';
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
  /** The KEK that wrapped data_key; null for a key stored before keys were wrapped. */
  readonly kek_id: string | null;
}

interface StoredKeyRow extends KeyRow {
  readonly tenant_id: string;
  readonly subject_id: string;
  readonly data_key: Buffer;
}

/**
 * Keys in table `subject_keys` of a SQLite file: the event store's own file by default, so the
 * embedded default needs nothing more. Each data key is stored wrapped with the key-encryption
 * key (column kek_id names it), so the file alone opens nothing; keys stored before that are
 * read as they are until `rewrap` wraps them. secure_delete overwrites a destroyed key's bytes
 * in the page, and a TRUNCATE checkpoint after each destroy moves that page out of the WAL, so
 * the key is gone from the file and not merely unlinked. The checkpoint's answer is checked:
 * while a reader holds an old snapshot it cannot truncate, so it is tried again for a while,
 * and the erasure is reported pending (ErasurePendingError) rather than done when it still
 * cannot. The files are readable by their owner only (0600), as the keys in them demand.
 */
export class SqliteSubjectKeyStore implements SubjectKeyStore {
  private readonly db: Database.Database;
  private readonly kek: KeyEncryptionKey;
  private readonly select;
  private readonly insert;
  private readonly erase;
  private readonly stale;
  private readonly replace;

  private readonly erasureTimeoutMs: number;

  constructor(options: {
    readonly path: string;
    readonly kek: KeyEncryptionKey;
    readonly busyTimeoutMs?: number;
    /** How long a destroy keeps trying to truncate the WAL before reporting it pending. */
    readonly erasureTimeoutMs?: number;
  }) {
    this.db = openWalDatabase(options.path, options.busyTimeoutMs ?? 5_000);
    this.kek = options.kek;
    this.erasureTimeoutMs = options.erasureTimeoutMs ?? 10_000;
    this.db.pragma('secure_delete = ON');
    this.createTable();
    this.select = this.db.prepare<[string, string], KeyRow>(
      'SELECT data_key, kek_id FROM subject_keys WHERE tenant_id = ? AND subject_id = ?',
    );
    this.insert = this.db.prepare<[string, string, Buffer, string]>(
      'INSERT INTO subject_keys (tenant_id, subject_id, data_key, kek_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.erase = this.db.prepare<[string, string, string]>(
      `INSERT INTO subject_keys (tenant_id, subject_id, data_key, erased_at) VALUES (?, ?, NULL, ?)
       ON CONFLICT DO UPDATE SET data_key = NULL, kek_id = NULL,
         erased_at = COALESCE(erased_at, excluded.erased_at)`,
    );
    this.stale = this.db.prepare<[string], StoredKeyRow>(
      `SELECT tenant_id, subject_id, data_key, kek_id FROM subject_keys
       WHERE data_key IS NOT NULL AND (kek_id IS NULL OR kek_id <> ?)`,
    );
    // Only where the row still holds what was read: a key destroyed meanwhile stays destroyed.
    this.replace = this.db.prepare<[Buffer, string, string, string, Buffer]>(
      `UPDATE subject_keys SET data_key = ?, kek_id = ?
       WHERE tenant_id = ? AND subject_id = ? AND data_key = ?`,
    );
    // The WAL exists once the table is written; SQLite gives it and the shared memory the
    // main file's mode, and files made before this was done are tightened too.
    if (options.path !== ':memory:')
      for (const file of filesOf(options.path)) if (existsSync(file)) chmodSync(file, 0o600);
  }

  async keyFor(subject: DataSubject): Promise<SubjectKey> {
    const existing = await this.subjectKeyOf(subject, this.read(subject));
    if (existing) return existing;
    const wrapped = await this.kek.wrap(randomBytes(32), subject);
    // Another process may insert first; whoever does wins, and everyone reads the stored row.
    this.insert.run(subject.tenantId, subject.subjectId, wrapped.wrapped, wrapped.kekId);
    return (await this.subjectKeyOf(subject, this.read(subject))) as SubjectKey;
  }

  async find(subject: DataSubject): Promise<SubjectKey | undefined> {
    return this.subjectKeyOf(subject, this.read(subject));
  }

  async destroy(subject: DataSubject): Promise<void> {
    this.erase.run(subject.tenantId, subject.subjectId, new Date().toISOString());
    if (!(await this.truncateWal()))
      throw new ErasurePendingError(
        `the key of ${subject.subjectId} no longer opens anything, but readers kept its bytes in the write-ahead log; erase again to finish`,
      );
  }

  /**
   * Wraps every key not wrapped with the current KEK (stored before keys were wrapped, or
   * wrapped with a KEK being retired) with the current one; answers how many. secure_delete
   * overwrites the old bytes and the WAL is truncated after, as for a destroy: a run that
   * readers kept from truncating is reported, and the next run finishes it.
   */
  async rewrap(): Promise<number> {
    let rewrapped = 0;
    for (const row of this.stale.all(this.kek.currentId)) {
      const subject = { tenantId: row.tenant_id, subjectId: row.subject_id };
      const key = await this.dataKeyOf(subject, row);
      const wrapped = await this.kek.wrap(key, subject);
      rewrapped += this.replace.run(
        wrapped.wrapped,
        wrapped.kekId,
        row.tenant_id,
        row.subject_id,
        row.data_key,
      ).changes;
    }
    if (!(await this.truncateWal()))
      throw new Error(
        `${rewrapped.toString()} keys rewrapped, but readers kept their old bytes in the write-ahead log; rewrap again to finish`,
      );
    return rewrapped;
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }

  /**
   * The table, and on a file from before keys were wrapped, its kek_id column. In one
   * immediate transaction: the services sharing the file start at once, and only one adds it.
   */
  private createTable(): void {
    this.db
      .transaction(() => {
        this.db.exec(
          `CREATE TABLE IF NOT EXISTS subject_keys (
             tenant_id TEXT NOT NULL, subject_id TEXT NOT NULL, data_key BLOB, erased_at TEXT,
             kek_id TEXT, PRIMARY KEY (tenant_id, subject_id)) WITHOUT ROWID`,
        );
        const columns = this.db.pragma('table_info(subject_keys)') as { name: string }[];
        if (!columns.some((column) => column.name === 'kek_id'))
          this.db.exec('ALTER TABLE subject_keys ADD COLUMN kek_id TEXT');
      })
      .immediate();
  }

  private read(subject: DataSubject): KeyRow | undefined {
    return this.select.get(subject.tenantId, subject.subjectId);
  }

  private async subjectKeyOf(
    subject: DataSubject,
    row: KeyRow | undefined,
  ): Promise<SubjectKey | undefined> {
    if (!row) return undefined;
    if (!row.data_key) return { kind: 'erased' };
    return { kind: 'key', key: await this.dataKeyOf(subject, { ...row, data_key: row.data_key }) };
  }

  /** The data key of a row: unwrapped, or as stored when it was stored before wrapping. */
  private dataKeyOf(
    subject: DataSubject,
    row: KeyRow & { readonly data_key: Buffer },
  ): Promise<Buffer> {
    return row.kek_id === null
      ? Promise.resolve(row.data_key)
      : this.kek.unwrap({ kekId: row.kek_id, wrapped: row.data_key }, subject);
  }

  /**
   * A TRUNCATE checkpoint, tried again while readers on an older snapshot keep it from
   * finishing (each try waits the busy timeout for them); false when they stayed too long.
   */
  private async truncateWal(): Promise<boolean> {
    const deadline = Date.now() + this.erasureTimeoutMs;
    for (let wait = 10; ; wait = Math.min(wait * 2, 250)) {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as CheckpointResult[];
      if (result?.busy === 0) return true;
      if (Date.now() + wait > deadline) return false;
      await sleep(wait);
    }
  }
}
