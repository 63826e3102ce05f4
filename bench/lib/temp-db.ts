import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh, not yet existing SQLite file path under the OS temp folder. */
export const tempDbPath = (label: string): string =>
  join(tmpdir(), `talentloop-bench-${label}-${process.pid}-${randomUUID().slice(0, 8)}.db`);

/** Deletes a SQLite file with its WAL, shared-memory and rollback journal files. */
export const removeDbFiles = (path: string): void => {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    rmSync(`${path}${suffix}`, { force: true });
};

/** Runs `task` with a fresh temp file path and deletes the file afterwards, even on failure. */
export const withTempDb = async <T>(
  label: string,
  task: (path: string) => Promise<T>,
): Promise<T> => {
  const path = tempDbPath(label);
  try {
    return await task(path);
  } finally {
    removeDbFiles(path);
  }
};
