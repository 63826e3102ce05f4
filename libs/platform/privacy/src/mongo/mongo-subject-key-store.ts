import { randomBytes } from 'node:crypto';
import type * as Mongoose from 'mongoose';
import type { KeyEncryptionKey } from '../key-encryption-key.port';
import type { DataSubject, SubjectKey, SubjectKeyStore } from '../subject-key-store.port';

interface KeyDocument {
  _id: string;
  /** Wrapped with the KEK `kekId` names; as it is when stored before keys were wrapped. */
  dataKey: Mongoose.mongo.Binary | null;
  kekId?: string;
  erasedAt?: string;
}

let loadedMongoose: typeof Mongoose | undefined;
/**
 * mongoose (and the MongoDB driver), loaded on first use, when a store connects: a service
 * keeping its keys elsewhere never loads it, so never pays for it at start.
 */
const mongoose = (): typeof Mongoose =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see above
  (loadedMongoose ??= require('mongoose') as typeof Mongoose);

const DUPLICATE_KEY = 11000;
const COLLECTION = 'subject_keys';

const idOf = (subject: DataSubject) => `${subject.tenantId}/${subject.subjectId}`;

/** The subject of a document, from its id: the tenant is up to the first slash. */
const subjectOfId = (id: string): DataSubject => {
  const slash = id.indexOf('/');
  return { tenantId: id.slice(0, slash), subjectId: id.slice(slash + 1) };
};

/**
 * Keys in collection `subject_keys` of a MongoDB database, one document per subject
 * (`<tenant>/<subject>`), each data key wrapped with the key-encryption key (`kekId`); a
 * destroyed key leaves a document without one, so erasure is final. A destroy overwrites the
 * document, but MongoDB keeps the old version in its oplog and storage files until they roll
 * over or are compacted: wrapped, it is of no use there without the KEK. Give this database
 * its own backup policy (a restored key undoes an erasure), apart from the data.
 */
export class MongoSubjectKeyStore implements SubjectKeyStore {
  private constructor(
    private readonly connection: Mongoose.Connection,
    private readonly kek: KeyEncryptionKey,
  ) {}

  static async connect(options: {
    readonly uri: string;
    readonly dbName: string;
    readonly kek: KeyEncryptionKey;
  }): Promise<MongoSubjectKeyStore> {
    const connection = await mongoose()
      .createConnection(options.uri, { dbName: options.dbName, serverSelectionTimeoutMS: 5000 })
      .asPromise();
    return new MongoSubjectKeyStore(connection, options.kek);
  }

  async keyFor(subject: DataSubject): Promise<SubjectKey> {
    const existing = await this.find(subject);
    if (existing) return existing;
    const wrapped = await this.kek.wrap(randomBytes(32), subject);
    await this.keys()
      .insertOne({
        _id: idOf(subject),
        dataKey: new (mongoose().mongo.Binary)(wrapped.wrapped),
        kekId: wrapped.kekId,
      })
      .catch((error: unknown) => {
        // Another process created the key first: everyone uses the stored one.
        if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
      });
    return (await this.find(subject)) as SubjectKey;
  }

  async find(subject: DataSubject): Promise<SubjectKey | undefined> {
    const document = await this.keys().findOne({ _id: idOf(subject) });
    if (!document) return undefined;
    if (!document.dataKey) return { kind: 'erased' };
    return { kind: 'key', key: await this.dataKeyOf(subject, document.dataKey, document.kekId) };
  }

  async destroy(subject: DataSubject): Promise<void> {
    const erasedAt = new Date().toISOString();
    await this.keys().updateOne(
      { _id: idOf(subject) },
      { $set: { dataKey: null }, $unset: { kekId: '' }, $setOnInsert: { erasedAt } },
      { upsert: true },
    );
    await this.keys().updateOne(
      { _id: idOf(subject), erasedAt: { $exists: false } },
      { $set: { erasedAt } },
    );
  }

  async rewrap(): Promise<number> {
    let rewrapped = 0;
    const stale = this.keys().find({ dataKey: { $ne: null }, kekId: { $ne: this.kek.currentId } });
    for await (const document of stale) {
      if (!document.dataKey) continue;
      const subject = subjectOfId(document._id);
      const key = await this.dataKeyOf(subject, document.dataKey, document.kekId);
      const wrapped = await this.kek.wrap(key, subject);
      // Only where the document still holds what was read: a key destroyed meanwhile stays so.
      const result = await this.keys().updateOne(
        { _id: document._id, dataKey: document.dataKey },
        {
          $set: {
            dataKey: new (mongoose().mongo.Binary)(wrapped.wrapped),
            kekId: wrapped.kekId,
          },
        },
      );
      rewrapped += result.modifiedCount;
    }
    return rewrapped;
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  /** The data key of a document: unwrapped, or as stored when stored before wrapping. */
  private dataKeyOf(
    subject: DataSubject,
    dataKey: Mongoose.mongo.Binary,
    kekId: string | undefined,
  ): Promise<Buffer> {
    const stored = Buffer.from(dataKey.buffer);
    return kekId === undefined
      ? Promise.resolve(stored)
      : this.kek.unwrap({ kekId, wrapped: stored }, subject);
  }

  private keys() {
    return this.connection.db!.collection<KeyDocument>(COLLECTION);
  }
}
