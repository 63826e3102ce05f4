import {
  ERASED,
  eventRegistry,
  fieldNameOf,
  mapPersonalField,
  personalFieldAt,
  personalFieldPaths,
  SEALED_PREFIX,
  sealedEnvelopeOf,
  type EventDefinition,
  type EventMetadata,
  type EventRegistry,
  type PersonalFieldPath,
  type PersonErased,
  type SealedEnvelope,
  type SealedOrigin,
} from '@talentloop/contracts';
import { openValue, sealValue } from './sealed-value';
import type { DataSubject, SubjectKey, SubjectKeyStore } from './subject-key-store.port';

/** What the cipher needs of an event: stored, recorded, received or about to be appended. */
export interface EventWithData {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/**
 * What openAllJson needs of an event read as JSON text (a RecordedEventJson): its data and
 * metadata as the store holds them, `JSON.stringify` of what readAll would return.
 */
export interface EventWithDataJson {
  readonly type: string;
  readonly schemaVersion: number;
  readonly dataJson: string;
  readonly metadataJson: string;
}

/** An event's subject and the paths of its personal fields. */
interface PersonalPart {
  readonly subject: DataSubject;
  readonly paths: PersonalFieldPath[];
}

/**
 * Where the personal fields of a document (a read model's) were copied from: for a location in
 * it (property names and array indices), the event type and field whose value is kept there,
 * or undefined where the document keeps no personal data.
 */
export type OriginAt = (location: readonly string[]) => SealedOrigin | undefined;

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

/**
 * A key in memory of its own. A small Buffer is often a slice of a larger one (Node's buffer
 * pool, 64 KiB on Node 24, or a driver's whole reply), and a key kept in the cache keeps all of
 * it alive: under load, planning's 5,264 cached keys held 58.6 MiB of pool chunks.
 */
export const ownedKey = (key: SubjectKey | undefined): SubjectKey | undefined => {
  if (key?.kind !== 'key' || key.key.byteLength === key.key.buffer.byteLength) return key;
  const own = Buffer.allocUnsafeSlow(key.key.byteLength);
  key.key.copy(own);
  return { kind: 'key', key: own };
};

const isPersonErased = (event: EventWithData): event is EventWithData & PersonErased =>
  event.type === 'PersonErased';

const cacheKeyOf = (subject: DataSubject) => `${subject.tenantId}/${subject.subjectId}`;

/** Whether any string in the value looks sealed (the common case, none, is answered as is). */
const containsSealed = (value: unknown): boolean => {
  if (typeof value === 'string') return value.startsWith(SEALED_PREFIX);
  if (Array.isArray(value)) return value.some(containsSealed);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsSealed);
  return false;
};

/** A copy of the value with `replace` applied to every sealed string, told where it is. */
const mapSealed = (
  value: unknown,
  replace: (envelope: SealedEnvelope, sealed: string, location: readonly string[]) => string,
  location: readonly string[] = [],
): unknown => {
  if (typeof value === 'string') {
    const envelope = sealedEnvelopeOf(value);
    return envelope ? replace(envelope, value, location) : value;
  }
  if (Array.isArray(value))
    return value.map((item, index) => mapSealed(item, replace, [...location, String(index)]));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([name, field]) => [
        name,
        mapSealed(field, replace, [...location, name]),
      ]),
    );
  return value;
};

/** The dotted names of a definition's paths, worked out once; null when two share a name. */
const fieldNamesByPaths = new WeakMap<readonly PersonalFieldPath[], string[] | null>();
const fieldNamesOf = (paths: readonly PersonalFieldPath[]): string[] | null => {
  let names = fieldNamesByPaths.get(paths);
  if (names === undefined) {
    const all = paths.map(fieldNameOf);
    names = new Set(all).size === all.length ? all : null;
    fieldNamesByPaths.set(paths, names);
  }
  return names;
};

/** Adds the string at `path` from `depth` on in `value` to `found`, as personalStringsOf. */
const collectStrings = (
  value: unknown,
  path: PersonalFieldPath,
  depth: number,
  field: string,
  found: string[],
): boolean => {
  if (depth === path.length) {
    if (typeof value === 'string') found.push(value, field);
    return true;
  }
  const step = path[depth];
  if (step === '*') {
    if (Array.isArray(value))
      for (const item of value as unknown[])
        if (!collectStrings(item, path, depth + 1, field, found)) return false;
    return true;
  }
  if (typeof value !== 'object' || value === null || !(step in value)) return true;
  if (Array.isArray(value) || !Object.hasOwn(value, step)) return false;
  return collectStrings((value as Record<string, unknown>)[step], path, depth + 1, field, found);
};

