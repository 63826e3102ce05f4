import { createHash } from 'node:crypto';
import type { EventDefinition } from '../event-definition';
import {
  mapPersonalField,
  personalFieldPaths,
  SEALED_IV_BYTES,
  SEALED_PREFIX,
  SEALED_TAG_BYTES,
} from '../personal-data';

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
    (current, path) => mapPersonalField(current, path, seal),
    definition.example as unknown,
  );
  return { data, sealedFields };
};
