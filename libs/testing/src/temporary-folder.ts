import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh folder for each test of the enclosing describe, removed after it: call inside a
 * describe, read the path in the test. Only `join(folder(), name)` is left to the test.
 */
export const useTemporaryFolder = (prefix: string): (() => string) => {
  let folder: string | undefined;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), `talentloop-${prefix}-`));
  });
  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
  });
  return () => {
    if (!folder) throw new Error('useTemporaryFolder: read the folder inside a test');
    return folder;
  };
};
