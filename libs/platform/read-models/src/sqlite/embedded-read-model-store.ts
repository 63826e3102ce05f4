import { resolve as absolutePath } from 'node:path';
import type Database from 'better-sqlite3';
import { openWalDatabase, startWalCheckpointer } from '@talentloop/event-store';
import { ReadModelStoreUnavailableError, UniqueConstraintError } from '../errors';
import {
  assertCollectionName,
  assertPaging,
  comparisonsOf,
  indexKeysOf,
  sortKeysOf,
} from '../query/document-query';
import type {
  DocumentQuery,
  DocumentWrite,
  IndexSpec,
  ReadModelStore,
  SourcePositions,
  StoredDocument,
  WriteOutcome,
} from '../read-model-store.port';
import { fieldExpression, orderOf, whereOf } from './sqlite-query';

export interface EmbeddedReadModelStoreOptions {
  /** File of the store, e.g. data/read-models.sqlite; its folder is created. */
  readonly path: string;
  /** How long a write waits for another process's write lock; 5000 ms by default. */
  readonly busyTimeoutMs?: number;
}

/** The fallback auto-checkpoint's threshold in pages, as the event store's. */
const WAL_AUTOCHECKPOINT_PAGES = 10_000;

type DocumentRow = [id: string, doc: string, version: number, sources: string];
type Parameter = string | number;

// By code alone, not `instanceof SqliteError`: the native addon keeps the classes of the
// first realm that loaded it, and Jest gives every test file a realm.
const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'].includes(
    String((error as { code?: unknown }).code),
  );

/**
 * The doc column, with the fields a query leaves out removed by SQLite's json_remove (plain
 * names only: `assertPaging` refuses anything else before the statement runs).
 */
const docColumn = ({ without = [] }: DocumentQuery): string =>
  without.length === 0
    ? 'doc'
    : `json_remove(doc, ${without.map((field) => `'$.${field}'`).join(', ')})`;

const tableOf = (collection: string): string => {
  assertCollectionName(collection);
  return `"rm_${collection}"`;
};

/** The page cache a scan reads through (DocumentQuery.scan), in KiB: a few dozen pages. */
const SCAN_CACHE_KIB = 256;

const settle = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

/**
 * The embedded read-model store: one SQLite file (separate from the event store's), a table
 * per collection holding each document as JSON, indexes as expression indexes on
 * json_extract. `synchronous=NORMAL`: a process crash loses nothing and the file never
 * corrupts; power loss may drop the last commits, which is acceptable because every read
 * model is rebuilt from the event store and the per-document source positions make the
 * replay of lost pages harmless.
 */
export class EmbeddedReadModelStore implements ReadModelStore {
  private readonly db: Database.Database;
  /** Prepared statements by SQL text; a collection's entries go when it is dropped. */
  private readonly statements = new Map<string, Database.Statement<Parameter[]>>();
  private readonly knownTables = new Set<string>();
  private readonly tableExists;
  private readonly selectState;
  private readonly upsertState;
  private readonly writeBatch;
  private readonly insertBatch;
  private leaveCheckpointer: () => Promise<void> = () => Promise.resolve();

  constructor(options: EmbeddedReadModelStoreOptions) {
    this.db = openWalDatabase(options.path, options.busyTimeoutMs ?? 5000);
    this.db.pragma('synchronous = NORMAL');
    // As the event store does: checkpoints run in a worker thread, not inside whichever write
    // crosses SQLite's threshold (every ~4 MB of WAL, stalling that service's event loop while
    // it copies the pages and fsyncs); the auto-checkpoint stays as the fallback, further out.
    if (options.path !== ':memory:') {
      this.db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
      this.leaveCheckpointer = startWalCheckpointer(absolutePath(options.path));
    }
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS read_model_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID',
    );
    this.tableExists = this.db
      .prepare<[string], number>("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
      .pluck();
    this.selectState = this.db
      .prepare<[string], string>('SELECT value FROM read_model_state WHERE key = ?')
      .pluck();
    this.upsertState = this.db.prepare<[string, string]>(
      'INSERT INTO read_model_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.writeBatch = this.db.transaction((table: string, writes: readonly DocumentWrite[]) =>
      writes.filter((write) => !this.writeOne(table, write)).map((write) => write.id),
    );
    this.insertBatch = this.db.transaction(
      (table: string, documents: readonly StoredDocument[]) => {
        const insert = this.statement(
          table,
          `INSERT INTO ${table} (id, doc, version, sources) VALUES (?, ?, ?, ?)`,
        );
        for (const document of documents)
          insert.run(
            document.id,
            JSON.stringify(document.doc),
            document.version,
            JSON.stringify(document.sources),
          );
      },
    );
  }

