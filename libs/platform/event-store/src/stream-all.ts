import { DEFAULT_PAGE_SIZE } from './event-codec';
import type { EventFilter, EventStore, RecordedEvent } from './event-store.port';

export interface StreamAllOptions {
  /** Start strictly after this global position; from the beginning when absent. */
  readonly after?: bigint;
  readonly filter?: EventFilter;
  /** Events fetched per readAll call. */
  readonly pageSize?: number;
}

/** The global log from a checkpoint to its current end, one readAll page at a time. */
export async function* streamAll(
  store: Pick<EventStore, 'readAll'>,
  options: StreamAllOptions = {},
): AsyncGenerator<RecordedEvent, void, undefined> {
  const maxCount = options.pageSize ?? DEFAULT_PAGE_SIZE;
  let after = options.after;
  for (;;) {
    const page = await store.readAll({ after, maxCount, filter: options.filter });
    yield* page;
    const last = page.at(-1);
    if (last === undefined || page.length < maxCount) return;
    after = last.globalPosition;
  }
}
