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
 * Values kept per event name and version: a lookup is one Map read by name and an array index
 * by version, with no `name@version` string made per call (the registry is asked for every
 * event on every path: replay, consumers, validation).
 */
class ByVersion<Value> {
  private readonly byName = new Map<string, (Value | undefined)[]>();

  /** Undefined for a version that is not a whole number, whatever a stored event says. */
  get(name: string, version: number): Value | undefined {
    return Number.isInteger(version) ? this.byName.get(name)?.[version] : undefined;
  }

  has(name: string, version: number): boolean {
    return this.get(name, version) !== undefined;
  }

  set(name: string, version: number, value: Value): void {
    if (!Number.isSafeInteger(version) || version < 0)
      throw new Error(`event ${keyOf(name, version)}: a version is a whole number`);
    let versions = this.byName.get(name);
    if (!versions) this.byName.set(name, (versions = []));
    versions[version] = value;
  }
}

/**
 * Every published event at every version, with the upcaster chains and validators. Built once
 * per process; lookups are Map reads. A validator is compiled on its first use, not at
 * construction: compiling all of them cost every service about 200 ms of CPU at start, while a
 * service validates only the events it writes and reads (`compileAll` checks every schema
 * compiles: the catalogue's tests call it).
 */
export class EventRegistry {
  private readonly byVersion = new ByVersion<EventDefinition>();
  private readonly validators = new ByVersion<ValidateFunction>();
  private readonly currentByName = new Map<string, EventDefinition>();
  private readonly upcasters = new ByVersion<Upcaster>();
  private ajv: Ajv | undefined;
  private validateMetadataFn: ValidateFunction | undefined;

  constructor(
    readonly definitions: readonly EventDefinition[],
    upcasters: readonly Upcaster[],
  ) {
    for (const definition of definitions) {
      const { name, version } = definition;
      if (this.byVersion.has(name, version))
        throw new Error(`event ${keyOf(name, version)} is defined twice`);
      this.byVersion.set(name, version, definition);
      const current = this.currentByName.get(definition.name);
      if (!current || current.version < definition.version)
        this.currentByName.set(definition.name, definition);
    }
    for (const upcaster of upcasters) {
      const { name, fromVersion } = upcaster;
      if (!this.byVersion.has(name, fromVersion) || !this.byVersion.has(name, fromVersion + 1))
        throw new Error(
          `upcaster ${keyOf(name, fromVersion)} joins versions that are not both defined`,
        );
      this.upcasters.set(name, fromVersion, upcaster);
    }
    for (const { name, version } of definitions) {
      const current = this.currentByName.get(name);
      if (current && version < current.version && !this.upcasters.has(name, version))
        throw new Error(`event ${keyOf(name, version)} has no upcaster to version ${version + 1}`);
    }
  }

  /** The definition at a version, or undefined when that version was never published. */
  definition(name: string, version: number): EventDefinition | undefined {
    return this.byVersion.get(name, version);
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
    for (const { name, version } of this.definitions) this.validatorOf(name, version);
  }

  /** Checks data and metadata; an empty list means valid. */
  validate(name: string, data: unknown, metadata: unknown): Violation[] {
    const validateMetadata = this.metadataValidator();
    if (!validateMetadata(metadata)) return violationsOf('metadata', validateMetadata);
    const version = (metadata as { schemaVersion: number }).schemaVersion;
    const validate = this.validatorOf(name, version);
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
  private validatorOf(name: string, version: number): ValidateFunction | undefined {
    const known = this.validators.get(name, version);
    if (known) return known;
    const definition = this.byVersion.get(name, version);
    if (!definition) return undefined;
    const compiled = this.compile(definition.schema);
    this.validators.set(name, version, compiled);
    return compiled;
  }

  /** Brings stored data of any published version up to the current version. */
  upcast(name: string, version: number, data: unknown): UpcastResult {
    let result: UpcastResult = { version, data };
    for (;;) {
      const upcaster = this.upcasters.get(name, result.version);
      if (!upcaster) return result;
      result = { version: result.version + 1, data: upcaster.upcast(result.data) };
    }
  }
}