  ensureCollection(collection: string, indexes: readonly IndexSpec[]): Promise<void> {
    return settle(() => {
      const table = this.ensureTable(collection);
      for (const index of indexes) {
        const { name, keys } = indexKeysOf(index);
        const terms = keys.map(
          (key) => `${fieldExpression(key.field)}${key.direction === 1 ? '' : ' DESC'}`,
        );
        this.db.exec(
          `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "rm_${collection}__${name}" ON ${table} (${terms.join(', ')})`,
        );
      }
    });
  }

  load<Doc extends object>(
    collection: string,
    ids: readonly string[],
  ): Promise<Map<string, StoredDocument<Doc>>> {
    return settle(() => {
      const found = new Map<string, StoredDocument<Doc>>();
      const table = tableOf(collection);
      if (ids.length === 0 || !this.hasTable(table)) return found;
      // One statement for any number of ids: they travel as one JSON array.
      const rows = this.statement(
        table,
        `SELECT id, doc, version, sources FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
      )
        .raw()
        .all(JSON.stringify(ids)) as DocumentRow[];
      for (const [id, doc, version, sources] of rows)
        found.set(id, {
          id,
          doc: JSON.parse(doc) as Doc,
          version,
          sources: JSON.parse(sources) as SourcePositions,
        });
      return found;
    });
  }

  write(collection: string, writes: readonly DocumentWrite[]): Promise<WriteOutcome> {
    return settle(() => {
      if (writes.length === 0) return { conflicts: [] };
      const table = this.ensureTable(collection);
      try {
        return { conflicts: this.writeBatch.immediate(table, writes) };
      } catch (error) {
        throw this.failure(collection, error);
      }
    });
  }

  insertFresh(collection: string, documents: readonly StoredDocument[]): Promise<void> {
    return settle(() => {
      if (documents.length === 0) return;
      const table = this.ensureTable(collection);
      try {
        this.insertBatch.immediate(table, documents);
      } catch (error) {
        throw this.failure(collection, error);
      }
    });
  }

  find<Doc extends object>(collection: string, query: DocumentQuery = {}): Promise<Doc[]> {
    return settle(() =>
      this.select<[string]>(collection, query, docColumn(query)).map(
        ([doc]) => JSON.parse(doc) as Doc,
      ),
    );
  }

  findStored<Doc extends object>(
    collection: string,
    query: DocumentQuery = {},
  ): Promise<StoredDocument<Doc>[]> {
    return settle(() =>
      this.select<DocumentRow>(collection, query, `id, ${docColumn(query)}, version, sources`).map(
        ([id, doc, version, sources]) => ({
          id,
          doc: JSON.parse(doc) as Doc,
          version,
          sources: JSON.parse(sources) as SourcePositions,
        }),
      ),
    );
  }

  /** The rows of a query, as arrays of the named columns. */
  private select<Row extends unknown[]>(
    collection: string,
    query: DocumentQuery,
    columns: string,
  ): Row[] {
    const table = tableOf(collection);
    assertPaging(query);
    const where = whereOf(comparisonsOf(query.where));
    const after = query.after === undefined ? '' : `${where.sql ? ' AND' : ' WHERE'} id > ?`;
    const order = orderOf(sortKeysOf(query.sort));
    if (!this.hasTable(table)) return [];
    const statement = this.statement(
      table,
      `SELECT ${columns} FROM ${table}${where.sql}${after}${order} LIMIT ? OFFSET ?`,
    ).raw();
    const rows = () =>
      statement.all(
        ...where.parameters,
        ...(query.after === undefined ? [] : [query.after]),
        query.limit ?? -1,
        query.skip ?? 0,
      ) as Row[];
    return query.scan ? this.withScanCache(rows) : rows();
  }

  /**
   * Runs `read` with a page cache of SCAN_CACHE_KIB, then gives the connection its own size
   * back: a scan's pages never fill the cache (see DocumentQuery.scan). Synchronous, so no
   * other statement of this connection runs in between.
   */
  private withScanCache<T>(read: () => T): T {
    const size = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma(`cache_size = -${SCAN_CACHE_KIB}`);
    try {
      return read();
    } finally {
      this.db.pragma(`cache_size = ${size}`);
    }
  }

  count(collection: string, where?: DocumentQuery['where']): Promise<number> {
    return settle(() => {
      const table = tableOf(collection);
      const condition = whereOf(comparisonsOf(where));
      if (!this.hasTable(table)) return 0;
      return this.statement(table, `SELECT count(*) FROM ${table}${condition.sql}`)
        .pluck()
        .get(...condition.parameters) as number;
    });
  }

  dropCollection(collection: string): Promise<void> {
    return settle(() => {
      const table = tableOf(collection);
      for (const sql of this.statements.keys())
        if (sql.startsWith(`${table} `)) this.statements.delete(sql);
      this.knownTables.delete(table);
      this.db.exec(`DROP TABLE IF EXISTS ${table}`);
    });
  }

  getState(key: string): Promise<string | undefined> {
    return settle(() => this.selectState.get(key));
  }

  setState(key: string, value: string): Promise<void> {
    return settle(() => {
      this.upsertState.run(key, value);
    });
  }

  async close(): Promise<void> {
    await settle(() => {
      if (this.db.open) this.db.close();
    });
    await this.leaveCheckpointer();
  }

  /** True when this write went through; false when its expected version did not hold. */
  private writeOne(table: string, write: DocumentWrite): boolean {
    const { id, expectedVersion } = write;
    if (write.doc === undefined) {
      if (expectedVersion === 0)
        return this.statement(table, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) === undefined;
      return (
        this.statement(table, `DELETE FROM ${table} WHERE id = ? AND version = ?`).run(
          id,
          expectedVersion,
        ).changes === 1
      );
    }
    const doc = JSON.stringify(write.doc);
    const sources = JSON.stringify(write.sources);
    if (expectedVersion === 0)
      return (
        this.statement(
          table,
          `INSERT INTO ${table} (id, doc, version, sources) VALUES (?, ?, 1, ?) ON CONFLICT (id) DO NOTHING`,
        ).run(id, doc, sources).changes === 1
      );
    return (
      this.statement(
        table,
        `UPDATE ${table} SET doc = ?, sources = ?, version = version + 1 WHERE id = ? AND version = ?`,
      ).run(doc, sources, id, expectedVersion).changes === 1
    );
  }

  private failure(collection: string, error: unknown): Error {
    return isUniqueViolation(error)
      ? new UniqueConstraintError(collection, { cause: error })
      : new ReadModelStoreUnavailableError(`SQLite write to ${collection} failed`, {
          cause: error,
        });
  }

  private ensureTable(collection: string): string {
    const table = tableOf(collection);
    if (!this.knownTables.has(table)) {
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL, version INTEGER NOT NULL, sources TEXT NOT NULL) WITHOUT ROWID`,
      );
      this.knownTables.add(table);
    }
    return table;
  }

  private hasTable(table: string): boolean {
    if (this.knownTables.has(table)) return true;
    if (this.tableExists.get(table.slice(1, -1)) === undefined) return false;
    this.knownTables.add(table);
    return true;
  }

  /** Cached by SQL text, keyed so that dropping a table finds the statements that use it. */
  private statement(table: string, sql: string): Database.Statement<Parameter[]> {
    const key = `${table} ${sql}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare<Parameter[]>(sql);
      this.statements.set(key, statement);
    }
    return statement;
  }
}
