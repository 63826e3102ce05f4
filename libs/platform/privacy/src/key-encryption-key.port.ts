import type { DataSubject } from './subject-key-store.port';

/** A data key as a key store keeps it: wrapped, and the id of the key-encryption key that did. */
export interface WrappedKey {
  readonly kekId: string;
  readonly wrapped: Buffer;
}

/**
 * Wraps and unwraps data keys (envelope encryption), so a key store holds no key that opens
 * anything by itself: a copy of the key database, its backups or its MongoDB oplog are of no
 * use without the key-encryption key (KEK). The local implementation takes the KEK from a
 * secret (PRIVACY_KEK); a KMS can hold it instead behind this port, wrapping with its own key
 * id and the subject as encryption context.
 */
export interface KeyEncryptionKey {
  /** The id of the KEK that wraps new keys, and that rewrapping moves every key to. */
  readonly currentId: string;
  /** The data key wrapped with the current KEK, bound to its subject. */
  wrap(dataKey: Buffer, subject: DataSubject): Promise<WrappedKey>;
  /**
   * The data key, unwrapped with the KEK its id names (the current one or one still held to
   * unwrap). Rejects when that KEK is not held, or the wrapped key was altered or belongs to
   * another subject.
   */
  unwrap(key: WrappedKey, subject: DataSubject): Promise<Buffer>;
}

/** A wrapped key names a KEK this process does not hold: its configuration is incomplete. */
export class UnknownKeyEncryptionKeyError extends Error {
  readonly code = 'UNKNOWN_KEK';
  constructor(kekId: string) {
    super(
      `a data key is wrapped with KEK '${kekId}', which is neither PRIVACY_KEK_ID nor in PRIVACY_KEK_PREVIOUS`,
    );
    this.name = 'UnknownKeyEncryptionKeyError';
  }
}
