/** Whose personal data a key protects: one data subject (mostly an employee) of one tenant. */
export interface DataSubject {
  readonly tenantId: string;
  readonly subjectId: string;
}

/**
 * What a subject's key is: a 256-bit AES key, or `erased` once destroyed. Erasure is final:
 * an erased subject never gets a key again, so data about them written later is not readable
 * either.
 */
export type SubjectKey =
  | { readonly kind: 'key'; readonly key: Buffer }
  | { readonly kind: 'erased' };

/**
 * Holds one data key per data subject, wrapped with a key-encryption key (KeyEncryptionKey).
 * Every adapter passes the same contract suite
 * (libs/testing/src/privacy/subject-key-store.contract.ts).
 */
export interface SubjectKeyStore {
  /** The subject's key, created on first use (concurrent callers get the same key). */
  keyFor(subject: DataSubject): Promise<SubjectKey>;
  /** The subject's key when one was created; undefined when there never was one. */
  find(subject: DataSubject): Promise<SubjectKey | undefined>;
  /**
   * Destroys the key for good (idempotent); the subject stays erased. Rejects with
   * ErasurePendingError when the key is unusable but its bytes could not be removed from
   * storage yet: calling it again finishes the erasure.
   */
  destroy(subject: DataSubject): Promise<void>;
  /**
   * Wraps every stored key with the current key-encryption key: keys stored before keys were
   * wrapped, and keys wrapped with a KEK being retired (rotation). Answers how many it wrapped;
   * a destroyed key stays destroyed, even one destroyed while it runs.
   */
  rewrap(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The key no longer opens anything, but its bytes are still in storage (a SQLite write-ahead
 * log that readers kept from being truncated): the erasure is not finished. Destroying the key
 * again finishes it; until then the caller must not report the person as erased.
 */
export class ErasurePendingError extends Error {
  readonly code = 'ERASURE_PENDING';
  constructor(message: string) {
    super(message);
    this.name = 'ErasurePendingError';
  }
}
