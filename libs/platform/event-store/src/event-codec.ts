import type { EventMetadata, EventRegistry } from '@talentloop/contracts';
import { DuplicateEventIdError, InvalidEventError } from './errors';
import type {
  AppendResult,
  EventFilter,
  EventToAppend,
  ExpectedRevision,
  RecordedEvent,
  RecordedEventJson,
} from './event-store.port';

/** Page size of readAll when the caller names none. */
export const DEFAULT_PAGE_SIZE = 1000;

/** A stored event as far as a retry check needs to see it. */
export interface StoredEventRef {
  readonly id: string;
  readonly streamRevision: bigint;
  readonly globalPosition: bigint;
}

/**
 * What every adapter does the same way around its storage: schema checks before a write,
 * upcasting after a read, the meaning of an expected revision, filters and retries.
 */
export class EventCodec {
  constructor(private readonly registry: EventRegistry) {}

  /** Refuses the whole batch on the first invalid event, before anything is written. */
  assertAppendable(streamName: string, events: readonly EventToAppend[]): void {
    // An empty append would create a stream without events on one store and not on another.
    if (events.length === 0) throw new RangeError(`an append to ${streamName} has no events`);
    for (const event of events) {
      const violations = this.registry.validate(event.type, event.data, event.metadata);
      if (violations.length > 0) throw new InvalidEventError(event.type, event.id, violations);
    }
    if (events.length > 1) {
      const ids = new Set<string>();
      for (const event of events) {
        if (ids.has(event.id)) throw new DuplicateEventIdError(streamName, event.id);
        ids.add(event.id);
      }
    }
  }

  /** Builds the event readers see: data and metadata at the current schema version. */
  recorded(
    id: string,
    type: string,
    schemaVersion: number,
    data: unknown,
    metadata: EventMetadata,
    streamName: string,
    streamRevision: bigint,
    globalPosition: bigint,
    recordedAt: string,
  ): RecordedEvent {
    // Most stored events are already current: one Map read, no copy.
    if (schemaVersion !== this.registry.current(type)?.version) {
      const upcast = this.registry.upcast(type, schemaVersion, data);
      data = upcast.data;
      metadata = { ...metadata, schemaVersion: upcast.version };
    }
    return new DecodedEvent(
      id,
      type,
      data,
      metadata,
      streamName,
      streamRevision,
      globalPosition,
      recordedAt,
    );
  }

  /**
   * The event readers see, its data and metadata left as the stored JSON text when they are
   * at the current schema version (the text is what JSON.stringify wrote at append); an older
   * event is decoded and upcast as `recorded` does, and written out again.
   */
  recordedJson(
    id: string,
    type: string,
    schemaVersion: number,
    dataJson: string,
    metadataJson: string,
    streamName: string,
    streamRevision: bigint,
    globalPosition: bigint,
    recordedAt: string,
  ): RecordedEventJson {
    if (schemaVersion !== this.registry.current(type)?.version)
      return recordedJsonOf(
        this.recorded(
          id,
          type,
          schemaVersion,
          JSON.parse(dataJson),
          JSON.parse(metadataJson) as EventMetadata,
          streamName,
          streamRevision,
          globalPosition,
          recordedAt,
        ),
      );
    return new EventAsJson(
      id,
      type,
      schemaVersion,
      dataJson,
      metadataJson,
      streamName,
      streamRevision,
      globalPosition,
      recordedAt,
    );
  }
}

/** A readAllJson event parsed back: what readAll returns for it (its inverse: recordedJsonOf). */
export const recordedOfJson = (event: RecordedEventJson): RecordedEvent =>
  new DecodedEvent(
    event.id,
    event.type,
    JSON.parse(event.dataJson) as unknown,
    JSON.parse(event.metadataJson) as EventMetadata,
    event.streamName,
    event.streamRevision,
    event.globalPosition,
    event.recordedAt,
  );

/** A decoded event as readAllJson returns it: its data and metadata written out as JSON. */
export const recordedJsonOf = (event: RecordedEvent): RecordedEventJson =>
  new EventAsJson(
    event.id,
    event.type,
    event.metadata.schemaVersion,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
    event.streamName,
    event.streamRevision,
    event.globalPosition,
    event.recordedAt,
  );

/** The event with other text for its data (the opened data of a sealed one), as a store reads it. */
export const withDataJson = (event: RecordedEventJson, dataJson: string): RecordedEventJson =>
  new EventAsJson(
    event.id,
    event.type,
    event.schemaVersion,
    dataJson,
    event.metadataJson,
    event.streamName,
    event.streamRevision,
    event.globalPosition,
    event.recordedAt,
  );

/** A RecordedEventJson built by a constructor, for the reason given at DecodedEvent. */
class EventAsJson implements RecordedEventJson {
  declare readonly id: string;
  declare readonly type: string;
  declare readonly schemaVersion: number;
  declare readonly dataJson: string;
  declare readonly metadataJson: string;
  declare readonly streamName: string;
  declare readonly streamRevision: bigint;
  declare readonly globalPosition: bigint;
  declare readonly recordedAt: string;

