import { randomUUID } from 'node:crypto';
import type * as Mongoose from 'mongoose';
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
  StoredDocument,
  WriteOutcome,
} from '../read-model-store.port';
import {
  fromStoredKeys,
  sourcesOf,
  storedSources,
  toStoredKeys,
  type DocumentRecord,
} from './mongo-document';
import { docProjection, documentField, filterOf, sortOf } from './mongo-query';

type Mongo = typeof Mongoose.mongo;

let loadedMongoose: typeof Mongoose | undefined;
/**
 * mongoose (and the MongoDB driver), loaded on first use, when a store connects: a service on
 * the embedded SQLite read models never loads it, so never pays for it at start.
 */
const mongoose = (): typeof Mongoose =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see above
  (loadedMongoose ??= require('mongoose') as typeof Mongoose);

interface StateRecord {
  _id: string;
  value: string;
}

export interface MongoReadModelStoreTuning {
  /** Documents per insertMany call of insertFresh; 10,000 by default. */
  readonly insertChunkSize?: number;
  /**
   * Read back every replaced or deleted document after a write instead of trusting the
   * matched and deleted counts. Needed on FerretDB 1.x, whose conditional update is not
   * atomic: two writers filtering on the same version can both be told they matched. By
   * default on when the server reports a FerretDB version, off otherwise.
   */
  readonly verifyEveryWrite?: boolean;
}

export interface MongoReadModelStoreOptions extends MongoReadModelStoreTuning {
  /** e.g. mongodb://127.0.0.1:27027/ */
  readonly uri: string;
  readonly dbName: string;
}

const STATE_COLLECTION = '_read_model_state';
const DUPLICATE_KEY = 11000;
const NAMESPACE_EXISTS = 48;
/**
 * Operations per bulkWrite call. FerretDB 1.24 hangs, server-wide, on an update command of
 * 100 or more statements (found by bisection: 99 pass, 100 never answer), and the driver
 * sends all replaceOnes of an unordered bulk as one update command.
 */
const BULK_SLICE = 50;
const READ_BACK_DELAY_MS = 10;

/**
 * FerretDB 1.x reports a unique index broken by an update as a plain command error quoting
 * SQLite's message, not as E11000.
 */
const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Error &&
  ((error as { code?: unknown }).code === DUPLICATE_KEY ||
    /E11000|UNIQUE constraint failed/.test(error.message));

type Kind = 'insert' | 'replace' | 'delete' | 'absent';
type Operation = Mongoose.mongo.AnyBulkWriteOperation<DocumentRecord>;

/**
 * Read models in MongoDB through a mongoose connection. Guarded writes without transactions
 * (FerretDB 1.x has none, and none are needed): a document at expected version 0 is
 * inserted (duplicate key: conflict), any other is replaced or deleted with the filter
 * `{_id, _v: expected}` (no match: conflict). One unordered bulkWrite carries a batch; it
 * reports failed inserts per operation but matches only as a total, so when fewer
 * replacements matched than were sent (on FerretDB: always), the batch reads back which
 * documents carry its own write token.
 *
 * On FerretDB 1.x a conditional replace is a read and a write without isolation; reading
 * back (after a short pause) narrows the race to a competing write that read the old
 * version before ours and lands more than that pause after it, which it cannot close.
 * MongoDB replaces atomically.
 */
export class MongoReadModelStore implements ReadModelStore {
  private readonly insertChunkSize: number;
  private verifyEveryWrite: Promise<boolean> | undefined;

  constructor(
    private readonly connection: Mongoose.Connection,
    options: MongoReadModelStoreTuning = {},
  ) {
    this.insertChunkSize = options.insertChunkSize ?? 10_000;
    if (options.verifyEveryWrite !== undefined)
      this.verifyEveryWrite = Promise.resolve(options.verifyEveryWrite);
  }

  static async connect(options: MongoReadModelStoreOptions): Promise<MongoReadModelStore> {
    const connection = await mongoose()
      .createConnection(options.uri, { dbName: options.dbName, serverSelectionTimeoutMS: 5000 })
      .asPromise();
    return new MongoReadModelStore(connection, options);
  }

  async ensureCollection(collection: string, indexes: readonly IndexSpec[]): Promise<void> {
    const target = this.collection(collection);
    const existing = await this.db().listCollections({ name: collection }).toArray();
    if (existing.length === 0)
      await this.db()
        .createCollection(collection)
        .catch((error: unknown) => {
          // Another process created it between the listing and now.
          if ((error as { code?: unknown }).code !== NAMESPACE_EXISTS) throw error;
        });
    // Only the missing indexes, one call each: FerretDB 1.24 panics on a createIndexes call
    // naming several indexes that all exist already.
    const listed = (await target.listIndexes().toArray()) as { name: string }[];
    const present = new Set(listed.map((index) => index.name));
    for (const index of indexes) {
      const { name, keys } = indexKeysOf(index);
      if (present.has(name)) continue;
      await target.createIndex(
        Object.fromEntries(keys.map((key) => [documentField(key.field), key.direction])),
        { name, unique: index.unique ?? false },
      );
    }
  }

