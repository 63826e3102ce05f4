import type { EventFilter, EventStore } from '@talentloop/event-store';
import { secondsSince } from '../lib/timer';

export interface RawReadAll {
  readonly events: number;
  readonly seconds: number;
}

/**
 * The event store's floor for what a rebuild reads: the whole history through readAll with
 * the rebuild's filter and page size, doing nothing with the events.
 */
export const rawReadAll = async (
  store: EventStore,
  filter: EventFilter,
  pageSize: number,
): Promise<RawReadAll> => {
  const start = process.hrtime.bigint();
  let events = 0;
  let after = 0n;
  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize, filter });
    events += page.length;
    if (page.length < pageSize) break;
    after = page[page.length - 1].globalPosition;
  }
  return { events, seconds: secondsSince(start) };
};
