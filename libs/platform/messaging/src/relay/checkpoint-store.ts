import type Database from 'better-sqlite3';
import { openWalDatabase } from '@talentloop/event-store';

/** Where a relay (or any checkpointed reader of the log) resumes: a global position per name. */
export interface CheckpointStore {
  load(name: string): Promise<bigint | undefined>;
  save(name: string, position: bigint): Promise<void>;
}

/**
 * Checkpoints in table `relay_checkpoints` of a SQLite file (the event store's file will do).
 * synchronous=NORMAL: a checkpoint lost to a power cut only makes the relay publish some
 * events again, which consumers dedupe anyway, so it is not worth an fsync per page.
 */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly db: Database.Database;
  private readonly select;
  private readonly upsert;

  constructor(options: { readonly path: string; readonly busyTimeoutMs?: number }) {
    this.db = openWalDatabase(options.path, options.busyTimeoutMs ?? 5_000);
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS relay_checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID',
    );
    this.select = this.db
      .prepare<[string], bigint>('SELECT position FROM relay_checkpoints WHERE name = ?')
      .pluck()
      .safeIntegers();
    this.upsert = this.db.prepare<[string, bigint]>(
      'INSERT INTO relay_checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
    );
  }

  load(name: string): Promise<bigint | undefined> {
    return new Promise((resolve) => resolve(this.select.get(name)));
  }

  save(name: string, position: bigint): Promise<void> {
    return new Promise((resolve) => {
      this.upsert.run(name, position);
      resolve();
    });
  }

  close(): void {
    this.db.close();
  }
}
