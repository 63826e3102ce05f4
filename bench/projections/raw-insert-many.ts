import Database from 'better-sqlite3';
import mongoose from 'mongoose';
import { secondsSince } from '../lib/timer';

/** Documents a raw path wrote and the seconds it took, writes only (reading them is not timed). */
export interface RawInsert {
  readonly documents: number;
  readonly seconds: number;
}

/**
 * As the rebuild flushes its buffer into the embedded store: up to 250,000 documents in one
 * transaction (rebuildProjection's default maxBufferedDocuments, one insertFresh each).
 */
const EMBEDDED_ROWS_PER_TRANSACTION = 250_000;
/** As MongoReadModelStore.insertFresh sends them: insertMany chunks of 10,000, two in flight. */
const MONGO_CHUNK = 10_000;
const MONGO_IN_FLIGHT = 2;

/**
 * The embedded store's floor for exactly the documents a rebuild produced: the rows of its
 * table `rm_<collection>` in `sourcePath` (id, JSON document, version, sources, as stored),
 * inserted with plain better-sqlite3 prepared INSERTs into a fresh file `targetPath` holding
 * the same table and the same indexes, with the store's pragmas (WAL, synchronous=NORMAL).
 */
export const rawInsertEmbedded = (
  sourcePath: string,
  collection: string,
  targetPath: string,
): RawInsert => {
  const table = `rm_${collection}`;
  const source = new Database(sourcePath, { readonly: true });
  let schema: string[];
  let rows: unknown[][];
  try {
    schema = source
      .prepare<
        [string],
        string
      >("SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type = 'index'")
      .pluck()
      .all(table);
    rows = source
      .prepare(`SELECT id, doc, version, sources FROM "${table}"`)
      .raw()
      .all() as unknown[][];
  } finally {
    source.close();
  }
  const target = new Database(targetPath);
  try {
    target.pragma('journal_mode = WAL');
    target.pragma('synchronous = NORMAL');
    for (const sql of schema) target.exec(sql);
    const insert = target.prepare(
      `INSERT INTO "${table}" (id, doc, version, sources) VALUES (?, ?, ?, ?)`,
    );
    const insertAll = target.transaction((chunk: unknown[][]) => {
      for (const row of chunk) insert.run(...row);
    });
    const start = process.hrtime.bigint();
    for (let offset = 0; offset < rows.length; offset += EMBEDDED_ROWS_PER_TRANSACTION)
      insertAll.immediate(rows.slice(offset, offset + EMBEDDED_ROWS_PER_TRANSACTION));
    return { documents: rows.length, seconds: secondsSince(start) };
  } finally {
    target.close();
  }
};

/**
 * The MongoDB-wire server's floor for exactly the documents a rebuild produced: every
 * record of `collection` in database `dbName` (`_id`, `_v`, `_src`, `doc`, as stored) read
 * back, then written with plain `insertMany` (unordered) into a fresh collection of the same
 * database that has the same indexes, in the chunks the store's insertFresh uses.
 */
export const rawInsertMongo = async (
  uri: string,
  dbName: string,
  collection: string,
): Promise<RawInsert> => {
  const connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  try {
    const db = connection.db!;
    const records = await db.collection(collection).find({}).toArray();
    const indexes = await db.collection(collection).indexes();
    const target = db.collection(`raw_${collection}`.slice(0, 120));
    await db.createCollection(target.collectionName);
    for (const { key, unique, name } of indexes)
      if (name !== '_id_') await target.createIndex(key, { unique: unique ?? false, name });
    const start = process.hrtime.bigint();
    const pending: Promise<unknown>[] = [];
    for (let offset = 0; offset < records.length; offset += MONGO_CHUNK) {
      pending.push(
        target.insertMany(records.slice(offset, offset + MONGO_CHUNK), { ordered: false }),
      );
      if (pending.length === MONGO_IN_FLIGHT) await pending.shift();
    }
    await Promise.all(pending);
    const seconds = secondsSince(start);
    await target.drop();
    return { documents: records.length, seconds };
  } finally {
    await connection.close();
  }
};
