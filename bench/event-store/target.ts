import type { BenchEvent } from './sample-event';

export type SystemKey = 'raw' | 'ours' | 'peer';

/** One system under test, opened on its own file. */
export interface BenchTarget {
  /** Appends `events` to a new stream, as one atomic, durable append. */
  append(stream: string, events: readonly BenchEvent[]): Promise<void>;
  /** Reads the whole global log in pages, parsing data and metadata; returns the events read. */
  readAll(pageSize: number): Promise<number>;
  /** How durable a commit is, as read back from the connection. */
  durability(): Promise<string>;
  close(): Promise<void>;
}

export interface TargetFactory {
  readonly key: SystemKey;
  readonly label: string;
  /** How concurrent appends reach the store, and which read API row 4 uses. */
  readonly notes: string;
  open(path: string): Promise<BenchTarget>;
}
