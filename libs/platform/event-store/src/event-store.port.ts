import type { EventMetadata } from '@talentloop/contracts';

/**
 * Where the stream must stand for an append to be accepted.
 * `no_stream`: the stream must not exist; `stream_exists`: it must exist;
 * `any`: no check; a bigint: the revision of the stream's last event.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

/** An event as handed to the store: the id makes a retried append a no-op. */
export interface EventToAppend<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/** An event as read back: its place in its stream and in the global log. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
  readonly streamName: string;
  /** 0-based position inside its stream. */
  readonly streamRevision: bigint;
  /** Strictly increasing over the whole store; the checkpoint of relays and projections. */
  readonly globalPosition: bigint;
  /** ISO-8601 time at which the store accepted the event. */
  readonly recordedAt: string;
}

/**
 * An event as readAll reads it, its data and metadata left as JSON text: for readers that pass
 * events on as text (a replay writes them out again), so that what the store checked at append
 * is not parsed only to be written back. The text is at the current schema version, as readAll's
 * events are: an event stored at an older version is upcast, and its text written anew.
 */
export interface RecordedEventJson<Type extends string = string> {
  readonly id: string;
  readonly type: Type;
  /** The schema version the text is at (metadata.schemaVersion in it). */
  readonly schemaVersion: number;
  /** `JSON.stringify(data)` of the event readAll returns, as the store holds it. */
  readonly dataJson: string;
  /** `JSON.stringify(metadata)` of the event readAll returns, as the store holds it. */
  readonly metadataJson: string;
  readonly streamName: string;
  readonly streamRevision: bigint;
  readonly globalPosition: bigint;
  readonly recordedAt: string;
}

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append: the next expected revision. */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last appended event. */
  readonly lastGlobalPosition: bigint;
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive); 0 by default. */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
}

export interface EventFilter {
  /** Only events whose type is one of these. */
  readonly eventTypes?: readonly string[];
  /** Only events whose stream name starts with one of these. */
  readonly streamPrefixes?: readonly string[];
  /**
   * Only events of this tenant, read from the stream name (`<context>.<aggregate>-<tenant>.<id>`),
   * so no adapter needs an index on metadata.
   */
  readonly tenantId?: string;
}

export interface ReadAllOptions {
  /** Read events strictly after this global position; from the beginning when absent. */
  readonly after?: bigint;
  /** Page size: at most this many events are returned. */
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface SubscribeOptions {
  /** Deliver events strictly after this checkpoint; from the beginning when absent. */
  readonly after?: bigint;
  readonly filter?: EventFilter;
}

/**
 * Receives events in global order. The subscription waits for the returned promise
 * before delivering the next event, so a checkpoint stored inside the handler is exact.
 */
export type EventHandler = (event: RecordedEvent) => Promise<void> | void;

export interface Subscription {
  /** Stops delivery; resolves once the handler is no longer running. */
  stop(): Promise<void>;
  /** Settles when the subscription ends: resolves on stop, rejects if the handler or the store failed. */
  readonly finished: Promise<void>;
}

/**
 * The source of truth. Every adapter passes the same contract suite
 * (libs/testing/src/event-store/event-store.contract.ts).
 */
export interface EventStore {
  /**
   * Appends atomically: all events of the call or none. A revision mismatch throws
   * WrongExpectedRevisionError; appending the same event ids again with the same expected
   * revision is a no-op returning the original result.
   */
  appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options: AppendOptions,
  ): Promise<AppendResult>;
  /** The stream's events in order; empty when the stream does not exist. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** One page of the global log in order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * The page readAll returns, each event's data and metadata as JSON text: an adapter that
   * stores the text hands it out unparsed; another writes out what it read (readAllJsonOf).
   */
  readAllJson(options?: ReadAllOptions): Promise<RecordedEventJson[]>;
  /**
   * The global position of the last event stored, whatever its stream or type (0 when the
   * log is empty). Read before a filtered page that comes back short, it tells how far that
   * page looked: a reader resumes from there instead of scanning the filtered-out events again.
   */
  lastGlobalPosition(): Promise<bigint>;
  /** Catches up from the checkpoint, then follows live appends. */
  subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription;
  /**
   * Calls `listener` after each append made through this instance has been stored (appends by
   * other processes are not seen: a reader that must see them polls as well). A reader that
   * polls the log wakes on it instead of waiting out its interval. Returns how to stop.
   */
  onAppended(listener: () => void): () => void;
  close(): Promise<void>;
}
