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
  type PageReader,
  type ReadAllOptions,
  type RecordedEvent,
  type RecordedEventJson,
  type StreamAllOptions,
  recordedOfJson,
} from '@talentloop/event-store';

/**
 * Events per readAll while replaying. A page's rows, opened fields and written chunk live until
 * the chunk is on the socket; at 2,000 events a page outlived a young-generation cycle, so
 * most of a replay was promoted and the service held 400–700 MiB more afterwards. At 500 the
 * pages die young: `npm run bench:analytics` (1M events) leaves 21–28 MiB behind, and the
 * replay is faster (fewer copies by the collector).
 */
export const REPLAY_PAGE_SIZE = 500;

/**
 * The `after` that starts a replay at the first event recorded at or after `from`: the
 * position of the last event recorded before it (0 when there is none), over the unfiltered
 * log. Assumes recordedAt does not decrease along the global order (the store stamps appends).
 */
export const positionBefore = (store: EventStore, from: Date): Promise<bigint> => {
  const at = from.getTime();
  return lastPositionWhere(store, (event) => Date.parse(event.recordedAt) < at);
};

/** What a replay pages through: a read of the global log's pages, with their positions. */
type Positioned = { readonly globalPosition: bigint };

/**
 * The store's pages as JSON text (readAllJson): what a replay writes, read without parsing
 * the events that need no opening.
 */
export const jsonPagesOf = (
  store: Pick<EventStore, 'readAllJson'>,
): PageReader<RecordedEventJson> => ({
  readAll: (options) => store.readAllJson(options),
});

/** The range in pages up to the head as it stands while reading; each page non-empty. */
export const replayPages = <Event extends Positioned>(
  store: PageReader<Event>,
  options: StreamAllOptions,
) => streamPages(store, { pageSize: REPLAY_PAGE_SIZE, ...options });

/**
 * The last position of the whole (unfiltered) log, searched for from `from`, a position the
 * log is known to reach: a single one-event read when nothing was appended after it.
 */
