import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  ERASED,
  eventRegistry,
  mapPersonalField,
  personalFieldPaths,
  SEALED_IV_BYTES,
  SEALED_PREFIX,
  SEALED_TAG_BYTES,
  type EventDefinition,
  type EventMetadata,
  type EventRegistry,
  type PersonalFieldPath,
  type PersonErased,
} from '@talentloop/contracts';
import type { DataSubject, SubjectKey, SubjectKeyStore } from './subject-key-store.port';

/** What the cipher needs of an event: stored, recorded, received or about to be appended. */
export interface EventWithData {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = SEALED_IV_BYTES;
const TAG_BYTES = SEALED_TAG_BYTES;
/** How long a key is trusted from the cache before the store is asked again. */
const DEFAULT_KEY_CACHE_MS = 30_000;
/** Subjects whose key is kept at most: a bound on the cache, whatever the history holds. */
const KEY_CACHE_ENTRIES = 50_000;
/**
 * A cached key, and the data it opened: a goal's stream is read (and its check-ins opened) on
 * every command, and the event store hands out the same stored data objects from its stream
 * cache, so the opened copy is kept beside the stored one (weakly: it goes when the store
 * drops the stream). The opened data live and die with their key's cache entry, so an erasure
 * or an expiry drops them too.
 */
interface CachedKey {
  readonly key: Promise<SubjectKey | undefined>;
  readonly until: number;
  readonly opened: WeakMap<object, unknown>;
}

const isPersonErased = (event: EventWithData): event is EventWithData & PersonErased =>
  event.type === 'PersonErased';

const cacheKeyOf = (subject: DataSubject) => `${subject.tenantId}/${subject.subjectId}`;

/** Binds a sealed value to its subject, so it cannot be pasted into another person's event. */
const associatedDataOf = (subject: DataSubject) => Buffer.from(cacheKeyOf(subject), 'utf8');

const sealValue = (key: Buffer, subject: DataSubject, plaintext: string): string => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES }).setAAD(
    associatedDataOf(subject),
  );
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
};

/**
 * Opens a sealed value; throws when it was altered. The tag length is fixed: without it, GCM
 * accepts a tag cut down to 4 bytes, and a value too short to hold a whole tag would open with
 * a truncated one (a forgery needs 2^32 tries instead of 2^128).
 */
const openValue = (key: Buffer, subject: DataSubject, value: string): string => {
  const bytes = Buffer.from(value.slice(SEALED_PREFIX.length), 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES)
    throw new Error('a sealed value too short to hold its IV and a whole tag');
  const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, IV_BYTES), {
    authTagLength: TAG_BYTES,
  }).setAAD(associatedDataOf(subject));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([
    decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8');
};

/** A copy of `data` with `replace` applied to the string at every path (absent fields stay absent). */
const containsSealed = (value: unknown): boolean => {
  if (typeof value === 'string') return value.startsWith(SEALED_PREFIX);
  if (Array.isArray(value)) return value.some(containsSealed);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsSealed);
  return false;
};

const mapSealed = (value: unknown, replace: (sealed: string) => string): unknown => {
  if (typeof value === 'string') return value.startsWith(SEALED_PREFIX) ? replace(value) : value;
  if (Array.isArray(value)) return value.map((item) => mapSealed(item, replace));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([name, field]) => [name, mapSealed(field, replace)]),
    );
  return value;
};

/**
 * Seals and opens the personal fields of events (those the contracts mark `x-personal`) with the
 * key of the event's subject in its tenant, AES-256-GCM per field. A field whose key was
 * destroyed opens as "[erased]"; data about an erased subject is sealed as "[erased]".
 */
export class PersonalDataCipher {
  private readonly paths = new Map<EventDefinition, PersonalFieldPath[]>();
  private readonly cache = new Map<string, CachedKey>();
  private readonly keyCacheMs: number;
  private readonly registry: EventRegistry;

  constructor(
    readonly keys: SubjectKeyStore,
    options: { readonly registry?: EventRegistry; readonly keyCacheMs?: number } = {},
  ) {
    this.registry = options.registry ?? eventRegistry;
    this.keyCacheMs = options.keyCacheMs ?? DEFAULT_KEY_CACHE_MS;
  }

  /** The event with every personal field sealed (fields sealed already stay as they are). */
  async seal<Event extends EventWithData>(event: Event): Promise<Event> {
    const personal = this.personalPartOf(event);
    if (!personal) return event;
    const key = await this.cachedKey(personal.subject, () => this.keys.keyFor(personal.subject));
    return this.mapPersonalFields(event, personal.paths, (value) => {
      if (value.startsWith(SEALED_PREFIX) || value === ERASED) return value;
      return key?.kind === 'key' ? sealValue(key.key, personal.subject, value) : ERASED;
    });
  }

