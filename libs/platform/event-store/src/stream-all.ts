import { DEFAULT_PAGE_SIZE } from './event-codec';
import type { EventFilter, EventStore, ReadAllOptions, RecordedEvent } from './event-store.port';

/**
 * What paging needs of a store: readAll, or any read of the same pages (readAllJson's, given
 * as `{ readAll: (options) => store.readAllJson(options) }`).
 */
export interface PageReader<Event extends { readonly globalPosition: bigint } = RecordedEvent> {
  readAll(options?: ReadAllOptions): Promise<Event[]>;
}

export interface StreamAllOptions {
  /** Start strictly after this global position; from the beginning when absent. */
  readonly after?: bigint;
  readonly filter?: EventFilter;
  /** Events fetched per readAll call. */
  readonly pageSize?: number;
  /** At most this many events in all; unlimited when absent. */
  readonly limit?: number;
  /** Checked between pages: stop reading once it answers true (a client went away). */
  readonly stopped?: () => boolean;
}

/** The global log from a checkpoint to its current end, one non-empty readAll page at a time. */
export async function* streamPages<
  Event extends { readonly globalPosition: bigint } = RecordedEvent,
>(
  store: PageReader<Event>,
  options: StreamAllOptions = {},
): AsyncGenerator<Event[], void, undefined> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  let after = options.after;
  let remaining = options.limit ?? Infinity;
  while (remaining > 0 && !options.stopped?.()) {
    const maxCount = Math.min(pageSize, remaining);
    const page = await store.readAll({ after, maxCount, filter: options.filter });
    const last = page.at(-1);
    if (last === undefined) return;
    yield page;
    remaining -= page.length;
    // A short page reached the end.
    if (page.length < maxCount) return;
    after = last.globalPosition;
  }
}

export interface RareTypesOptions {
  /** Start strictly after this global position; from the beginning when absent. */
  readonly after?: bigint;
  /** Up to and including this global position; to the current end when absent. */
  readonly upTo?: bigint;
  /** Only this tenant's events (see EventFilter.tenantId). */
  readonly tenantId?: string;
  /** Events fetched per readAll call. */
  readonly pageSize?: number;
}

/**
 * Every event of a few rare types (webhook subscriptions among a million events), in log
 * order, read one type at a time: a store finds one type through its index (SQLite:
 * `events_by_type`), where a read of several types at once walks every event in between
 * (SqliteEventStore keeps such pages on the log's own order, see filteredSelect). So a start
 * or a request that needs them costs their number, not the log's length. All of them are held
 * at once: for types that are few.
 */
export const readRareTypes = async (
  store: PageReader,
  types: readonly string[],
  options: RareTypesOptions = {},
): Promise<RecordedEvent[]> => {
  const { upTo, tenantId } = options;
  const events: RecordedEvent[] = [];
  for (const type of new Set(types)) {
    const filter = { eventTypes: [type], ...(tenantId === undefined ? {} : { tenantId }) };
    for await (const page of streamPages(store, { ...options, filter })) {
      for (const event of page)
        if (upTo === undefined || event.globalPosition <= upTo) events.push(event);
      if (upTo !== undefined && page[page.length - 1].globalPosition >= upTo) break;
    }
  }
  return events.sort((a, b) =>
    a.globalPosition < b.globalPosition ? -1 : a.globalPosition > b.globalPosition ? 1 : 0,
  );
};

/** The global log from a checkpoint to its current end, event by event. */
export async function* streamAll(
  store: Pick<EventStore, 'readAll'>,
  options: StreamAllOptions = {},
): AsyncGenerator<RecordedEvent, void, undefined> {
  for await (const page of streamPages(store, options)) yield* page;
}

/**
 * The global position of the last event (among those matching the filter) for which `holds`
 * is true, where `holds` is true up to some point of the log and false after it; 0 when it
 * holds for none. An exponential then binary search over readAll(after, maxCount 1): the port
 * has no "head" or "position at time" call, and a few dozen one-event reads cost nothing next
 * to the run they start.
 */
export async function lastPositionWhere<
  Event extends { readonly globalPosition: bigint } = RecordedEvent,
>(
  store: PageReader<Event>,
  holds: (event: Event) => boolean,
  filter?: EventFilter,
): Promise<bigint> {
  const firstAfter = async (after?: bigint) => {
    const [event] = await store.readAll({ after, maxCount: 1, filter });
    return event !== undefined && holds(event) ? event.globalPosition : undefined;
  };
  let known = await firstAfter();
  if (known === undefined) return 0n;
  let step = 1n;
  let bound = known + step;
  for (let next = await firstAfter(bound); next !== undefined; next = await firstAfter(bound)) {
    known = next;
    step *= 2n;
    bound = known + step;
  }
  // Invariant: it holds at `known`, and for no event after `bound`.
  for (;;) {
    const next = await firstAfter(known);
    if (next === undefined) return known;
    known = next;
    if (bound - known <= 1n) continue;
    const middle = known + (bound - known) / 2n;
    const probe = await firstAfter(middle);
    if (probe === undefined) bound = middle;
    else known = probe;
  }
}

/** The last global position among events matching the filter; 0 for an empty log. */
export const headPosition = <Event extends { readonly globalPosition: bigint } = RecordedEvent>(
  store: PageReader<Event>,
  filter?: EventFilter,
): Promise<bigint> => lastPositionWhere(store, () => true, filter);

/** Bounds the work of one backlog count: a scrape or a readiness probe reads at most this many. */
const BACKLOG_COUNT_LIMIT = 10_000;

/**
 * How many events matching `filter` the store holds after `after` (a relay's or a
 * projection's checkpoint), counted up to `limit`: what lag metrics report.
 */
export const backlogAfter = async (
  store: Pick<EventStore, 'readAll'>,
  after: bigint | undefined,
  filter?: EventFilter,
  limit = BACKLOG_COUNT_LIMIT,
): Promise<number> => {
  let count = 0;
  for await (const page of streamPages(store, { after, filter, limit })) count += page.length;
  return count;
};
