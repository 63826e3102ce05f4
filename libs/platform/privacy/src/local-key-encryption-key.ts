import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  UnknownKeyEncryptionKeyError,
  type KeyEncryptionKey,
  type WrappedKey,
} from './key-encryption-key.port';
import type { DataSubject } from './subject-key-store.port';

/** A key-encryption key given as a secret: 32 bytes and the id recorded beside what it wraps. */
export interface KekSecret {
  readonly id: string;
  readonly key: Buffer;
}

export const KEK_BYTES = 32;
/** What a KEK id may be: short, and safe in a column, a document and a variable. */
export const KEK_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
/** The id of the KEK the embedded default generates for itself (DEVELOPMENT_KEK_FILE). */
export const DEVELOPMENT_KEK_ID = 'development';
/** The file of that KEK, beside the SQLite file holding the keys (the data folder). */
export const DEVELOPMENT_KEK_FILE = 'privacy-kek';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Binds a wrapped key to its subject and to the KEK id beside it: a wrapped key copied to
 * another subject's row, or relabelled with another KEK's id, does not unwrap.
 */
const associatedDataOf = (kekId: string, subject: DataSubject) =>
  Buffer.from(JSON.stringify(['talentloop-kek', kekId, subject.tenantId, subject.subjectId]));

/** Wraps with AES-256-GCM: a random IV, the tag, then the wrapped key (60 bytes in all). */
export const wrapKey = (kek: KekSecret, dataKey: Buffer, subject: DataSubject): WrappedKey => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, kek.key, iv, { authTagLength: TAG_BYTES }).setAAD(
    associatedDataOf(kek.id, subject),
  );
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { kekId: kek.id, wrapped: Buffer.concat([iv, cipher.getAuthTag(), wrapped]) };
};

/** Unwraps what wrapKey wrapped; throws when it was altered or is another subject's. */
export const unwrapKey = (kek: KekSecret, key: WrappedKey, subject: DataSubject): Buffer => {
  if (key.wrapped.length < IV_BYTES + TAG_BYTES) throw new Error('a wrapped key too short');
  const decipher = createDecipheriv(ALGORITHM, kek.key, key.wrapped.subarray(0, IV_BYTES), {
    authTagLength: TAG_BYTES,
  }).setAAD(associatedDataOf(kek.id, subject));
  decipher.setAuthTag(key.wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([
    decipher.update(key.wrapped.subarray(IV_BYTES + TAG_BYTES)),
    decipher.final(),
  ]);
};

/**
 * KEKs held in this process, from secrets: the current one wraps, every one unwraps what it
 * wrapped. The previous ones are there for a rotation: until every key is rewrapped with the
 * new KEK (`npm run privacy:rewrap`), keys wrapped with an old one must still open.
 */
export class LocalKeyEncryptionKey implements KeyEncryptionKey {
  private readonly keks: ReadonlyMap<string, KekSecret>;

  constructor(
    private readonly current: KekSecret,
    previous: readonly KekSecret[] = [],
  ) {
    const all = [current, ...previous];
    for (const kek of all)
      if (kek.key.length !== KEK_BYTES || !KEK_ID_PATTERN.test(kek.id))
        throw new Error(`KEK '${kek.id}' must be ${KEK_BYTES.toString()} bytes with a short id`);
    this.keks = new Map(all.map((kek) => [kek.id, kek]));
    if (this.keks.size !== all.length) throw new Error('two KEKs have the same id');
  }

  get currentId(): string {
    return this.current.id;
  }

  wrap(dataKey: Buffer, subject: DataSubject): Promise<WrappedKey> {
    return Promise.resolve(wrapKey(this.current, dataKey, subject));
  }

  unwrap(key: WrappedKey, subject: DataSubject): Promise<Buffer> {
    return new Promise((resolve) => {
      const kek = this.keks.get(key.kekId);
      if (!kek) throw new UnknownKeyEncryptionKeyError(key.kekId);
      resolve(unwrapKey(kek, key, subject));
    });
  }
}

/**
 * The KEK the embedded default generates for itself when given none: 32 random bytes in
 * `privacy-kek` beside the key store's file, created once, readable by its owner only. It
 * keeps a copy of the database file (a backup, a file sent along) from opening anything; it
 * does not protect against whoever can read the whole data folder. Production is given one.
 */
export const developmentKek = (keyStorePath: string): KekSecret => {
  const file = join(dirname(keyStorePath), DEVELOPMENT_KEK_FILE);
  const read = (): KekSecret => {
    chmodSync(file, 0o600);
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== KEK_BYTES)
      throw new Error(`${file} must hold the base64 of ${KEK_BYTES.toString()} bytes`);
    return { id: DEVELOPMENT_KEK_ID, key };
  };
  try {
    return read();
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
  }
  // Written whole under another name, then linked into place: the services of one start race
  // to create it, and none may read it half written. The first link wins; the others read it.
  mkdirSync(dirname(file), { recursive: true });
  const draft = `${file}.${process.pid.toString()}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${randomBytes(KEK_BYTES).toString('base64')}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  return read();
};
