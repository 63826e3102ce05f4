import {
  publishedStreamPrefixes,
  toCloudEvent,
  toKafkaRecord,
  type KafkaRecord,
} from '@talentloop/contracts';
import { headPosition, type EventFilter, type EventStore } from '@talentloop/event-store';
import { positionBefore, replayPages } from './replay-stream';

/** Where a republish stands: global positions from its start (exclusive) to its end. */
export interface RepublishProgress {
  readonly events: number;
  readonly start: bigint;
  readonly position: bigint;
  readonly end: bigint;
  readonly elapsedMs: number;
}

export interface RepublishRun {
  readonly store: EventStore;
  /** Sends one page of records in order; resolves once the broker acknowledged them. */
  readonly send: (records: KafkaRecord[]) => Promise<void>;
  readonly tenantId: string;
  readonly after: bigint | undefined;
  readonly from: Date | undefined;
  readonly toPosition: bigint | undefined;
  readonly types: readonly string[] | undefined;
  readonly pageSize?: number;
  readonly onProgress?: (progress: RepublishProgress) => void;
  readonly now?: () => number;
}

export interface RepublishResult {
  readonly events: number;
  /** Global position of the last event sent; undefined when none was. */
  readonly lastPosition: bigint | undefined;
  readonly elapsedMs: number;
}

/**
 * Sends the tenant's events of the range, page by page, each page acknowledged before the
 * next is read: the order on every partition is the global order.
 */
export async function republish(run: RepublishRun): Promise<RepublishResult> {
  const now = run.now ?? Date.now;
  const started = now();
  const start = run.from ? await positionBefore(run.store, run.from) : (run.after ?? 0n);
  // The end is fixed at start, so events appended meanwhile are not chased forever.
  const end = run.toPosition ?? (await headPosition(run.store));
  const filter: EventFilter = {
    tenantId: run.tenantId,
    // The published contexts' events only: the subscriptions' own carry signing secrets.
    streamPrefixes: publishedStreamPrefixes,
    ...(run.types ? { eventTypes: run.types } : {}),
  };
  let events = 0;
  let lastPosition: bigint | undefined;
  const pages = replayPages(run.store, { after: start, filter, pageSize: run.pageSize });
  for await (const page of pages) {
    const records: KafkaRecord[] = [];
    for (const event of page) {
      if (event.globalPosition > end) break;
      records.push(toKafkaRecord(toCloudEvent(event, { validated: true })));
      lastPosition = event.globalPosition;
    }
    if (records.length > 0) await run.send(records);
    events += records.length;
    run.onProgress?.({
      events,
      start,
      position: lastPosition ?? start,
      end,
      elapsedMs: now() - started,
    });
    if (records.length < page.length) break;
  }
  return { events, lastPosition, elapsedMs: now() - started };
}
