import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { useTemporaryFolder } from '@talentloop/testing';
import Database from 'better-sqlite3';
import { startWalCheckpointer } from './wal-checkpointer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A WAL file whose commits never checkpoint by themselves: only a checkpointer copies them. */
const walFile = (path: string) => {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE IF NOT EXISTS rows (body TEXT)');
  return db;
};

const write = (db: Database.Database) => {
  const insert = db.prepare('INSERT INTO rows VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 200; i++) insert.run('x'.repeat(500));
  })();
};

/** Resolves once the database file (not its WAL) has grown past `size`; false after 5 s. */
const grows = async (path: string, size: number): Promise<boolean> => {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (statSync(path).size > size) return true;
    await sleep(25);
  }
  return false;
};

/** Threads of this process (Linux): a worker thread adds one. */
const threads = (): number | undefined =>
  existsSync('/proc/self/task') ? readdirSync('/proc/self/task').length : undefined;

describe('the WAL checkpointer', () => {
  const folder = useTemporaryFolder('wal-checkpointer');

  it('checkpoints every file a process opens from one worker thread', async () => {
    // given three WAL files, as a service opens (event store, bus log, read models)
    const paths = ['store', 'bus', 'read-models'].map((name) => join(folder(), `${name}.sqlite`));
    const dbs = paths.map(walFile);
    const sizes = paths.map((path) => statSync(path).size);
    const before = threads();

    // when each is checkpointed and written to
    const leaves = paths.map((path) => startWalCheckpointer(path, 50));
    dbs.forEach(write);

    // then each database file takes its WAL's pages, and the process has one thread more
    try {
      for (const [index, path] of paths.entries())
        expect(await grows(path, sizes[index])).toBe(true);
      if (before === undefined)
        console.warn('wal-checkpointer spec: no /proc/self/task here; thread count NOT checked');
      else expect(threads()).toBe(before + 1);
    } finally {
      for (const db of dbs) db.close();
      await Promise.all(leaves.map((leave) => leave()));
    }
  });

  it('goes on with the other files when one is left, and lets go of the one left', async () => {
    // given two checkpointed files
    const kept = join(folder(), 'kept.sqlite');
    const left = join(folder(), 'left.sqlite');
    const keptDb = walFile(kept);
    walFile(left).close();
    const leaveKept = startWalCheckpointer(kept, 50);
    const leaveLeft = startWalCheckpointer(left, 50);

    // when one is left and its files removed
    await leaveLeft();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${left}${suffix}`, { force: true });

    // then the other is still checkpointed, and nothing re-creates the removed file
    try {
      const size = statSync(kept).size;
      write(keptDb);
      expect(await grows(kept, size)).toBe(true);
      expect(existsSync(left)).toBe(false);
    } finally {
      keptDb.close();
      await leaveKept();
    }
  });

  it('keeps a file checkpointed until its last user leaves, and ends the worker after', async () => {
    // given one file two stores checkpoint
    const path = join(folder(), 'shared.sqlite');
    const db = walFile(path);
    const before = threads();
    const first = startWalCheckpointer(path, 50);
    const second = startWalCheckpointer(path, 50);

    // when the first leaves, then the file is still checkpointed
    await first();
    const size = statSync(path).size;
    write(db);
    expect(await grows(path, size)).toBe(true);

    // when the second leaves, then the worker has exited
    db.close();
    await second();
    if (before !== undefined) expect(threads()).toBe(before);
  });

  it('leaves a file it cannot open to SQLite, and checkpoints the others', async () => {
    // given a path in a folder that does not exist, and a good file
    const bad = join(folder(), 'missing', 'nowhere.sqlite');
    const good = join(folder(), 'good.sqlite');
    const db = walFile(good);

    // when both are checkpointed
    const leaveBad = startWalCheckpointer(bad, 50);
    const leaveGood = startWalCheckpointer(good, 50);

    // then the good one is, and leaving the bad one settles
    try {
      const size = statSync(good).size;
      write(db);
      expect(await grows(good, size)).toBe(true);
      await expect(leaveBad()).resolves.toBeUndefined();
      expect(existsSync(bad)).toBe(false);
    } finally {
      db.close();
      await leaveGood();
    }
  });
});
