import { createHash } from 'node:crypto';
import type {
  AllStreamRecordedEvent,
  AllStreamResolvedEvent,
  EventStoreDBClient,
  Filter,
  JSONEventData,
  JSONType,
  Position,
  ResolvedEvent,
  START,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type * as EsdbClient from '@eventstore/db-client';
import { eventRegistry, type EventMetadata, type EventRegistry } from '@talentloop/contracts';
import { EventStoreError, EventStoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import { AppendListeners } from '../append-listeners';
import {
  DEFAULT_PAGE_SIZE,
  EventCodec,
  eventFilterPredicate,
  originalResultOfRetry,
  pinnedFirstRevision,
  recordedJsonOf,
  type StoredEventRef,
} from '../event-codec';
import type {
  AppendOptions,
  AppendResult,
  EventFilter,
  EventHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  RecordedEventJson,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';

export interface EsdbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false`. */
  readonly connectionString: string;
  /** The published events; the contracts catalog by default. */
  readonly registry?: EventRegistry;
}

/** Events fetched from the server per round trip while readAll filters on the client. */
const SERVER_PAGE_SIZE = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Metadata key holding our id when it is not a UUID, the only id EventStoreDB accepts. */
const ORIGINAL_ID_KEY = 'eventId';
const noop = () => undefined;

let loadedClient: typeof EsdbClient | undefined;
/**
 * @eventstore/db-client (and grpc under it), loaded on first use, when an EsdbEventStore is
 * built: a service on the embedded SQLite store never loads it, so never pays for it at start.
 */
const esdb = (): typeof EsdbClient =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see above
  (loadedClient ??= require('@eventstore/db-client') as typeof EsdbClient);

type StoredMetadata = EventMetadata & { [ORIGINAL_ID_KEY]?: string };
type EsdbRecordedEvent = NonNullable<ResolvedEvent['event']> | AllStreamRecordedEvent;

const esdbIdOf = (id: string): string => {
  if (UUID.test(id)) return id;
  const hex = createHash('sha1').update(id).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

const unavailable = (error: unknown): unknown =>
  error instanceof EventStoreError
    ? error
    : new EventStoreUnavailableError('EventStoreDB request failed', { cause: error });

/**
 * The production event store. Positions are EventStoreDB commit positions; schema checks,
 * upcasting, filters and retry recognition are the ones the SQLite store uses (EventCodec).
 *
 * Limitation: EventStoreDB has no index by event id, so an id reused in another stream (or
 * far from where a retry would put it) is not detected; ids derived from command ids make
 * that a programming error rather than a runtime case.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly codec: EventCodec;
  private readonly subscriptions = new Set<Subscription>();
  private readonly appendListeners = new AppendListeners();

  constructor(options: EsdbEventStoreOptions) {
    this.client = esdb().EventStoreDBClient.connectionString(options.connectionString);
    this.codec = new EventCodec(options.registry ?? eventRegistry);
  }

  async appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    this.codec.assertAppendable(streamName, events);
    let nextExpectedRevision: bigint;
    try {
      ({ nextExpectedRevision } = await this.client.appendToStream(
        streamName,
        events.map(toEsdbEvent),
        { expectedRevision: options.expectedRevision },
      ));
    } catch (error) {
      if (error instanceof esdb().WrongExpectedVersionError) {
        return this.settleConflict(streamName, events, options.expectedRevision, error);
      }
      throw unavailable(error);
    }
    // The append response names no per-event position (and none at all when the server
    // recognised a retry), so the last event is read back for its commit position.
    const [last] = await this.storedRun(streamName, nextExpectedRevision, 1);
    if (!last) throw new EventStoreUnavailableError(`${streamName} lost the events just appended`);
    this.appendListeners.notify();
    return { nextExpectedRevision, lastGlobalPosition: last.globalPosition };
  }

  onAppended(listener: () => void): () => void {
    return this.appendListeners.add(listener);
  }

  async readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    const read = this.client.readStream(streamName, {
      fromRevision: options?.fromRevision ?? esdb().START,
      ...(options?.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) {
        if (resolved.event) events.push(this.toRecorded(resolved.event));
      }
    } catch (error) {
      if (error instanceof esdb().StreamNotFoundError) return [];
      throw unavailable(error);
    }
    return events;
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    const maxCount = options?.maxCount ?? DEFAULT_PAGE_SIZE;
    const matches = eventFilterPredicate(options?.filter);
    const page: RecordedEvent[] = [];
    // Reading from a position includes the event at it; `after` is exclusive.
    let seenUpTo = options?.after ?? -1n;
    let from: Position | typeof START =
      options?.after === undefined
        ? esdb().START
        : { commit: options.after, prepare: options.after };
    while (page.length < maxCount) {
      const chunk: AllStreamResolvedEvent[] = [];
      try {
        for await (const resolved of this.client.readAll({
          fromPosition: from,
          maxCount: SERVER_PAGE_SIZE,
        })) {
          chunk.push(resolved);
        }
      } catch (error) {
        throw unavailable(error);
      }
      for (const { event } of chunk) {
        if (!event || event.position.commit <= seenUpTo) continue;
        seenUpTo = event.position.commit;
        from = event.position;
        if (isOurs(event) && matches(event.streamId, event.type)) {
          page.push(this.toRecorded(event));
          if (page.length === maxCount) break;
        }
      }
      if (chunk.length < SERVER_PAGE_SIZE) break;
    }
    return page;
  }

  /** The server hands out parsed JSON: the page readAll reads, written out again. */
  async readAllJson(options?: ReadAllOptions): Promise<RecordedEventJson[]> {
    return (await this.readAll(options)).map(recordedJsonOf);
  }

  async lastGlobalPosition(): Promise<bigint> {
    try {
      // The newest record of $all, ours or the server's: a position to read on from.
      for await (const { event } of this.client.readAll({
        direction: esdb().BACKWARDS,
        fromPosition: esdb().END,
        maxCount: 1,
      }))
        if (event) return event.position.commit;
    } catch (error) {
      throw unavailable(error);
    }
    return 0n;
  }

  subscribeToAll(options: SubscribeOptions, handler: EventHandler): Subscription {
    const after = options.after;
    const live = this.client.subscribeToAll({
      fromPosition: after === undefined ? esdb().START : { commit: after, prepare: after },
      filter: serverFilterOf(options.filter),
    });
    const matches = eventFilterPredicate(options.filter);
    let stopped = false;
    const follow = async (): Promise<void> => {
      // The caller gets its Subscription before the handler first runs.
      await Promise.resolve();
      let handlerFailed = false;
      try {
        for await (const { event } of live) {
          if (stopped) return;
          if (!event || !isOurs(event) || !matches(event.streamId, event.type)) continue;
          if (after !== undefined && event.position.commit <= after) continue;
          try {
            await handler(this.toRecorded(event));
          } catch (error) {
            handlerFailed = true;
            throw error;
          }
        }
      } catch (error) {
        if (handlerFailed) throw error;
        if (!stopped) throw unavailable(error);
      } finally {
        await live.unsubscribe().catch(noop);
      }
    };
    const finished = follow();
    const subscription: Subscription = {
      stop: async () => {
        stopped = true;
        await live.unsubscribe().catch(noop);
        await finished.catch(noop);
        this.subscriptions.delete(subscription);
      },
      finished,
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  /** EventStoreDB refused the expected revision: maybe because this very append was written. */
  private async settleConflict(
    streamName: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
    error: WrongExpectedVersionError,
  ): Promise<AppendResult> {
    const actual = error.actualVersion === esdb().NO_STREAM ? undefined : error.actualVersion;
    const pinned = pinnedFirstRevision(expected);
    if (pinned !== undefined && actual !== undefined && actual >= pinned) {
      const stored = await this.storedRun(streamName, pinned, events.length);
      const original = originalResultOfRetry(streamName, events, stored);
      if (original) return original;
    }
    throw new WrongExpectedRevisionError(streamName, expected, actual);
  }

  private async storedRun(
    streamName: string,
    fromRevision: bigint,
    count: number,
  ): Promise<StoredEventRef[]> {
    const stored = await this.readStream(streamName, { fromRevision, maxCount: count });
    return stored.map(({ id, streamRevision, globalPosition }) => ({
      id,
      streamRevision,
      globalPosition,
    }));
  }

  private toRecorded(event: EsdbRecordedEvent): RecordedEvent {
    const { [ORIGINAL_ID_KEY]: originalId, ...metadata } = event.metadata as StoredMetadata;
    return this.codec.recorded(
      originalId ?? event.id,
      event.type,
      metadata.schemaVersion,
      event.data,
      metadata,
      event.streamId,
      event.revision,
      event.position?.commit ?? -1n,
      event.created.toISOString(),
    );
  }
}

const toEsdbEvent = (event: EventToAppend): JSONEventData => {
  const id = esdbIdOf(event.id);
  const metadata: StoredMetadata =
    id === event.id ? event.metadata : { ...event.metadata, [ORIGINAL_ID_KEY]: event.id };
  return {
    id,
    contentType: 'application/json',
    type: event.type,
    data: event.data as JSONType,
    metadata: metadata as JSONType,
  };
};

/** Events this store wrote: JSON, not EventStoreDB's own `$` system events. */
const isOurs = (event: EsdbRecordedEvent): boolean =>
  event.isJson && !event.type.startsWith('$') && typeof event.metadata === 'object';

/**
 * Narrows the server-side stream; the exact filter is applied on the client as well, since
 * the server filters on stream name or on event type, not both.
 */
const serverFilterOf = (filter: EventFilter | undefined): Filter => {
  const { eventTypeFilter, excludeSystemEvents, streamNameFilter } = esdb();
  if (filter?.streamPrefixes) return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  if (filter?.tenantId !== undefined) {
    // The tenant sits between the first '-' and the next '.' (see isStreamOfTenant).
    return streamNameFilter({ regex: `^[^-]*-${escapeRegex(filter.tenantId)}\\.` });
  }
  if (filter?.eventTypes) {
    const escaped = filter.eventTypes.map(escapeRegex);
    return eventTypeFilter({ regex: `^(${escaped.join('|')})$` });
  }
  return excludeSystemEvents();
};

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
