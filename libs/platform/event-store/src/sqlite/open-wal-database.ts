import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Opens a SQLite file in WAL mode (creating its folder), as every embedded store does. The
 * four services open the same fresh files at the same moment when they start, and switching a
 * file to WAL takes a lock that SQLite may refuse at once while another connection holds it
 * (SQLITE_BUSY, without waiting for the busy timeout). The switch is tried again until the
 * busy timeout has passed.
 */
export const openWalDatabase = (path: string, busyTimeoutMs = 5_000): Database.Database => {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: busyTimeoutMs });
  const deadline = Date.now() + busyTimeoutMs;
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    try {
      db.pragma('journal_mode = WAL');
      return db;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() + wait > deadline) {
        db.close();
        throw error;
      }
      // A constructor cannot await: a short blocking wait, only ever at start-up.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
    }
  }
};
