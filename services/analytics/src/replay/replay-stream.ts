import { toCloudEvent } from '@talentloop/contracts';
import {
  lastPositionWhere,
  streamPages,
  type EventStore,
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
export const replayPages = (store: EventStore, options: StreamAllOptions) =>
  streamPages(store, { pageSize: REPLAY_PAGE_SIZE, ...options });

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