/**
 * The strings at the personal fields of the data, each followed by its field's name, in the
 * order mapPersonalFields replaces them; undefined when that walk would change more than
 * those strings, or one of them twice (two paths of one name, a named step into an array or
 * to an inherited property): the caller then takes the walk itself.
 */
const personalStringsOf = (
  paths: readonly PersonalFieldPath[],
  data: unknown,
): string[] | undefined => {
  const names = fieldNamesOf(paths);
  if (names === null) return undefined;
  const found: string[] = [];
  for (let index = 0; index < paths.length; index += 1)
    if (!collectStrings(data, paths[index], 0, names[index], found)) return undefined;
  return found;
};

const pathsByDefinition = new WeakMap<EventDefinition, PersonalFieldPath[]>();

/** The personal fields of an event definition, worked out once per definition. */
const personalPathsOf = (definition: EventDefinition): PersonalFieldPath[] => {
  let paths = pathsByDefinition.get(definition);
  if (!paths) {
    paths = personalFieldPaths(definition.schema);
    pathsByDefinition.set(definition, paths);
  }
  return paths;
};

/**
 * The origin of a location inside the data of an event of `type` (its current version, the
 * shape read models get): the personal field there, or undefined. For documents that keep
 * whole events' data (an approval thread's entries, an employee's record).
 */
export const originInEventData = (
  type: string,
  location: readonly string[],
  registry: EventRegistry = eventRegistry,
): SealedOrigin | undefined => {
  const definition = registry.current(type);
  const field = definition && personalFieldAt(personalPathsOf(definition), location);
  return field === undefined ? undefined : { type, field };
};

/**
 * Seals and opens the personal fields of events (those the contracts mark `x-personal`) with the
 * key of the event's subject in its tenant, AES-256-GCM per field, each value bound to its
 * subject, event type and field (see sealed-value.ts). A field whose key was
 * destroyed opens as "[erased]"; data about an erased subject is sealed as "[erased]".
 */
export class PersonalDataCipher {
  private readonly cache = new Map<string, CachedKey>();
  /** What each cached key's promise settled to, for openAll's lookups without awaiting. */
  private readonly settled = new WeakMap<Promise<SubjectKey | undefined>, SubjectKey>();
  private readonly keyCacheMs: number;
  private readonly registry: EventRegistry;

  constructor(
    readonly keys: SubjectKeyStore,
    options: { readonly registry?: EventRegistry; readonly keyCacheMs?: number } = {},
  ) {
    this.registry = options.registry ?? eventRegistry;
    this.keyCacheMs = options.keyCacheMs ?? DEFAULT_KEY_CACHE_MS;
  }

  /**
   * The event with every personal field sealed for its subject, event type and field. What
   * the event holds is plaintext, even a string that looks sealed (someone typed it, or pasted
   * a sealed value seen elsewhere): it is sealed like any other, so it opens as the text it was.
   */
  async seal<Event extends EventWithData>(event: Event): Promise<Event> {
    const personal = this.personalPartOf(event);
    if (!personal) return event;
    const key = await this.cachedKey(personal.subject, () => this.keys.keyFor(personal.subject));
    return this.mapPersonalFields(event, personal.paths, (value, field) => {
      if (value === ERASED) return value;
      if (key?.kind !== 'key') return ERASED;
      return sealValue(key.key, personal.subject, { type: event.type, field }, value);
    });
  }

  /** The event with every sealed personal field opened, or "[erased]" where the key is gone. */
  async open<Event extends EventWithData>(event: Event): Promise<Event> {
    if (isPersonErased(event))
      this.forget({ tenantId: event.metadata.tenantId, subjectId: event.data.employeeId });
    const personal = this.personalPartOf(event);
    if (!personal) return event;
    const key = await this.cachedKey(personal.subject, () => this.keys.find(personal.subject));
    return this.openWith(event, personal, key, true);
  }

  /**
   * The events opened as `open` opens them, in order (an erasure among them counts for the
   * ones after it). A subject's key is looked up in the cache without a promise per event, and
   * only a subject not cached waits for the store: a page of a replay opens at the speed of
   * the ciphers. `remember: false` for events read once (a read-all): their data are fresh
   * objects, and keeping the opened copy beside them would only burden the collector.
   */
  async openAll<Event extends EventWithData>(
    events: readonly Event[],
    options: { readonly remember?: boolean } = {},
  ): Promise<Event[]> {
    const remember = options.remember ?? true;
    return this.openEach(
      events,
      (event, personal, key) => this.openWith(event, personal, key, remember),
      (index) => events[index],
    );
  }

