import { toCloudEvent } from '@talentloop/contracts';
import type { EventFilter, EventStore, RecordedEvent } from '@talentloop/event-store';

/** Events per readAll while replaying: large pages keep SQLite and the socket busy. */
export const REPLAY_PAGE_SIZE = 2000;

/**
 * The `after` that starts a replay at the first event recorded at or after `from`: the
 * position of the last event recorded before it (0 when there is none). Binary search over
 * unfiltered readAll(after, maxCount 1), like headPosition in read-models: the port has no
 * time index, and unfiltered one-event reads are primary-key lookups on every store.
 * Assumes recordedAt does not decrease along the global order (the store stamps appends).
 */
export async function positionBefore(store: EventStore, from: Date): Promise<bigint> {
  const at = from.getTime();
  const firstAfter = async (after: bigint) => (await store.readAll({ after, maxCount: 1 }))[0];
  const before = (event: RecordedEvent | undefined): event is RecordedEvent =>
    event !== undefined && Date.parse(event.recordedAt) < at;

  const first = await firstAfter(0n);
  if (!before(first)) return 0n;
  // Invariant: the event at `known` was recorded before `from`; every event after `bound` at or after it.
  let known = first.globalPosition;
  let step = 1n;
  let bound = known + step;
  for (let probe = await firstAfter(bound); before(probe); probe = await firstAfter(bound)) {
    known = probe.globalPosition;
    step *= 2n;
    bound = known + step;
  }
  for (;;) {
    const next = await firstAfter(known);
    if (!before(next)) return known;
    known = next.globalPosition;
    if (bound - known <= 1n) continue;
    const middle = known + (bound - known) / 2n;
    const probe = await firstAfter(middle);
    if (before(probe)) known = probe.globalPosition;
    else bound = middle;
  }
}

export interface ReplayPagesOptions {
  readonly after: bigint;
  readonly filter: EventFilter;
  /** At most this many events in all; unlimited when absent. */
  readonly limit?: number;
  readonly pageSize?: number;
  /** Checked between pages: stop reading once the client is gone. */
  readonly stopped?: () => boolean;
}

/** The range in pages up to the head as it stands while reading; each page non-empty. */
export async function* replayPages(
  store: EventStore,
  options: ReplayPagesOptions,
): AsyncGenerator<RecordedEvent[]> {
  const pageSize = options.pageSize ?? REPLAY_PAGE_SIZE;
  let after = options.after;
  let remaining = options.limit ?? Infinity;
  while (remaining > 0 && !options.stopped?.()) {
    const wanted = Math.min(pageSize, remaining);
    const page = await store.readAll({ after, maxCount: wanted, filter: options.filter });
    if (page.length === 0) return;
    yield page;
    remaining -= page.length;
    after = page[page.length - 1].globalPosition;
    // A short page reached the head.
    if (page.length < wanted) return;
  }
}

/**
 * One CloudEvents JSON object per line. The global position travels in the envelope's
 * `sequence` attribute (zero-padded decimal): the envelope schema allows no other extension,
 * and a client resumes with `after=<sequence>`.
 */
export const ndjsonChunk = (events: readonly RecordedEvent[]): string => {
  let chunk = '';
  for (const event of events)
    chunk += `${JSON.stringify(toCloudEvent(event, { validated: true }))}\n`;
  return chunk;
};

/** Server-sent events: `id` is the plain global position, so Last-Event-ID resumes after it. */
export const sseChunk = (events: readonly RecordedEvent[]): string => {
  let chunk = '';
  for (const event of events) {
    chunk += `id: ${event.globalPosition}\ndata: ${JSON.stringify(toCloudEvent(event, { validated: true }))}\n\n`;
  }
  return chunk;
};
