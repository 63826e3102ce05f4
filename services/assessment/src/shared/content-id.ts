import { createHash } from 'node:crypto';

/**
 * An id derived from content: the same measurement sent twice, in one file or in two
 * imports, gets the same id, so the store treats the second as a retry.
 */
export const contentId = (prefix: string, ...parts: readonly unknown[]): string =>
  `${prefix}-${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24)}`;
