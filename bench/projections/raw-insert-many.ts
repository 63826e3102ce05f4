import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { secondsSince } from '../lib/timer';

/**
 * The MongoDB-wire server's own limit: documents/s that plain `insertMany` (unordered, in
 * chunks of `chunk`) writes into a fresh collection. Rebuilds are judged against it.
 */
export const measureRawInsertMany = async (
  uri: string,
  documents: readonly Record<string, unknown>[],
  chunk: number,
): Promise<number> => {
  const connection = await mongoose
    .createConnection(uri, { dbName: `bench_raw_${randomUUID().slice(0, 8)}` })
    .asPromise();
  try {
    const collection = connection.db!.collection(`raw_${randomUUID().slice(0, 8)}`);
    const start = process.hrtime.bigint();
    for (let offset = 0; offset < documents.length; offset += chunk)
      await collection.insertMany(
        documents.slice(offset, offset + chunk).map((document) => ({ ...document })),
        { ordered: false },
      );
    const seconds = secondsSince(start);
    await connection.db!.dropDatabase();
    return documents.length / seconds;
  } finally {
    await connection.close();
  }
};
