import { createHash } from 'node:crypto';
import type { EventDefinition } from '../event-definition';
import { personalFieldPaths, SEALED_PREFIX, type PersonalFieldPath } from '../personal-data';

/**
 * What follows the prefix of a sealed value, as `libs/platform/privacy` writes it: the base64url
 * of the AES-256-GCM IV, the authentication tag, then the ciphertext, as long as the UTF-8
 * plaintext. The contracts cannot import the cipher, so its two sizes are repeated here.
 */
export const SEALED_IV_BYTES = 12;
export const SEALED_TAG_BYTES = 16;

const SHA256_BYTES = 32;

/** Fixed stand-in bytes, different per seed, so the document only changes when a contract does. */
const standInBytes = (seed: string, length: number): Buffer => {
  const blocks: Buffer[] = [];
  while (blocks.length * SHA256_BYTES < length)
    blocks.push(createHash('sha256').update(`${seed}#${blocks.length}`).digest());
  return Buffer.concat(blocks).subarray(0, length);
};

/** A personal field as the bus carries it: the real shape, stand-in bytes that no key opens. */
const standInSealedValue = (seed: string, plaintext: string): string => {
  const length = SEALED_IV_BYTES + SEALED_TAG_BYTES + Buffer.byteLength(plaintext, 'utf8');
  return SEALED_PREFIX + standInBytes(seed, length).toString('base64url');
};

/** A copy of `value` with the string at `path` replaced (absent fields stay absent). */
const replaceAt = (
  value: unknown,
  path: PersonalFieldPath,
  location: readonly string[],
  replace: (plaintext: string, field: string) => string,
): unknown => {
  const [step, ...rest] = path;
  if (step === undefined)
    return typeof value === 'string' ? replace(value, location.join('.')) : value;
  if (step === '*')
    return Array.isArray(value)
      ? value.map((item, index) => replaceAt(item, rest, [...location, String(index)], replace))
      : value;
  if (typeof value !== 'object' || value === null || !(step in value)) return value;
  const record = value as Readonly<Record<string, unknown>>;
  return { ...record, [step]: replaceAt(record[step], rest, [...location, step], replace) };
};

export interface SealedExample {
  /** The definition's example with every personal field sealed, as it is published. */
  readonly data: unknown;
  /** Where a field was sealed, dotted (`answers.whatIsNext`, `items.0.note`), in schema order. */
  readonly sealedFields: readonly string[];
}

/** The example of an event as it travels on the bus: personal fields sealed for its subject. */
export const sealedExampleOf = (definition: EventDefinition): SealedExample => {
  const sealedFields: string[] = [];
  const seal = (plaintext: string, field: string): string => {
    sealedFields.push(field);
    return standInSealedValue(`${definition.name}.v${definition.version}/${field}`, plaintext);
  };
  const data = personalFieldPaths(definition.schema).reduce(
    (current, path) => replaceAt(current, path, [], seal),
    definition.example as unknown,
  );
  return { data, sealedFields };
};