  /** The event with every sealed personal field opened, or "[erased]" where the key is gone. */
  async open<Event extends EventWithData>(event: Event): Promise<Event> {
    if (isPersonErased(event))
      this.forget({ tenantId: event.metadata.tenantId, subjectId: event.data.employeeId });
    const personal = this.personalPartOf(event);
    if (!personal) return event;
    const key = await this.cachedKey(personal.subject, () => this.keys.find(personal.subject));
    if (key?.kind !== 'key')
      return this.mapPersonalFields(event, personal.paths, (value) =>
        value.startsWith(SEALED_PREFIX) ? ERASED : value,
      );
    const opened = this.cache.get(cacheKeyOf(personal.subject))?.opened;
    const stored = typeof event.data === 'object' && event.data !== null ? event.data : undefined;
    const known = stored && opened?.get(stored);
    if (known !== undefined) return { ...event, data: known };
    const result = this.mapPersonalFields(event, personal.paths, (value) =>
      value.startsWith(SEALED_PREFIX) ? openValue(key.key, personal.subject, value) : value,
    );
    if (stored) opened?.set(stored, result.data);
    return result;
  }

  /**
   * A copy of any value (a read-model document, say) with every sealed string in it opened
   * with the subject's key, or "[erased]" where that key is gone. Read models keep personal
   * fields sealed, as the store does, and open them only to answer.
   */
  async openFields<Value>(subject: DataSubject, value: Value): Promise<Value> {
    if (!containsSealed(value)) return value;
    const key = await this.cachedKey(subject, () => this.keys.find(subject));
    const replace = (sealed: string) =>
      key?.kind === 'key' ? openValue(key.key, subject, sealed) : ERASED;
    return mapSealed(value, replace) as Value;
  }

  /** Drops a person's cached key when the event says they were erased (it opens nothing). */
  notice(event: EventWithData): void {
    if (isPersonErased(event))
      this.forget({ tenantId: event.metadata.tenantId, subjectId: event.data.employeeId });
  }

  /** Whether the event has personal fields (sealing changes it). */
  isPersonal(event: EventWithData): boolean {
    return this.personalPartOf(event) !== undefined;
  }

  /** Destroys the subject's key: everything sealed for them reads as "[erased]" from now on. */
  async erase(subject: DataSubject): Promise<void> {
    await this.keys.destroy(subject);
    this.forget(subject);
  }

  /**
   * Keys of the people read lately, not of everyone ever read: past KEY_CACHE_ENTRIES, expired
   * entries go, then the least recently loaded ones (each entry is a key and a weak map).
   */
  private keepCacheBounded(): void {
    if (this.cache.size <= KEY_CACHE_ENTRIES) return;
    const now = Date.now();
    for (const [id, entry] of this.cache) if (entry.until <= now) this.cache.delete(id);
    for (const id of this.cache.keys()) {
      if (this.cache.size <= KEY_CACHE_ENTRIES) break;
      this.cache.delete(id);
    }
  }

  /** Drops the subject's key from this process's cache. */
  private forget(subject: DataSubject): void {
    this.cache.delete(cacheKeyOf(subject));
  }

  private personalPartOf(
    event: EventWithData,
  ): { readonly subject: DataSubject; readonly paths: PersonalFieldPath[] } | undefined {
    const definition = this.registry.definition(event.type, event.metadata.schemaVersion);
    if (!definition) return undefined;
    let paths = this.paths.get(definition);
    if (!paths) {
      paths = personalFieldPaths(definition.schema);
      this.paths.set(definition, paths);
    }
    if (paths.length === 0) return undefined;
    return {
      subject: {
        tenantId: event.metadata.tenantId,
        subjectId: definition.subjectOf(event.data as never),
      },
      paths,
    };
  }

  private mapPersonalFields<Event extends EventWithData>(
    event: Event,
    paths: readonly PersonalFieldPath[],
    replace: (value: string) => string,
  ): Event {
    const data = paths.reduce(
      (current, path) => mapPersonalField(current, path, replace),
      event.data,
    );
    return { ...event, data };
  }

  private async cachedKey(
    subject: DataSubject,
    load: () => Promise<SubjectKey | undefined>,
  ): Promise<SubjectKey | undefined> {
    const id = cacheKeyOf(subject);
    const cached = this.cache.get(id);
    if (cached && cached.until > Date.now()) return cached.key;
    // One load per subject at a time: a page of one person's events asks the store once.
    const key = load();
    this.cache.delete(id);
    this.cache.set(id, { key, until: Date.now() + this.keyCacheMs, opened: new WeakMap() });
    this.keepCacheBounded();
    const loaded = await key.catch((error: unknown) => {
      this.cache.delete(id);
      throw error;
    });
    if (loaded === undefined) this.cache.delete(id);
    else if (loaded.kind === 'erased')
      this.cache.set(id, { key, until: Infinity, opened: new WeakMap() });
    return loaded;
  }
}
