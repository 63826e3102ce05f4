import {
  cloudEventSource,
  cloudEventType,
  dataSchemaUri,
  eventRegistry,
  toCloudEvent,
  type EventDefinition,
} from '@talentloop/contracts';
import {
  headPosition,
  lastPositionWhere,
  streamPages,
  type EventStore,
  type ReadAllOptions,
  type RecordedEvent,
  type StreamAllOptions,
} from '@talentloop/event-store';

/** Events per readAll while replaying: large pages keep SQLite and the socket busy. */
export const REPLAY_PAGE_SIZE = 2000;

/**
 * The `after` that starts a replay at the first event recorded at or after `from`: the
 * position of the last event recorded before it (0 when there is none), over the unfiltered
 * log. Assumes recordedAt does not decrease along the global order (the store stamps appends).
 */
export const positionBefore = (store: EventStore, from: Date): Promise<bigint> => {
  const at = from.getTime();
  return lastPositionWhere(store, (event) => Date.parse(event.recordedAt) < at);
};

/** The range in pages up to the head as it stands while reading; each page non-empty. */
export const replayPages = (store: Pick<EventStore, 'readAll'>, options: StreamAllOptions) =>
  streamPages(store, { pageSize: REPLAY_PAGE_SIZE, ...options });

/**
 * The last position of the whole (unfiltered) log, searched for from `from`, a position the
 * log is known to reach: a single one-event read when nothing was appended after it.
 */
export const headAfter = async (
  store: Pick<EventStore, 'readAll'>,
  from: bigint,
): Promise<bigint> => {
  const fromThere = {
    readAll: (options: ReadAllOptions = {}) =>
      store.readAll({ ...options, after: options.after ?? from }),
  };
  const head = await headPosition(fromThere);
  return head > from ? head : from;
};

export interface LivePagesOptions extends Omit<StreamAllOptions, 'pageSize'> {
  /** Waits before the next poll once the stream has caught up. */
  readonly idle: () => Promise<void>;
}

/**
 * The range's pages up to the head, then the pages of later appends, until `stopped` or the
 * limit. `after` moves on to where the reads looked, not just to the last event sent: each poll
 * first finds the head of the unfiltered log from there, so a quiet poll is one one-event read,
 * and a filtered read never scans again what an earlier one passed over (other tenants' events).
 */
export async function* livePages(
  store: Pick<EventStore, 'readAll'>,
  { idle, ...options }: LivePagesOptions,
): AsyncGenerator<RecordedEvent[], void, undefined> {
  let looked = options.after ?? 0n;
  let remaining = options.limit ?? Infinity;
  while (remaining > 0 && !options.stopped?.()) {
    const head = await headAfter(store, looked);
    if (head === looked) {
      await idle();
      continue;
    }
    for await (const page of replayPages(store, { ...options, after: looked, limit: remaining })) {
      yield page;
      remaining -= page.length;
      looked = page[page.length - 1].globalPosition;
    }
    // Unless stopped or at the limit, the reads went past `head`: all up to it is seen.
    if (head > looked) looked = head;
  }
}

/** The attributes of a definition's CloudEvents that never change, as JSON, made once. */
const fixedParts = new WeakMap<EventDefinition, { source: string; type: string; schema: string }>();
const fixedPartsOf = (definition: EventDefinition) => {
  let parts = fixedParts.get(definition);
  if (parts === undefined) {
    const name = {
      context: definition.context,
      name: definition.name,
      version: definition.version,
    };
    parts = {
      source: `,"source":${JSON.stringify(cloudEventSource(definition.context))}`,
      type: `,"type":${JSON.stringify(cloudEventType(name))}`,
      schema: `,"datacontenttype":"application/json","dataschema":${JSON.stringify(dataSchemaUri(name))}`,
    };
    fixedParts.set(definition, parts);
  }
  return parts;
};

const optional = (name: string, value: string | undefined): string =>
  value === undefined ? '' : `,"${name}":${JSON.stringify(value)}`;

/**
 * `JSON.stringify(toCloudEvent(event, { validated: true }))`, the same text written without
 * building the envelope first: a replay writes a million of them. Any event that does not fit
 * the usual shape (a subject or attribute that is not a string, no data) takes the general way.
 */
export const cloudEventJson = (event: RecordedEvent): string => {
  const { metadata } = event;
  const definition = eventRegistry.definition(event.type, metadata.schemaVersion);
  const subject = definition?.subjectOf(event.data as never) as unknown;
  if (
    definition === undefined ||
    typeof subject !== 'string' ||
    typeof metadata.occurredAt !== 'string' ||
    typeof metadata.tenantId !== 'string' ||
    typeof metadata.actorId !== 'string' ||
    event.data === undefined
  )
    return JSON.stringify(toCloudEvent(event, { validated: true }));
  const fixed = fixedPartsOf(definition);
  return (
    `{"specversion":"1.0","id":${JSON.stringify(event.id)}${fixed.source}${fixed.type}` +
    `,"subject":${JSON.stringify(subject)},"time":${JSON.stringify(metadata.occurredAt)}` +
    `${fixed.schema},"tenantid":${JSON.stringify(metadata.tenantId)}` +
    `,"actorid":${JSON.stringify(metadata.actorId)}` +
    optional('traceparent', metadata.traceparent) +
    optional('correlationid', metadata.correlationId) +
    optional('causationid', metadata.causationId) +
    `,"sequence":"${event.globalPosition.toString().padStart(20, '0')}"` +
    `,"data":${JSON.stringify(event.data)}}`
  );
};

/**
 * One CloudEvents JSON object per line. The global position travels in the envelope's
 * `sequence` attribute (zero-padded decimal): the envelope schema allows no other extension,
 * and a client resumes with `after=<sequence>`.
 */
export const ndjsonChunk = (events: readonly RecordedEvent[]): string => {
  let chunk = '';
  for (const event of events) chunk += `${cloudEventJson(event)}\n`;
  return chunk;
};

/** Server-sent events: `id` is the plain global position, so Last-Event-ID resumes after it. */
export const sseChunk = (events: readonly RecordedEvent[]): string => {
  let chunk = '';
  for (const event of events)
    chunk += `id: ${event.globalPosition}\ndata: ${cloudEventJson(event)}\n\n`;
  return chunk;
};
