import { randomBytes } from 'node:crypto';
import type * as Mongoose from 'mongoose';
import type { DataSubject, SubjectKey, SubjectKeyStore } from '../subject-key-store.port';

interface KeyDocument {
  _id: string;
  dataKey: Mongoose.mongo.Binary | null;
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

const subjectKeyOf = (document: KeyDocument | null): SubjectKey | undefined => {
  if (!document) return undefined;
  return document.dataKey
    ? { kind: 'key', key: Buffer.from(document.dataKey.buffer) }
    : { kind: 'erased' };
};

/**
 * Keys in collection `subject_keys` of a MongoDB database, one document per subject
 * (`<tenant>/<subject>`); a destroyed key leaves a document without one, so erasure is final.
 * Give this database its own backup policy: a restored key undoes an erasure.
 */
export class MongoSubjectKeyStore implements SubjectKeyStore {
  private constructor(private readonly connection: Mongoose.Connection) {}

  static async connect(options: {
    readonly uri: string;
    readonly dbName: string;
  }): Promise<MongoSubjectKeyStore> {
    const connection = await mongoose()
      .createConnection(options.uri, { dbName: options.dbName, serverSelectionTimeoutMS: 5000 })
      .asPromise();
    return new MongoSubjectKeyStore(connection);
  }

  async keyFor(subject: DataSubject): Promise<SubjectKey> {
    const existing = await this.find(subject);
    if (existing) return existing;
    await this.keys()
      .insertOne({ _id: idOf(subject), dataKey: new (mongoose().mongo.Binary)(randomBytes(32)) })
      .catch((error: unknown) => {
        // Another process created the key first: everyone uses the stored one.
        if ((error as { code?: unknown }).code !== DUPLICATE_KEY) throw error;
      });
    return (await this.find(subject)) as SubjectKey;
  }

  async find(subject: DataSubject): Promise<SubjectKey | undefined> {
    return subjectKeyOf(await this.keys().findOne({ _id: idOf(subject) }));
  }

  async destroy(subject: DataSubject): Promise<void> {
    const erasedAt = new Date().toISOString();
    await this.keys().updateOne(
      { _id: idOf(subject) },
      { $set: { dataKey: null }, $setOnInsert: { erasedAt } },
      { upsert: true },
    );
    await this.keys().updateOne(
      { _id: idOf(subject), erasedAt: { $exists: false } },
      { $set: { erasedAt } },
    );
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  private keys() {
    return this.connection.db!.collection<KeyDocument>(COLLECTION);
  }
}
