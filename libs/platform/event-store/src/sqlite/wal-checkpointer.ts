import { Worker } from 'node:worker_threads';

/**
 * Runs SQLite WAL checkpoints off the event loop: a worker thread with a connection of its own
 * per file runs `PRAGMA wal_checkpoint(PASSIVE)` on each every interval. A checkpoint copies
 * the WAL's pages into the database file and fsyncs it; left to SQLite's auto-checkpoint it
 * runs inside whichever commit crosses the threshold, stalling that process's event loop for
 * as long as it takes (tens to hundreds of milliseconds at a 40 MB threshold). PASSIVE never
 * blocks writers or readers; a checkpoint another connection is running makes this one skip a
 * turn.
 *
 * One worker per process, whatever the number of files: a worker thread is a V8 isolate of
 * its own, about 22 MiB of resident memory at rest, and a service opens three files (event
 * store, bus log, read models). A file the worker cannot open is left to SQLite's own
 * auto-checkpoint; the others go on.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const files = new Map();
parentPort.on('message', (message) => {
  if (message.add !== undefined) {
    try {
      const db = new Database(message.add, { timeout: 0 });
      const timer = setInterval(() => {
        try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: next turn */ }
      }, message.intervalMs);
      files.set(message.add, { db, timer });
    } catch { /* left to SQLite's auto-checkpoint */ }
  } else if (message.remove !== undefined) {
    const file = files.get(message.remove);
    if (file) {
      clearInterval(file.timer);
      file.db.close();
      files.delete(message.remove);
    }
    parentPort.postMessage({ removed: message.id });
  } else if (message.stop) {
    parentPort.close();
  }
});
`;

interface Shared {
  readonly worker: Worker;
  readonly exited: Promise<void>;
  /** Users per file the worker checkpoints. */
  readonly users: Map<string, number>;
  /** Removals the worker has yet to confirm, by id. */
  readonly removals: Map<number, () => void>;
  nextId: number;
}

let shared: Shared | undefined;

const startWorker = (): Shared => {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver: require.resolve('better-sqlite3') },
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const started: Shared = { worker, exited, users: new Map(), removals: new Map(), nextId: 0 };
  worker.on('message', (message: { removed?: number }) => {
    if (message.removed === undefined) return;
    started.removals.get(message.removed)?.();
    started.removals.delete(message.removed);
  });
  const gone = () => {
    // A worker that cannot run leaves SQLite's own auto-checkpoint in charge: nothing breaks.
    if (shared === started) shared = undefined;
    for (const done of started.removals.values()) done();
    started.removals.clear();
  };
  worker.on('error', gone);
  void exited.then(gone);
  worker.unref();
  return started;
};

/**
 * Starts checkpointing `path` (or joins its checkpoints); call the returned function to leave.
 * The promise it returns settles once the last user of the file is gone and the worker has
 * closed its connection to it (and, when no file is left, has exited), so a caller that
 * removes the database's folder afterwards races no worker re-creating files.
 */
export const startWalCheckpointer = (path: string, intervalMs = 500): (() => Promise<void>) => {
  shared ??= startWorker();
  const joined = shared;
  const users = joined.users.get(path) ?? 0;
  joined.users.set(path, users + 1);
  if (users === 0) joined.worker.postMessage({ add: path, intervalMs });
  let left = false;
  return async () => {
    if (left) return;
    left = true;
    const remaining = (joined.users.get(path) ?? 1) - 1;
    if (remaining > 0) {
      joined.users.set(path, remaining);
      return;
    }
    joined.users.delete(path);
    if (shared !== joined) return; // the worker is gone already
    // Referenced while it answers: an unreferenced worker would let a process whose only work
    // left is awaiting this end there, silently, before the caller goes on.
    joined.worker.ref();
    const id = joined.nextId++;
    const removed = new Promise<void>((resolve) => joined.removals.set(id, resolve));
    joined.worker.postMessage({ remove: path, id });
    await removed;
    if (joined.users.size > 0) {
      if (joined.removals.size === 0) joined.worker.unref();
      return;
    }
    if (shared === joined) shared = undefined;
    joined.worker.postMessage({ stop: true });
    await joined.exited;
  };
};
