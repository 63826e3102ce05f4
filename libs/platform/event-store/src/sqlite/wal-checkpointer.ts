import { Worker } from 'node:worker_threads';

/**
 * Runs SQLite WAL checkpoints off the event loop: a worker thread with a connection of its own
 * runs `PRAGMA wal_checkpoint(PASSIVE)` every interval. A checkpoint copies the WAL's pages
 * into the database file and fsyncs it; left to SQLite's auto-checkpoint it runs inside
 * whichever commit crosses the threshold, stalling that process's event loop for as long as
 * it takes (tens to hundreds of milliseconds at a 40 MB threshold). PASSIVE never blocks
 * writers or readers; a checkpoint another connection is running makes this one skip a turn.
 * One worker per file per process, shared by every store opened on it.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: 0 });
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: next turn */ }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

interface Running {
  readonly worker: Worker;
  readonly exited: Promise<void>;
  users: number;
}

const running = new Map<string, Running>();

/**
 * Starts (or joins) the checkpointer of `path`; call the returned function to leave it. The
 * promise it returns settles once the last user's worker has closed its connection and exited,
 * so a caller that removes the database's folder afterwards races no worker re-creating files.
 */
export const startWalCheckpointer = (path: string, intervalMs = 500): (() => Promise<void>) => {
  let entry = running.get(path);
  if (!entry) {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path, intervalMs, driver: require.resolve('better-sqlite3') },
    });
    // A worker that cannot run leaves SQLite's own auto-checkpoint in charge: nothing breaks.
    worker.on('error', () => running.delete(path));
    worker.unref();
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    entry = { worker, users: 0, exited };
    running.set(path, entry);
  }
  entry.users++;
  const joined = entry;
  let left = false;
  return async () => {
    if (left) return;
    left = true;
    if (--joined.users > 0) return;
    if (running.get(path) === joined) running.delete(path);
    // Referenced again while it stops: an unreferenced worker would let a process whose only
    // work left is awaiting this exit end there, silently, before the caller goes on.
    joined.worker.ref();
    joined.worker.postMessage('stop');
    await joined.exited;
  };
};