  async load<Doc extends object>(
    collection: string,
    ids: readonly string[],
  ): Promise<Map<string, StoredDocument<Doc>>> {
    const found = new Map<string, StoredDocument<Doc>>();
    if (ids.length === 0) return found;
    const records = await this.collection(collection)
      .find({ _id: { $in: [...ids] } }, { projection: { _w: 0 } })
      .toArray();
    for (const record of records)
      found.set(record._id, {
        id: record._id,
        doc: fromStoredKeys(record.doc) as Doc,
        version: record._v,
        sources: sourcesOf(record._src),
      });
    return found;
  }

  async write(collection: string, writes: readonly DocumentWrite[]): Promise<WriteOutcome> {
    if (writes.length === 0) return { conflicts: [] };
    const target = this.collection(collection);
    const token = randomUUID();
    const byKind: Record<Kind, string[]> = { insert: [], replace: [], delete: [], absent: [] };
    const operations: Operation[] = [];
    /** The id each operation writes, by operation index. */
    const operationIds: string[] = [];
    for (const write of writes) {
      const { id: _id, expectedVersion } = write;
      if (write.doc === undefined) {
        if (expectedVersion === 0) {
          byKind.absent.push(_id);
          continue;
        }
        byKind.delete.push(_id);
        operations.push({ deleteOne: { filter: { _id, _v: expectedVersion } } });
      } else {
        const record = {
          _v: expectedVersion + 1,
          _src: storedSources(write.sources),
          _w: token,
          doc: toStoredKeys(write.doc),
        };
        if (expectedVersion === 0) {
          byKind.insert.push(_id);
          operations.push({ insertOne: { document: { _id, ...record } } });
        } else {
          byKind.replace.push(_id);
          operations.push({
            replaceOne: { filter: { _id, _v: expectedVersion }, replacement: record },
          });
        }
      }
      operationIds.push(_id);
    }
    const outcome = await this.bulkWrite(collection, operations, operationIds);

    const conflicts = new Set<string>();
    const suspects = new Set(outcome.failedInserts);
    const { replace: replaced, delete: deleted, absent: mustBeAbsent } = byKind;
    const verifyAll = await this.verifiesEveryWrite();
    const checkReplaced = verifyAll || outcome.matched < replaced.length;
    const checkDeleted = verifyAll || outcome.deleted < deleted.length;
    const toCheck = [
      ...suspects,
      ...mustBeAbsent,
      ...(checkReplaced ? replaced : []),
      ...(checkDeleted ? deleted : []),
    ];
    if (toCheck.length === 0) return { conflicts: [] };
    // A competing FerretDB update that read the old version is usually still waiting for
    // SQLite's write lock; reading back after it lands catches it.
    if (verifyAll) await new Promise((resolve) => setTimeout(resolve, READ_BACK_DELAY_MS));
    const present = new Map(
      (
        await target.find({ _id: { $in: toCheck } }, { projection: { _id: 1, _w: 1 } }).toArray()
      ).map((record) => [record._id, record._w]),
    );
    for (const id of suspects) {
      // A duplicate key on an id nobody holds came from another unique index.
      if (!present.has(id)) throw new UniqueConstraintError(collection);
      conflicts.add(id);
    }
    for (const id of mustBeAbsent) if (present.has(id)) conflicts.add(id);
    // A replacement overwritten since is reported as a conflict even when it had landed:
    // the retry reloads the document, and its source positions skip what it already holds.
    if (checkReplaced) for (const id of replaced) if (present.get(id) !== token) conflicts.add(id);
    // A document another writer deleted meanwhile is gone either way.
    if (checkDeleted) for (const id of deleted) if (present.has(id)) conflicts.add(id);
    return { conflicts: [...conflicts] };
  }

  async insertFresh(collection: string, documents: readonly StoredDocument[]): Promise<void> {
    const target = this.collection(collection);
    const insertChunk = async (start: number) => {
      const chunk = documents.slice(start, start + this.insertChunkSize).map((document) => ({
        _id: document.id,
        _v: document.version,
        _src: storedSources(document.sources),
        doc: toStoredKeys(document.doc),
      }));
      await target.insertMany(chunk, { ordered: false });
    };
    // Two chunks in flight: one is encoded and sent while the server stores the other.
    const pending: Promise<void>[] = [];
    try {
      for (let start = 0; start < documents.length; start += this.insertChunkSize) {
        pending.push(insertChunk(start));
        if (pending.length === 2) await pending.shift();
      }
      await Promise.all(pending);
    } catch (error) {
      await Promise.allSettled(pending);
      throw this.failure(collection, error);
    }
  }

  async find<Doc extends object>(collection: string, query: DocumentQuery = {}): Promise<Doc[]> {
    return (await this.select(collection, query, docProjection(query, { doc: 1 }))).map(
      (record) => fromStoredKeys(record.doc) as Doc,
    );
  }

