import { InvalidMessagingOptionError } from './errors';
import type { ReadTopicOptions } from './message-bus.port';

/** What a partition holds now: its first kept offset and the offset its next message will get. */
export interface PartitionBounds {
  readonly partition: number;
  readonly first: bigint;
  readonly end: bigint;
}

/** The offsets to read in one partition: from `start` up to, not including, `stop`. */
export interface ReadWindow {
  readonly partition: number;
  readonly start: bigint;
  readonly stop: bigint;
}

/**
 * Which offsets readTopic returns, the same on every adapter: from the asked offset (or the
 * first kept, when it asks for less) up to `limit` messages or the partition's end. Partitions
 * with nothing to read are left out, so an adapter can skip them (Kafka joins no group then).
 */
export const readWindowsOf = (
  bounds: readonly PartitionBounds[],
  options: ReadTopicOptions,
): ReadWindow[] => {
  if (!Number.isInteger(options.limit) || options.limit < 1)
    throw new InvalidMessagingOptionError('readTopic limit', 'must be a whole number ≥ 1');
  const from = options.from ?? 'start';
  return bounds
    .map(({ partition, first, end }) => {
      const asked = from === 'start' ? first : (from[partition] ?? first);
      if (asked < 0n)
        throw new InvalidMessagingOptionError('readTopic from', 'must be offsets ≥ 0');
      const start = asked > first ? asked : first;
      const upTo = start + BigInt(options.limit);
      return { partition, start, stop: upTo < end ? upTo : end };
    })
    .filter((window) => window.start < window.stop)
    .sort((a, b) => a.partition - b.partition);
};
