import mongoose from 'mongoose';
import {
  describeReadModelStoreContract,
  describeWithMongo,
  testDatabaseName,
} from '@talentloop/testing';
import { MongoReadModelStore } from './mongo-read-model-store';

describeWithMongo('MongoDB read-model store', (uri) => {
  const dbName = testDatabaseName('read_model_store');
  let store: MongoReadModelStore;

  beforeAll(async () => {
    store = await MongoReadModelStore.connect({ uri, dbName });
  });

  afterAll(async () => {
    const connection = await mongoose.createConnection(uri, { dbName }).asPromise();
    await connection.dropDatabase();
    await connection.close();
    await store.close();
  });

  // One connection for the whole file: the suite's collections and keys are its own per test.
  describeReadModelStoreContract('MongoDB', () =>
    Promise.resolve({ store, cleanup: () => Promise.resolve() }),
  );
});
