/**
 * Events the end-to-end benches append into the service's event store, each to a new stream of
 * its own, stamped when appended: one by one, or in windows that SQLite group-commits.
 */
import type { EventStore, EventToAppend } from '@talentloop/event-store';
import { formatCount, formatRate, formatSeconds } from '../lib/format';

export interface PlannedAppend {
  readonly streamName: string;
  /** Its `occurredAt` is set when it is appended. */
  readonly event: EventToAppend;
}

/** Appends issued together in a throughput phase: SQLite group-commits them. */
export const APPEND_WINDOW = 1_000;

/** Appends one planned event to its new stream, `occurredAt` now. */
export const appendPlanned = (store: EventStore, { streamName, event }: PlannedAppend) =>
  store.appendToStream(
    streamName,
    [{ ...event, metadata: { ...event.metadata, occurredAt: new Date().toISOString() } }],
    { expectedRevision: 'no_stream' },
  );

/** Appends them all, APPEND_WINDOW at once, one window after the other. */
export const appendInWindows = async (
  store: EventStore,
  planned: readonly PlannedAppend[],
): Promise<void> => {
  for (let index = 0; index < planned.length; index += APPEND_WINDOW)
    await Promise.all(
      planned.slice(index, index + APPEND_WINDOW).map((item) => appendPlanned(store, item)),
    );
};

/**
 * The report's line on a throughput phase's `count` appends: how long they took from `startMs`
 * to `appendedMs`, and how long after them the last `item` came, at `lastMs` (epoch ms each).
 */
export const describeAppends = (
  count: number,
  { startMs, appendedMs }: { readonly startMs: number; readonly appendedMs: number },
  lastMs: number,
  item: string,
): string =>
  `Appends: ${formatCount(count)} in ${formatSeconds((appendedMs - startMs) / 1000)} ` +
  `(${formatRate(count / ((appendedMs - startMs) / 1000))}/s, windows of ${formatCount(APPEND_WINDOW)}); ` +
  `the last ${item} ${formatSeconds((lastMs - appendedMs) / 1000)} after the last append.`;