export const headAfter = async <Event extends Positioned>(
  store: PageReader<Event>,
  from: bigint,
): Promise<bigint> => {
  const fromThere: PageReader<Event> = {
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
export async function* livePages<Event extends Positioned>(
  store: PageReader<Event>,
  { idle, ...options }: LivePagesOptions,
): AsyncGenerator<Event[], void, undefined> {
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

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** How deep in objects and arrays `json` is at `end` (outside any string); -1 inside a string. */
const depthAt = (json: string, end: number): number => {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < end; index += 1) {
    const code = json.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth += 1;
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth -= 1;
  }
  return inString ? -1 : depth;
};

/**
 * The text of the string member whose key is written `key` (`"name":`, made once by the
 * caller) in the object written in `json` (by JSON.stringify, which writes each member once
 * and escapes what needs it), quotes included: undefined when
 * the object has no such member, null when it has one that is not a string without escapes
 * (the caller then takes the parsed way). Without an escape, that text is what JSON.stringify
 * writes for the value. `flat`: the object holds no object or array (metadata, by its schema),
 * so every `,"name":` or `{"name":` is one of its own members.
 */
const stringMemberText = (json: string, key: string, flat: boolean): string | null | undefined => {
  for (let at = json.indexOf(key); at > 0; at = json.indexOf(key, at + 1)) {
    // A quote after a comma or a brace opens a key: inside a string it would be escaped.
    const before = json.charCodeAt(at - 1);
    if (before !== COMMA && before !== OPEN_BRACE) continue;
    if (!flat && depthAt(json, at) !== 1) continue;
    const start = at + key.length;
    if (json.charCodeAt(start) !== QUOTE) return null;
    const end = json.indexOf('"', start + 1);
    const text = json.slice(start, end + 1);
    return end < 0 || text.includes('\\') ? null : text;
  }
  return undefined;
};

/**
 * The one top-level member of the data a definition's subject is, as its key is written
 * (`"name":`): the member whose value subjectOf answers, told by giving subjectOf the example
 * with that member changed; null when subjectOf is no such plain read (the parsed way then
 * asks subjectOf itself).
 */
const subjectMembers = new WeakMap<EventDefinition, string | null>();
const subjectMemberOf = (definition: EventDefinition): string | null => {
  let member = subjectMembers.get(definition);
  if (member === undefined) {
    member = null;
    const example = definition.example as Record<string, unknown>;
    for (const [name, value] of Object.entries(example)) {
      if (typeof value !== 'string' || definition.subjectOf(example as never) !== value) continue;
      const probe = `${value}-probe`;
      if (definition.subjectOf({ ...example, [name]: probe } as never) === probe) {
        member = `"${name}":`;
        break;
      }
    }
    subjectMembers.set(definition, member);
  }
  return member;
};

/** `,"<attribute>":<text>` for an optional attribute; '' when absent. */
const optionalText = (attribute: string, text: string | undefined): string =>
  text === undefined ? '' : `,"${attribute}":${text}`;

/**
 * `cloudEventJson` of the event the text stands for, written from the text: the data as
 * stored (checked at append, and already what JSON.stringify writes), the subject and the
 * metadata's attributes copied from their JSON text. An event whose text does not fit (no
 * definition or plain subject member, an attribute that is not a plain string) is parsed and
 * takes cloudEventJson's way.
 */
export const cloudEventJsonOf = (event: RecordedEventJson): string => {
  const definition = eventRegistry.definition(event.type, event.schemaVersion);
  const subjectMember = definition && subjectMemberOf(definition);
  const metadata = event.metadataJson;
  // Metadata holds strings and a version only (its schema); anything nested is read parsed.
  if (!subjectMember || metadata.indexOf('{', 1) >= 0 || metadata.includes('['))
    return cloudEventJson(recordedOfJson(event));
  const subject = stringMemberText(event.dataJson, subjectMember, false);
  const time = stringMemberText(metadata, '"occurredAt":', true);
  const tenant = stringMemberText(metadata, '"tenantId":', true);
  const actor = stringMemberText(metadata, '"actorId":', true);
  const traceparent = stringMemberText(metadata, '"traceparent":', true);
  const correlation = stringMemberText(metadata, '"correlationId":', true);
  const causation = stringMemberText(metadata, '"causationId":', true);
  if (
    !subject ||
    !time ||
    !tenant ||
    !actor ||
    traceparent === null ||
    correlation === null ||
    causation === null
  )
    return cloudEventJson(recordedOfJson(event));
  const fixed = fixedPartsOf(definition);
  return (
    `{"specversion":"1.0","id":${JSON.stringify(event.id)}${fixed.source}${fixed.type}` +
    `,"subject":${subject},"time":${time}${fixed.schema},"tenantid":${tenant},"actorid":${actor}` +
    optionalText('traceparent', traceparent) +
    optionalText('correlationid', correlation) +
    optionalText('causationid', causation) +
    `,"sequence":"${event.globalPosition.toString().padStart(20, '0')}","data":${event.dataJson}}`
  );
};

/**
 * One CloudEvents JSON object per line. The global position travels in the envelope's
 * `sequence` attribute (zero-padded decimal): the envelope schema allows no other extension,
 * and a client resumes with `after=<sequence>`.
 */
export const ndjsonChunk = (events: readonly RecordedEventJson[]): string => {
  let chunk = '';
  for (const event of events) chunk += `${cloudEventJsonOf(event)}\n`;
  return chunk;
};

/** The NDJSON body of a replay, page by page, encoded once (not measured as a string first). */
export async function* ndjsonChunks(
  store: Pick<EventStore, 'readAllJson'>,
  options: StreamAllOptions,
): AsyncGenerator<Buffer, void, undefined> {
  for await (const page of replayPages(jsonPagesOf(store), options))
    yield Buffer.from(ndjsonChunk(page), 'utf8');
}

/** Server-sent events: `id` is the plain global position, so Last-Event-ID resumes after it. */
export const sseChunk = (events: readonly RecordedEventJson[]): string => {
  let chunk = '';
  for (const event of events)
    chunk += `id: ${event.globalPosition}\ndata: ${cloudEventJsonOf(event)}\n\n`;
  return chunk;
};