  async findStored<Doc extends object>(
    collection: string,
    query: DocumentQuery = {},
  ): Promise<StoredDocument<Doc>[]> {
    return (await this.select(collection, query, docProjection(query, { _w: 0 }))).map(
      (record) => ({
        id: record._id,
        doc: fromStoredKeys(record.doc) as Doc,
        version: record._v,
        sources: sourcesOf(record._src),
      }),
    );
  }

  /** The records of a query with the given projection. */
  private async select(
    collection: string,
    query: DocumentQuery,
    projection: Readonly<Record<string, 0 | 1>>,
  ) {
    assertPaging(query);
    if (query.limit === 0) return [];
    const filter = filterOf(comparisonsOf(query.where));
    const cursor = this.collection(collection)
      .find(
        query.after === undefined ? filter : { $and: [filter, { _id: { $gt: query.after } }] },
        {
          projection,
        },
      )
      .sort(sortOf(sortKeysOf(query.sort)));
    if (query.skip) cursor.skip(query.skip);
    if (query.limit !== undefined) cursor.limit(query.limit);
    return cursor.toArray();
  }

  count(collection: string, where?: DocumentQuery['where']): Promise<number> {
    return this.collection(collection).countDocuments(filterOf(comparisonsOf(where)));
  }

  async dropCollection(collection: string): Promise<void> {
    const existing = await this.db()
      .listCollections({ name: this.collectionName(collection) })
      .toArray();
    if (existing.length > 0) await this.collection(collection).drop();
  }

  async getState(key: string): Promise<string | undefined> {
    const record = await this.db().collection<StateRecord>(STATE_COLLECTION).findOne({ _id: key });
    return record?.value;
  }

  async setState(key: string, value: string): Promise<void> {
    const state = this.db().collection<StateRecord>(STATE_COLLECTION);
    try {
      await state.replaceOne({ _id: key }, { value }, { upsert: true });
    } catch (error) {
      // Two upserts of a new key race: the loser's insert hits the winner's; it now exists.
      if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
      await state.replaceOne({ _id: key }, { value }, { upsert: true });
    }
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  /**
   * Runs the operations unordered, in slices of at most BULK_SLICE; returns what happened,
   * with the ids of inserts refused for a duplicate key (a version conflict or a unique
   * index, told apart by the caller).
   */
  private async bulkWrite(
    collection: string,
    operations: readonly Operation[],
    operationIds: readonly string[],
  ): Promise<{ matched: number; deleted: number; failedInserts: string[] }> {
    const outcome = { matched: 0, deleted: 0, failedInserts: [] as string[] };
    for (let start = 0; start < operations.length; start += BULK_SLICE) {
      const slice = operations.slice(start, start + BULK_SLICE);
      const sliceIds = operationIds.slice(start, start + BULK_SLICE);
      const result = await this.bulkWriteSlice(collection, slice, sliceIds);
      outcome.matched += result.matched;
      outcome.deleted += result.deleted;
      outcome.failedInserts.push(...result.failedInserts);
    }
    return outcome;
  }

  private async bulkWriteSlice(
    collection: string,
    operations: readonly Operation[],
    operationIds: readonly string[],
  ): Promise<{ matched: number; deleted: number; failedInserts: string[] }> {
    const target = this.collection(collection);
    try {
      const result = await target.bulkWrite(operations, { ordered: false });
      return { matched: result.matchedCount, deleted: result.deletedCount, failedInserts: [] };
    } catch (error) {
      if (!(error instanceof this.mongo().MongoBulkWriteError))
        throw this.failure(collection, error);
      const writeErrors = (
        Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors]
      ) as { index: number; code: number }[];
      const failedInserts: string[] = [];
      for (const writeError of writeErrors) {
        const operation = operations[writeError.index];
        const id = operationIds[writeError.index];
        const isInsert = operation !== undefined && 'insertOne' in operation;
        if (!isInsert || id === undefined || writeError.code !== DUPLICATE_KEY)
          throw this.failure(collection, error);
        failedInserts.push(id);
      }
      // A batch-level failure (no per-operation errors) leaves the outcome unknown.
      if (failedInserts.length === 0) throw this.failure(collection, error);
      return {
        matched: error.result.matchedCount,
        deleted: error.result.deletedCount,
        failedInserts,
      };
    }
  }

  private failure(collection: string, error: unknown): Error {
    return isUniqueViolation(error)
      ? new UniqueConstraintError(collection, { cause: error })
      : new ReadModelStoreUnavailableError(`MongoDB write to ${collection} failed`, {
          cause: error,
        });
  }

  private verifiesEveryWrite(): Promise<boolean> {
    this.verifyEveryWrite ??= this.db()
      .admin()
      .command({ buildInfo: 1 })
      .then((info) => 'ferretdbVersion' in info);
    return this.verifyEveryWrite;
  }

  private mongo(): Mongo {
    return mongoose().mongo;
  }

  private db() {
    const db = this.connection.db;
    if (!db) throw new ReadModelStoreUnavailableError('the MongoDB connection is not open');
    return db;
  }

  private collectionName(collection: string): string {
    assertCollectionName(collection);
    return collection;
  }

  private collection(collection: string) {
    return this.db().collection<DocumentRecord>(this.collectionName(collection));
  }
}
