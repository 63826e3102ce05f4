import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import {
  SEALED_IV_BYTES,
  SEALED_TAG_BYTES,
  sealedValueOf,
  type SealedEnvelope,
  type SealedOrigin,
} from '@talentloop/contracts';
import type { DataSubject } from './subject-key-store.port';

const ALGORITHM = 'aes-256-gcm';
/** The tag length every value is opened with (see openValue). */
const TAG_LENGTH = { authTagLength: SEALED_TAG_BYTES } as const;

/**
 * The number of the data key a subject's values are sealed with: each subject has one key,
 * the first, until data keys rotate; the number is in every v2 value (and its associated
 * data) so that a later key can be told from it.
 */
export const DATA_KEY_VERSION = 1;

/**
 * The key as OpenSSL holds it, made once per key: a cipher given the raw bytes imports them on
 * every call, which costs three quarters of opening a short value. Kept as long as the bytes
 * are (the cipher's key cache holds them), so an erased or expired key takes its copy along.
 */
const secrets = new WeakMap<Buffer, KeyObject>();
const secretOf = (key: Buffer): KeyObject => {
  let secret = secrets.get(key);
  if (secret === undefined) {
    secret = createSecretKey(key);
    secrets.set(key, secret);
  }
  return secret;
};

/**
 * A sealed value opened where it does not belong: its recorded event type or field is not
 * the one it was found in (pasted into another field or event of the same person), or it
 * names a data key that did not seal it.
 */
export class SealedValueRefusedError extends Error {
  readonly code = 'SEALED_VALUE_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'SealedValueRefusedError';
  }
}

/**
 * What a value is bound to besides its key. v1: tenant and subject joined by a slash, as it
 * was written. v2: also the data key's number, the event type and the field, as a JSON array,
 * so no id (which may hold any character) can make two bindings read alike.
 */
export const associatedDataOf = (subject: DataSubject, envelope: SealedEnvelope): Buffer =>
  Buffer.from(
    envelope.version === 1
      ? `${subject.tenantId}/${subject.subjectId}`
      : JSON.stringify([
          'enc:v2',
          subject.tenantId,
          subject.subjectId,
          envelope.keyVersion,
          envelope.origin.type,
          envelope.origin.field,
        ]),
    'utf8',
  );

/** Seals the plaintext of a personal field for its subject, event type and field (v2). */
export const sealValue = (
  key: Buffer,
  subject: DataSubject,
  origin: SealedOrigin,
  plaintext: string,
): string => {
  const iv = randomBytes(SEALED_IV_BYTES);
  const header = { version: 2, keyVersion: DATA_KEY_VERSION, origin } as const;
  const cipher = createCipheriv(ALGORITHM, secretOf(key), iv, {
    authTagLength: SEALED_TAG_BYTES,
  }).setAAD(associatedDataOf(subject, { ...header, body: '' }));
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const body = Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
  return sealedValueOf({ ...header, body });
};

/**
 * Why a sealed value may not be opened where it was found, or undefined when it may. `expected`
 * is the event type and field it was found in: a v2 value must name exactly those; a v1 value
 * names nothing, and is taken (it was sealed before fields were bound, and events are never
 * rewritten).
 */
export const refusalOf = (envelope: SealedEnvelope, expected: SealedOrigin): string | undefined => {
  if (envelope.version === 1) return undefined;
  const { type, field } = envelope.origin;
  if (type !== expected.type || field !== expected.field)
    return `a value sealed for ${type}.${field} was found in ${expected.type}.${expected.field}`;
  if (envelope.keyVersion !== DATA_KEY_VERSION)
    return `a value names data key ${envelope.keyVersion.toString()}, which did not seal it`;
  return undefined;
};

/**
 * Opens a sealed value found in `expected`'s field; throws when it was altered (the tag) or
 * belongs elsewhere (SealedValueRefusedError). The tag length is fixed: without it, GCM
 * accepts a tag cut down to 4 bytes, and a value too short to hold a whole tag would open with
 * a truncated one (a forgery needs 2^32 tries instead of 2^128).
 */
export const openValue = (
  key: Buffer,
  subject: DataSubject,
  envelope: SealedEnvelope,
  expected: SealedOrigin,
): string => {
  const refusal = refusalOf(envelope, expected);
  if (refusal) throw new SealedValueRefusedError(refusal);
  const bytes = Buffer.from(envelope.body, 'base64url');
  if (bytes.length < SEALED_IV_BYTES + SEALED_TAG_BYTES)
    throw new Error('a sealed value too short to hold its IV and a whole tag');
  const decipher = createDecipheriv(
    ALGORITHM,
    secretOf(key),
    bytes.subarray(0, SEALED_IV_BYTES),
    TAG_LENGTH,
  ).setAAD(associatedDataOf(subject, envelope));
  decipher.setAuthTag(bytes.subarray(SEALED_IV_BYTES, SEALED_IV_BYTES + SEALED_TAG_BYTES));
  const plaintext = decipher.update(bytes.subarray(SEALED_IV_BYTES + SEALED_TAG_BYTES));
  // GCM is a stream mode: final checks the tag and has nothing more to add.
  const rest = decipher.final();
  return (rest.length === 0 ? plaintext : Buffer.concat([plaintext, rest])).toString('utf8');
};
