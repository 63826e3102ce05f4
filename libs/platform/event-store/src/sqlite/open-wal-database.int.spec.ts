import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { useTemporaryFolder } from '@talentloop/testing';
import Database from 'better-sqlite3';
import { openWalDatabase } from './open-wal-database';

/**
 * Another process writing to a fresh file (still in rollback-journal mode) holds the lock
 * that switching to WAL needs, for `ms` milliseconds: what a service meets when it starts
 * beside the three others on new files.
 */
const holdWriteLock = (path: string, ms: number) =>
  new Promise<{ released: Promise<void> }>((resolve, reject) => {
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(path)});
      db.exec('CREATE TABLE IF NOT EXISTS held (a)');
      db.exec('BEGIN IMMEDIATE');
      db.exec('INSERT INTO held VALUES (1)');
      process.stdout.write('held\\n');
      setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${ms});`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const released = new Promise<void>((done) => child.once('exit', () => done()));
    child.once('error', reject);
    child.stdout.on('data', (chunk: Buffer) => {
      if (String(chunk).includes('held')) resolve({ released });
    });
  });

/** The SQLite error code `work` throws with, or undefined when it does not throw. */
const codeOf = (work: () => unknown): unknown => {
  try {
    work();
    return undefined;
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
};

describe('opening a SQLite file in WAL mode', () => {
  const folder = useTemporaryFolder('wal');

  it('waits for another process that holds the lock, where SQLite itself refuses at once', async () => {
    // given a fresh file another process is writing to, in rollback-journal mode
    const path = join(folder(), 'fresh.sqlite');
    const { released } = await holdWriteLock(path, 400);
    const plain = new Database(path, { timeout: 5_000 });
    expect(codeOf(() => plain.pragma('journal_mode = WAL'))).toBe('SQLITE_BUSY');
    plain.close();

    // when a store opens it
    const db = openWalDatabase(path, 5_000);

    // then it is in WAL mode once the other process let go
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
      await released;
    }
  });

  it('still gives up after the busy timeout', async () => {
    // given a lock held far longer than the timeout
    const path = join(folder(), 'held.sqlite');
    const { released } = await holdWriteLock(path, 1_500);

    // when a store opens it with a short timeout, then it fails with SQLITE_BUSY
    expect(codeOf(() => openWalDatabase(path, 200))).toBe('SQLITE_BUSY');
    await released;
  });
});
