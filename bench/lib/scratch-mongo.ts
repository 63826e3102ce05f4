import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';

/**
 * Runs `task` with the name of a fresh database on the MongoDB-wire server and drops that
 * database afterwards, even on failure, so benchmark runs leave no copies behind.
 */
export const withScratchMongo = async <T>(
  uri: string,
  label: string,
  task: (dbName: string) => Promise<T>,
): Promise<T> => {
  const dbName = `bench_${label}_${randomUUID().slice(0, 8)}`;
  try {
    return await task(dbName);
  } finally {
    const connection = await mongoose.createConnection(uri, { dbName }).asPromise();
    try {
      await connection.db!.dropDatabase();
    } finally {
      await connection.close();
    }
  }
};