  constructor(
    id: string,
    type: string,
    schemaVersion: number,
    dataJson: string,
    metadataJson: string,
    streamName: string,
    streamRevision: bigint,
    globalPosition: bigint,
    recordedAt: string,
  ) {
    this.id = id;
    this.type = type;
    this.schemaVersion = schemaVersion;
    this.dataJson = dataJson;
    this.metadataJson = metadataJson;
    this.streamName = streamName;
    this.streamRevision = streamRevision;
    this.globalPosition = globalPosition;
    this.recordedAt = recordedAt;
  }
}

/**
 * A RecordedEvent as the adapters decode it: built by a constructor, not an object literal.
 * V8 pretenures an object literal whose objects tend to outlive a young-generation GC, as a
 * page of events held by its reader does: from then on, each event of that literal is born
 * in the old generation, where it keeps the young data and metadata it points to alive
 * through every scavenge until the next full GC, long after the page was dropped (the
 * read-all of bench:event-store then spent a quarter of its time in GC). Objects built by a
 * constructor are born young and die young.
 */
class DecodedEvent implements RecordedEvent {
  // `declare`: no field definitions before the constructor's stores (ES2022 class fields).
  declare readonly id: string;
  declare readonly type: string;
  declare readonly data: unknown;
  declare readonly metadata: EventMetadata;
  declare readonly streamName: string;
  declare readonly streamRevision: bigint;
  declare readonly globalPosition: bigint;
  declare readonly recordedAt: string;

  constructor(
    id: string,
    type: string,
    data: unknown,
    metadata: EventMetadata,
    streamName: string,
    streamRevision: bigint,
    globalPosition: bigint,
    recordedAt: string,
  ) {
    this.id = id;
    this.type = type;
    this.data = data;
    this.metadata = metadata;
    this.streamName = streamName;
    this.streamRevision = streamRevision;
    this.globalPosition = globalPosition;
    this.recordedAt = recordedAt;
  }
}

/** Whether a stream whose last revision is `actual` (undefined: no stream) accepts the append. */
export const satisfiesExpectedRevision = (
  expected: ExpectedRevision,
  actual: bigint | undefined,
): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === undefined;
    case 'stream_exists':
      return actual !== undefined;
    default:
      return actual === expected;
  }
};

/**
 * The revision at which the first event of a batch appended with `expected` was written,
 * when the expectation pins it; undefined for 'any' and 'stream_exists'.
 */
export const pinnedFirstRevision = (expected: ExpectedRevision): bigint | undefined => {
  if (expected === 'no_stream') return 0n;
  return typeof expected === 'bigint' ? expected + 1n : undefined;
};

/**
 * Recognises a retried append: `stored` are the stream's events from where the batch's
 * first id is stored. Only the same ids in the same order make a retry; its original
 * result is returned. A partial overlap is a reuse of ids, not a retry.
 */
export const originalResultOfRetry = (
  streamName: string,
  events: readonly EventToAppend[],
  stored: readonly StoredEventRef[],
): AppendResult | undefined => {
  const last = stored[events.length - 1];
  if (stored.length < events.length || last === undefined) {
    return partialOverlap(streamName, events, stored);
  }
  for (let i = 0; i < events.length; i++) {
    if (stored[i]?.id !== events[i]?.id) return partialOverlap(streamName, events, stored);
  }
  return { nextExpectedRevision: last.streamRevision, lastGlobalPosition: last.globalPosition };
};

const partialOverlap = (
  streamName: string,
  events: readonly EventToAppend[],
  stored: readonly StoredEventRef[],
): undefined => {
  const storedIds = new Set(stored.map((event) => event.id));
  const reused = events.find((event) => storedIds.has(event.id));
  if (reused) throw new DuplicateEventIdError(streamName, reused.id);
  return undefined;
};

/**
 * Whether a stream name `<context>.<aggregate>-<tenant>.<id>` belongs to the tenant. The
 * aggregate has no '-' and the tenant no '.', so the tenant sits between the first '-' and
 * the next '.'; comparing `<tenant>.` there keeps 'acme' apart from 'acme-x' and 'big-acme'.
 */
export const isStreamOfTenant = (streamName: string, tenantId: string): boolean => {
  const dash = streamName.indexOf('-');
  return dash >= 0 && streamName.startsWith(`${tenantId}.`, dash + 1);
};

/** An event passes when it meets every criterion the filter names. */
export const eventFilterPredicate = (
  filter: EventFilter | undefined,
): ((streamName: string, type: string) => boolean) => {
  const types = filter?.eventTypes ? new Set(filter.eventTypes) : undefined;
  const prefixes = filter?.streamPrefixes;
  const tenantId = filter?.tenantId;
  return (streamName, type) =>
    (types === undefined || types.has(type)) &&
    (prefixes === undefined || prefixes.some((prefix) => streamName.startsWith(prefix))) &&
    (tenantId === undefined || isStreamOfTenant(streamName, tenantId));
};
