import {
  describeSubjectKeyStoreContract,
  describeWithMongo,
  testDatabaseName,
} from '@talentloop/testing';
import Database from 'better-sqlite3';
import mongoose from 'mongoose';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rewrapKeys } from './cli/rewrap-keys';
import { developmentKek, LocalKeyEncryptionKey } from './local-key-encryption-key';
import { MongoSubjectKeyStore } from './mongo/mongo-subject-key-store';
import { SqliteSubjectKeyStore } from './sqlite/sqlite-subject-key-store';
import { ErasurePendingError } from './subject-key-store.port';

const folder = mkdtempSync(join(tmpdir(), 'talentloop-keys-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const kek = new LocalKeyEncryptionKey({ id: 'test', key: randomBytes(32) });

describeSubjectKeyStoreContract('SQLite key store', (given, storage) =>
  Promise.resolve(
    new SqliteSubjectKeyStore({ path: join(folder, `contract-${storage}.sqlite`), kek: given }),
  ),
);

/** Whether any of the store's files (the database, its WAL) in `where` holds the bytes. */
const filesHold = (name: string, bytes: Buffer, where = folder) =>
  readdirSync(where)
    .filter((file) => file.startsWith(name))
    .some((file) => readFileSync(join(where, file)).includes(bytes));

/** The data_key column of a subject's row, as another connection reads it. */
const storedBytes = (path: string, subjectId: string): Buffer => {
  const db = new Database(path, { readonly: true });
  try {
    const row = db
      .prepare('SELECT data_key FROM subject_keys WHERE subject_id = ?')
      .get(subjectId) as { data_key: Buffer };
    return row.data_key;
  } finally {
    db.close();
  }
};

/** A key file as it was before keys were wrapped: no kek_id column, the key in the clear. */
const legacyKeyFile = (path: string, subjectId: string): Buffer => {
  const legacy = new Database(path);
  legacy.pragma('journal_mode = WAL');
  legacy.exec(
    `CREATE TABLE subject_keys (
       tenant_id TEXT NOT NULL, subject_id TEXT NOT NULL, data_key BLOB, erased_at TEXT,
       PRIMARY KEY (tenant_id, subject_id)) WITHOUT ROWID`,
  );
  const raw = randomBytes(32);
  legacy
    .prepare('INSERT INTO subject_keys (tenant_id, subject_id, data_key) VALUES (?, ?, ?)')
    .run('acme', subjectId, raw);
  legacy.close();
  return raw;
};

describe('the SQLite key store’s keys', () => {
  it('are stored wrapped: neither the file nor its WAL holds a data key', async () => {
    // given a store that made a key
    const path = join(folder, 'wrapped.sqlite');
    const store = new SqliteSubjectKeyStore({ path, kek });
    const subject = { tenantId: 'acme', subjectId: 'emp-wrapped' };

    // when the key is made
    const created = await store.keyFor(subject);

    // then its bytes are nowhere in the files, and what is there opens with the KEK only
    const key = created.kind === 'key' ? created.key : Buffer.alloc(0);
    expect(key.length).toBe(32);
    expect(filesHold('wrapped.sqlite', key)).toBe(false);
    expect(storedBytes(path, 'emp-wrapped').length).toBe(60);
    const other = new SqliteSubjectKeyStore({ path, kek });
    expect(await other.find(subject)).toEqual(created);
    await other.close();
    await store.close();
  });

  it('stored before keys were wrapped still open, and rewrap wraps them and overwrites the old bytes', async () => {
    // given a key file from before: no kek_id column, a data key in the clear
    const path = join(folder, 'legacy.sqlite');
    const raw = legacyKeyFile(path, 'emp-legacy');
    const subject = { tenantId: 'acme', subjectId: 'emp-legacy' };

    // when a store opens it, and its keys are rewrapped
    const store = new SqliteSubjectKeyStore({ path, kek });
    expect(await store.find(subject)).toEqual({ kind: 'key', key: raw });
    expect(await store.rewrap()).toBe(1);

    // then the key is the same, wrapped, and its clear bytes are gone from the files
    expect(await store.find(subject)).toEqual({ kind: 'key', key: raw });
    expect(await store.rewrap()).toBe(0);
    expect(filesHold('legacy.sqlite', raw)).toBe(false);
    await store.close();
  });
});

describe('the SQLite key store after an erasure', () => {
  it('holds the destroyed key in no byte of its files (the database and its WAL)', async () => {
    const path = join(folder, 'shred.sqlite');
    const store = new SqliteSubjectKeyStore({ path, kek });
    const subject = { tenantId: 'acme', subjectId: 'emp-shredded' };
    await store.keyFor(subject);
    for (let i = 0; i < 50; i++) await store.keyFor({ tenantId: 'acme', subjectId: `emp-${i}` });
    const wrapped = storedBytes(path, 'emp-shredded');

    await store.destroy(subject);

    const files = readdirSync(folder).filter((file) => file.startsWith('shred.sqlite'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files)
      expect(readFileSync(join(folder, file)).includes(wrapped)).toBe(false);
    await store.close();
  });
});

describe('the SQLite key store’s files', () => {
  it('are readable and writable by their owner only', async () => {
    const path = join(folder, 'modes.sqlite');
    const store = new SqliteSubjectKeyStore({ path, kek });
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
    const store = new SqliteSubjectKeyStore({
      path,
      kek,
      busyTimeoutMs: 50,
      erasureTimeoutMs: 200,
    });
    await store.keyFor(subject);
    const wrapped = storedBytes(path, subject.subjectId);
    const reader = readerOn(path);

    await expect(store.destroy(subject)).rejects.toBeInstanceOf(ErasurePendingError);
    expect(await store.find(subject)).toEqual({ kind: 'erased' });

    reader.release();
    await store.destroy(subject);
    expect(filesHold('pending.sqlite', wrapped)).toBe(false);
    await store.close();
  });

  it('is done once the reader lets go within the time it keeps trying', async () => {
    const path = join(folder, 'waits.sqlite');
    const store = new SqliteSubjectKeyStore({
      path,
      kek,
      busyTimeoutMs: 50,
      erasureTimeoutMs: 5_000,
    });
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

  const dbNameOf = (storage: string) => `${dbName}_${storage}`;

  afterAll(async () => {
    for (const storage of ['shared', 'rotation', 'legacy']) {
      const connection = await mongoose
        .createConnection(uri, { dbName: dbNameOf(storage) })
        .asPromise();
      await connection.dropDatabase();
      await connection.close();
    }
  });

  describeSubjectKeyStoreContract('MongoDB key store', (given, storage) =>
    MongoSubjectKeyStore.connect({ uri, dbName: dbNameOf(storage), kek: given }),
  );

  it('opens keys stored before keys were wrapped, and rewrap wraps them', async () => {
    // given a key document from before: no kekId, the data key in the clear
    const raw = randomBytes(32);
    const connection = await mongoose
      .createConnection(uri, { dbName: dbNameOf('legacy') })
      .asPromise();
    await connection.db!.collection<{ _id: string; dataKey: unknown }>('subject_keys').insertOne({
      _id: 'acme/emp-legacy',
      dataKey: new mongoose.mongo.Binary(raw),
    });
    await connection.close();
    const store = await MongoSubjectKeyStore.connect({ uri, dbName: dbNameOf('legacy'), kek });
    const subject = { tenantId: 'acme', subjectId: 'emp-legacy' };

    // when it is read, and the keys are rewrapped
    const before = await store.find(subject);
    const rewrapped = await store.rewrap();

    // then it is the same key, now wrapped
    expect(before).toEqual({ kind: 'key', key: raw });
    expect(rewrapped).toBe(1);
    expect(await store.find(subject)).toEqual({ kind: 'key', key: raw });
    expect(await store.rewrap()).toBe(0);
    await store.close();
  });
});

describe('npm run privacy:rewrap', () => {
  it('wraps the configured store’s keys with the configured KEK, and says so', async () => {
    // given the embedded default's key file from before keys were wrapped
    const path = join(folder, 'cli', 'talentloop.sqlite');
    mkdirSync(join(folder, 'cli'));
    const raw = legacyKeyFile(path, 'emp-cli');
    const env = { EVENT_STORE_SQLITE_PATH: path };

    // when the CLI runs, twice
    const first = await rewrapKeys(env);
    const second = await rewrapKeys(env);

    // then the key is wrapped with the development KEK beside it, once
    expect([first, second]).toEqual([
      '1 data key rewrapped with KEK development',
      '0 data keys rewrapped with KEK development',
    ]);
    expect(filesHold('talentloop.sqlite', raw, join(folder, 'cli'))).toBe(false);
  });
});

describe('the development KEK of the embedded default', () => {
  it('is made once beside the key store, readable by its owner only, and the same from then on', () => {
    const keyStorePath = join(folder, 'development', 'talentloop.sqlite');

    const made = developmentKek(keyStorePath);
    const again = developmentKek(keyStorePath);

    expect(made.key.length).toBe(32);
    expect(again).toEqual(made);
    const file = join(folder, 'development', 'privacy-kek');
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    expect(readdirSync(join(folder, 'development'))).toEqual(['privacy-kek']);
  });
});
