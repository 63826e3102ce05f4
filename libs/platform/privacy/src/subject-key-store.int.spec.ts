import {
  describeSubjectKeyStoreContract,
  describeWithMongo,
  testDatabaseName,
} from '@talentloop/testing';
import Database from 'better-sqlite3';
import mongoose from 'mongoose';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoSubjectKeyStore } from './mongo/mongo-subject-key-store';
import { SqliteSubjectKeyStore } from './sqlite/sqlite-subject-key-store';
import { ErasurePendingError } from './subject-key-store.port';

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

describe('the SQLite key store’s files', () => {
  it('are readable and writable by their owner only', async () => {
    const path = join(folder, 'modes.sqlite');
    const store = new SqliteSubjectKeyStore({ path });
    await store.keyFor({ tenantId: 'acme', subjectId: 'emp-1' });
    const files = readdirSync(folder).filter((file) => file.startsWith('modes.sqlite'));
    expect(files).toEqual(['modes.sqlite', 'modes.sqlite-shm', 'modes.sqlite-wal']);
    for (const file of files)
      expect([file, (statSync(join(folder, file)).mode & 0o777).toString(8)]).toEqual([
        file,
        '600',
      ]);
    await store.close();
  });
});

describe('an erasure while another reader holds an old snapshot', () => {
  const subject = { tenantId: 'acme', subjectId: 'emp-read-meanwhile' };
  /** A second connection (another service on the same file) inside a read transaction. */
  const readerOn = (path: string) => {
    const reader = new Database(path);
    reader.prepare('BEGIN').run();
    reader.prepare('SELECT count(*) FROM subject_keys').get();
    return { release: () => reader.prepare('COMMIT').run() && reader.close() };
  };

  it('is reported pending, not done, while the reader stays, and finishes when erased again', async () => {
    const path = join(folder, 'pending.sqlite');
    const store = new SqliteSubjectKeyStore({ path, busyTimeoutMs: 50, erasureTimeoutMs: 200 });
    const created = await store.keyFor(subject);
    const reader = readerOn(path);

    await expect(store.destroy(subject)).rejects.toBeInstanceOf(ErasurePendingError);
    expect(await store.find(subject)).toEqual({ kind: 'erased' });

    reader.release();
    await store.destroy(subject);
    const key = created.kind === 'key' ? created.key : Buffer.alloc(0);
    for (const file of readdirSync(folder).filter((name) => name.startsWith('pending.sqlite')))
      expect(readFileSync(join(folder, file)).includes(key)).toBe(false);
    await store.close();
  });

  it('is done once the reader lets go within the time it keeps trying', async () => {
    const path = join(folder, 'waits.sqlite');
    const store = new SqliteSubjectKeyStore({ path, busyTimeoutMs: 50, erasureTimeoutMs: 5_000 });
    await store.keyFor(subject);
    const reader = readerOn(path);
    setTimeout(() => reader.release(), 150);

    await store.destroy(subject);
    expect(statSync(`${path}-wal`).size).toBe(0);
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
