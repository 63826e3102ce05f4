import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { EventMetadataSchema } from './metadata';
import type { EventDefinition, Upcaster } from './event-definition';
import { createAjv, violationsOf } from './validation';
import type { Violation } from './violation';

export interface UpcastResult {
  readonly version: number;
  readonly data: unknown;
}

const keyOf = (name: string, version: number) => `${name}@${version}`;

/**
 * Every published event at every version, with the upcaster chains and validators. Built once
 * per process; lookups are Map reads. A validator is compiled on its first use, not at
 * construction: compiling all of them cost every service about 200 ms of CPU at start, while a
 * service validates only the events it writes and reads (`compileAll` checks every schema
 * compiles: the catalogue's tests call it).
 */
export class EventRegistry {
  private readonly byKey = new Map<string, EventDefinition>();
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly currentByName = new Map<string, EventDefinition>();
  private readonly upcasters = new Map<string, Upcaster>();
  private ajv: Ajv | undefined;
  private validateMetadataFn: ValidateFunction | undefined;

  constructor(
    readonly definitions: readonly EventDefinition[],
    upcasters: readonly Upcaster[],
  ) {
    for (const definition of definitions) {
      const key = keyOf(definition.name, definition.version);
      if (this.byKey.has(key)) throw new Error(`event ${key} is defined twice`);
      this.byKey.set(key, definition);
      const current = this.currentByName.get(definition.name);
      if (!current || current.version < definition.version)
        this.currentByName.set(definition.name, definition);
    }
    for (const upcaster of upcasters) {
      const key = keyOf(upcaster.name, upcaster.fromVersion);
      if (!this.byKey.has(key) || !this.byKey.has(keyOf(upcaster.name, upcaster.fromVersion + 1)))
        throw new Error(`upcaster ${key} joins versions that are not both defined`);
      this.upcasters.set(key, upcaster);
    }
    for (const [key, definition] of this.byKey) {
      const current = this.currentByName.get(definition.name);
      if (current && definition.version < current.version && !this.upcasters.has(key))
        throw new Error(`event ${key} has no upcaster to version ${definition.version + 1}`);
    }
  }

  /** The definition at a version, or undefined when that version was never published. */
  definition(name: string, version: number): EventDefinition | undefined {
    return this.byKey.get(keyOf(name, version));
  }

  /** The newest version of an event, or undefined for an unknown name. */
  current(name: string): EventDefinition | undefined {
    return this.currentByName.get(name);
  }

  /** The definitions at their newest version. */
  currentDefinitions(): EventDefinition[] {
    return [...this.currentByName.values()];
  }

  /** Compiles every validator now (a schema that does not compile throws). */
  compileAll(): void {
    this.metadataValidator();
    for (const key of this.byKey.keys()) this.validatorOf(key);
  }

  /** Checks data and metadata; an empty list means valid. */
  validate(name: string, data: unknown, metadata: unknown): Violation[] {
    const validateMetadata = this.metadataValidator();
    if (!validateMetadata(metadata)) return violationsOf('metadata', validateMetadata);
    const version = (metadata as { schemaVersion: number }).schemaVersion;
    const validate = this.validatorOf(keyOf(name, version));
    if (!validate) {
      const known = this.currentByName.has(name);
      return [
        known
          ? { field: 'metadata.schemaVersion', message: `${name} has no version ${version}` }
          : { field: 'type', message: `${name} is not a published event` },
      ];
    }
    return validate(data) ? [] : violationsOf('data', validate);
  }

  /** One Ajv instance for every schema, made on the first compile. */
  private compile(schema: object): ValidateFunction {
    this.ajv ??= createAjv();
    return this.ajv.compile(schema);
  }

  private metadataValidator(): ValidateFunction {
    return (this.validateMetadataFn ??= this.compile(EventMetadataSchema));
  }

  /** The validator of a published name@version (compiled once), or undefined. */
  private validatorOf(key: string): ValidateFunction | undefined {
    const known = this.validators.get(key);
    if (known) return known;
    const definition = this.byKey.get(key);
    if (!definition) return undefined;
    const compiled = this.compile(definition.schema);
    this.validators.set(key, compiled);
    return compiled;
  }

  /** Brings stored data of any published version up to the current version. */
  upcast(name: string, version: number, data: unknown): UpcastResult {
    let result: UpcastResult = { version, data };
    for (;;) {
      const upcaster = this.upcasters.get(keyOf(name, result.version));
      if (!upcaster) return result;
      result = { version: result.version + 1, data: upcaster.upcast(result.data) };
    }
  }
}
