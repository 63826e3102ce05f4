import { createHash } from 'node:crypto';
import type { EventDefinition } from '../event-definition';
import {
  fieldNameOf,
  mapPersonalField,
  personalFieldPaths,
  SEALED_IV_BYTES,
  SEALED_TAG_BYTES,
  sealedValueOf,
  type SealedOrigin,
} from '../personal-data';

const SHA256_BYTES = 32;

/** Fixed stand-in bytes, different per seed, so the document only changes when a contract does. */
const standInBytes = (seed: string, length: number): Buffer => {
  const blocks: Buffer[] = [];
  while (blocks.length * SHA256_BYTES < length)
    blocks.push(createHash('sha256').update(`${seed}#${blocks.length}`).digest());
  return Buffer.concat(blocks).subarray(0, length);
};

/**
 * A personal field as the bus carries it: the real shape (sealed with the subject's first data
 * key for its event type and field), stand-in bytes that no key opens.
 */
const standInSealedValue = (seed: string, origin: SealedOrigin, plaintext: string): string => {
  const length = SEALED_IV_BYTES + SEALED_TAG_BYTES + Buffer.byteLength(plaintext, 'utf8');
  const body = standInBytes(seed, length).toString('base64url');
  return sealedValueOf({ version: 2, keyVersion: 1, origin, body });
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
  const data = personalFieldPaths(definition.schema).reduce((current, path) => {
    const origin = { type: definition.name, field: fieldNameOf(path) };
    return mapPersonalField(current, path, (plaintext, field) => {
      sealedFields.push(field);
      const seed = `${definition.name}.v${definition.version}/${field}`;
      return standInSealedValue(seed, origin, plaintext);
    });
  }, definition.example as unknown);
  return { data, sealedFields };
};