  /**
   * The data of events read as JSON text (readAllJson's), opened as openAll opens the events
   * parsed, as JSON.stringify writes the opened data; undefined for an event openAll returns
   * as it is (no personal fields). Only the events with personal fields, and the erasures, are
   * parsed; the text of their data is the stored text with each sealed value replaced by its
   * plaintext (or "[erased]"), which is what JSON.stringify writes for the opened data: the
   * stored text is what it wrote for the data at append, and a sealed value holds no character
   * it escapes. Where that replacement is not plainly the same (a sealed value's text found
   * elsewhere in the data too), the opened data are written out again.
   */
  async openAllJson(events: readonly EventWithDataJson[]): Promise<(string | undefined)[]> {
    const parsed = new Array<EventWithData | undefined>(events.length);
    for (let index = 0; index < events.length; index += 1) {
      const { type, schemaVersion, dataJson, metadataJson } = events[index];
      if (type === 'PersonErased' || this.hasPersonalFields(type, schemaVersion))
        parsed[index] = {
          type,
          data: JSON.parse(dataJson) as unknown,
          metadata: JSON.parse(metadataJson) as EventMetadata,
        };
    }
    return this.openEach(
      parsed,
      (event, personal, key, index) =>
        this.openJsonWith(events[index].dataJson, event, personal, key),
      () => undefined,
    );
  }

  /**
   * `open` for each event in order, an erasure among them counting for the ones after it:
   * `opened` for an event with personal fields, told its subject's key, `asIs` for any other
   * (an undefined one has none), told where it is. The keys not cached are asked for together
   * (a key store across the network answers them concurrently), before anything is opened;
   * a cached key is looked up without a promise per event, so a page of a replay opens at the
   * speed of the ciphers.
   */
  private async openEach<Event extends EventWithData, Result>(
    events: readonly (Event | undefined)[],
    opened: (
      event: Event,
      personal: PersonalPart,
      key: SubjectKey | undefined,
      index: number,
    ) => Result,
    asIs: (index: number) => Result,
  ): Promise<Result[]> {
    let now = Date.now();
    const parts = events.map((event) => event && this.personalPartOf(event));
    const ids = parts.map((personal) => personal && cacheKeyOf(personal.subject));
    const loads = new Map<string, Promise<SubjectKey | undefined>>();
    parts.forEach((personal, index) => {
      const id = ids[index];
      if (!personal || id === undefined || loads.has(id)) return;
      const cached = this.cache.get(id);
      if (cached && cached.until > now && this.settled.has(cached.key)) return;
      loads.set(
        id,
        this.cachedKey(personal.subject, () => this.keys.find(personal.subject)),
      );
    });
    if (loads.size > 0) {
      await Promise.all(loads.values());
      now = Date.now();
    }
    const results = new Array<Result>(events.length);
    for (let index = 0; index < events.length; index += 1) {
      const event = events[index];
      if (event && isPersonErased(event))
        this.forget({ tenantId: event.metadata.tenantId, subjectId: event.data.employeeId });
      const personal = parts[index];
      const id = ids[index];
      if (!event || !personal || id === undefined) {
        results[index] = asIs(index);
        continue;
      }
      const cached = this.cache.get(id);
      let key = cached && cached.until > now ? this.settled.get(cached.key) : undefined;
      if (key === undefined) {
        key = await this.cachedKey(personal.subject, () => this.keys.find(personal.subject));
        now = Date.now();
      }
      results[index] = opened(event, personal, key, index);
    }
    return results;
  }

  /**
   * openWith's data as JSON text, from the stored text `dataJson` of the event's data: each
   * sealed value's text replaced; written out again where that is not plainly the same.
   */
  private openJsonWith(
    dataJson: string,
    event: EventWithData,
    personal: PersonalPart,
    key: SubjectKey | undefined,
  ): string {
    const strings = personalStringsOf(personal.paths, event.data);
    if (strings === undefined)
      return JSON.stringify(this.openWith(event, personal, key, false).data);
    // [start, end, text] of each sealed value's text in dataJson, in the order of the text.
    const replaced: [number, number, string][] = [];
    for (let index = 0; index < strings.length; index += 2) {
      const value = strings[index];
      const envelope = sealedEnvelopeOf(value);
      if (!envelope) continue;
      const plaintext =
        key?.kind === 'key'
          ? openValue(key.key, personal.subject, envelope, {
              type: event.type,
              field: strings[index + 1],
            })
          : ERASED;
      // What JSON.stringify writes for the sealed value: its characters need no escape.
      const sealed = `"${value}"`;
      const start = dataJson.indexOf(sealed);
      if (start < 0 || dataJson.indexOf(sealed, start + sealed.length) >= 0)
        return JSON.stringify(this.openWith(event, personal, key, false).data);
      replaced.push([start, start + sealed.length, JSON.stringify(plaintext)]);
    }
    if (replaced.length > 1) replaced.sort((left, right) => left[0] - right[0]);
    let text = '';
    let from = 0;
    for (const [start, end, plaintext] of replaced) {
      text += dataJson.slice(from, start) + plaintext;
      from = end;
    }
    return replaced.length === 0 ? dataJson : text + dataJson.slice(from);
  }

