import {
  describeSubjectKeyStoreContract,
  describeWithMongo,
  testDatabaseName,
} from '@talentloop/testing';
import mongoose from 'mongoose';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoSubjectKeyStore } from './mongo/mongo-subject-key-store';
import { SqliteSubjectKeyStore } from './sqlite/sqlite-subject-key-store';

const folder = mkdtempSync(join(tmpdir(), 'talentloop-keys-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeSubjectKeyStoreContract('SQLite key store', () =>
  Promise.resolve(new SqliteSubjectKeyStore({ path: join(folder, 'contract.sqlite') })),
);

describe('the SQLite key store after an erasure', () => {
  it('holds the destroyed key in no byte of its files (the database and its WAL)', async () => {
    const path = join(folder, 'shred.sqlite');
    const store = new SqliteSubjectKeyStore({ path });
    const subject = { tenantId: 'acme', subjectId: 'emp-shredded' };
    const created = await store.keyFor(subject);
    for (let i = 0; i < 50; i++) await store.keyFor({ tenantId: 'acme', subjectId: `emp-${i}` });

    await store.destroy(subject);

    const key = created.kind === 'key' ? created.key : Buffer.alloc(0);
    const files = readdirSync(folder).filter((file) => file.startsWith('shred.sqlite'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(join(folder, file)).includes(key)).toBe(false);
    await store.close();
  });
});

describeWithMongo('MongoDB key store', (uri) => {
  const dbName = testDatabaseName('subject_keys');

  afterAll(async () => {
    const connection = await mongoose.createConnection(uri, { dbName }).asPromise();
    await connection.dropDatabase();
    await connection.close();
  });

  describeSubjectKeyStoreContract('MongoDB key store', () =>
    MongoSubjectKeyStore.connect({ uri, dbName }),
  );
});