  private openWith<Event extends EventWithData>(
    event: Event,
    personal: PersonalPart,
    key: SubjectKey | undefined,
    remember: boolean,
  ): Event {
    if (key?.kind !== 'key')
      return this.mapPersonalFields(event, personal.paths, (value) =>
        sealedEnvelopeOf(value) ? ERASED : value,
      );
    const opened = remember ? this.cache.get(cacheKeyOf(personal.subject))?.opened : undefined;
    const stored = typeof event.data === 'object' && event.data !== null ? event.data : undefined;
    const known = stored && opened?.get(stored);
    if (known !== undefined) return { ...event, data: known };
    const result = this.mapPersonalFields(event, personal.paths, (value, field) => {
      const envelope = sealedEnvelopeOf(value);
      return envelope
        ? openValue(key.key, personal.subject, envelope, { type: event.type, field })
        : value;
    });
    if (stored) opened?.set(stored, result.data);
    return result;
  }

  /**
   * A copy of a value (a read-model document, or one field of it) with its personal fields
   * opened with the subject's key, or "[erased]" where that key is gone. Read models keep
   * personal fields sealed, as the store does, and open them only to answer. `originAt` says
   * which event field each location was copied from: a value sealed for another field or event
   * is refused there (SealedValueRefusedError), as the event store refuses it; where the
   * document keeps no personal data, a string that looks sealed is left as it is, never opened.
   */
  async openFields<Value>(subject: DataSubject, value: Value, originAt: OriginAt): Promise<Value> {
    if (!containsSealed(value)) return value;
    const key = await this.cachedKey(subject, () => this.keys.find(subject));
    return mapSealed(value, (envelope, sealed, location) => {
      const origin = originAt(location);
      if (!origin) return sealed;
      return key?.kind === 'key' ? openValue(key.key, subject, envelope, origin) : ERASED;
    }) as Value;
  }

  /** Drops a person's cached key when the event says they were erased (it opens nothing). */
  notice(event: EventWithData): void {
    if (isPersonErased(event))
      this.forget({ tenantId: event.metadata.tenantId, subjectId: event.data.employeeId });
  }

  /** Whether events of this type at this schema version have personal fields to seal or open. */
  hasPersonalFields(type: string, schemaVersion: number): boolean {
    const definition = this.registry.definition(type, schemaVersion);
    return definition !== undefined && personalPathsOf(definition).length > 0;
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

  private personalPartOf(event: EventWithData): PersonalPart | undefined {
    const definition = this.registry.definition(event.type, event.metadata.schemaVersion);
    if (!definition) return undefined;
    const paths = personalPathsOf(definition);
    if (paths.length === 0) return undefined;
    return {
      subject: {
        tenantId: event.metadata.tenantId,
        subjectId: definition.subjectOf(event.data as never),
      },
      paths,
    };
  }

  /** The event with `replace` applied to every personal field, told the field's name. */
  private mapPersonalFields<Event extends EventWithData>(
    event: Event,
    paths: readonly PersonalFieldPath[],
    replace: (value: string, field: string) => string,
  ): Event {
    const data = paths.reduce((current, path) => {
      const field = fieldNameOf(path);
      return mapPersonalField(current, path, (value) => replace(value, field));
    }, event.data);
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
    const key = load().then(ownedKey);
    this.cache.delete(id);
    this.cache.set(id, { key, until: Date.now() + this.keyCacheMs, opened: new WeakMap() });
    this.keepCacheBounded();
    const loaded = await key.catch((error: unknown) => {
      this.cache.delete(id);
      throw error;
    });
    if (loaded === undefined) this.cache.delete(id);
    else if (loaded.kind === 'erased') {
      this.cache.set(id, { key, until: Infinity, opened: new WeakMap() });
      this.settled.set(key, loaded);
    } else this.settled.set(key, loaded);
    return loaded;
  }
}
