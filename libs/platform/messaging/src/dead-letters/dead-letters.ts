import { BrokerRequestFailedError, UnknownTopicError } from '../errors';
import {
  deadLetterHeaders,
  type DeliveredMessage,
  type MessageBus,
  type ReadTopicOptions,
} from '../message-bus.port';
import { NoDeadLetterAtOffsetError } from './dead-letter-errors';
import {
  assertRedrivable,
  groupOfDeadLetterTopic,
  redriveOf,
  type DeadLetterTopic,
  type Redrive,
} from './dead-letter-rules';

/** What a dead-letter topic holds: undefined counts when it is not declared on the bus. */
export interface DeadLetterSummary extends DeadLetterTopic {
  readonly messages: bigint | undefined;
  /** `dlt_failed_at` of the newest dead letter. */
  readonly newestFailedAt: string | undefined;
}

const isUndeclared = (error: unknown) =>
  error instanceof BrokerRequestFailedError && error.cause instanceof UnknownTopicError;

/**
 * How many dead letters each topic holds and when the newest failed. Counts by offsets (the
 * partition's end less its first kept offset: dead-letter topics are neither compacted nor
 * transactional, so offsets have no gaps), and reads only the first and last message of a
 * partition, so a large topic costs no more than a small one.
 */
export const summariseDeadLetters = async (
  bus: MessageBus,
  topics: readonly DeadLetterTopic[],
): Promise<DeadLetterSummary[]> => {
  const summaries: DeadLetterSummary[] = [];
  for (const deadLetterTopic of topics) {
    const { topic } = deadLetterTopic;
    let ends;
    try {
      ends = await bus.partitionEnds([topic]);
    } catch (error) {
      if (!isUndeclared(error)) throw error;
      summaries.push({ ...deadLetterTopic, messages: undefined, newestFailedAt: undefined });
      continue;
    }
    const endOf = (partition: number) => ends.find((end) => end.partition === partition)?.end ?? 0n;
    // The first message of each partition that has any (the others read nothing either way).
    const firsts = ends.some(({ end }) => end > 0n) ? await bus.readTopic(topic, { limit: 1 }) : [];
    const lasts = Object.fromEntries(
      firsts.map(({ partition }) => [partition, endOf(partition) - 1n]),
    );
    const newest = firsts.length > 0 ? await bus.readTopic(topic, { from: lasts, limit: 1 }) : [];
    const messages = firsts.reduce(
      (sum, { partition, offset }) => sum + endOf(partition) - BigInt(offset),
      0n,
    );
    const failedAts = newest
      .map((message) => message.headers[deadLetterHeaders.failedAt])
      .filter((failedAt): failedAt is string => failedAt !== undefined)
      .sort();
    summaries.push({ ...deadLetterTopic, messages, newestFailedAt: failedAts.at(-1) });
  }
  return summaries;
};

/** Dead-letter topics have one partition (topologyOf): an offset means one of partition 0. */
const fromOffset = (offset: bigint | undefined): ReadTopicOptions['from'] =>
  offset === undefined ? 'start' : { 0: offset };

export const readDeadLetters = (
  bus: MessageBus,
  topic: string,
  window: { readonly offset?: bigint; readonly limit: number },
): Promise<readonly DeliveredMessage[]> =>
  bus.readTopic(topic, { from: fromOffset(window.offset), limit: window.limit });

const PAGE = 500;

/** Every message of a topic, a page per partition at a time. */
const readAll = async (bus: MessageBus, topic: string): Promise<DeliveredMessage[]> => {
  const all: DeliveredMessage[] = [];
  const from: Record<number, bigint> = {};
  for (;;) {
    const page = await bus.readTopic(topic, { from, limit: PAGE });
    if (page.length === 0) return all;
    all.push(...page);
    for (const { partition, offset } of page) from[partition] = BigInt(offset) + 1n;
  }
};

export interface Redriven extends Redrive {
  readonly deadLetterOffset: string;
}

/**
 * Publishes dead letters back to their original topic for the group that failed on them
 * (redriveOf). Everything is read and checked before anything is published: a refusal
 * (a read side, a message that is not a dead letter) publishes nothing. At-least-once, as
 * every publish: run twice, it publishes twice, and the group dedupes by event id.
 */
export const redriveDeadLetters = async (
  bus: MessageBus,
  topic: string,
  selection: { readonly offset: bigint } | 'all',
): Promise<Redriven[]> => {
  assertRedrivable(groupOfDeadLetterTopic(topic));
  const deadLetters =
    selection === 'all'
      ? await readAll(bus, topic)
      : (await bus.readTopic(topic, { from: fromOffset(selection.offset), limit: 1 })).filter(
          ({ partition, offset }) => partition === 0 && offset === String(selection.offset),
        );
  if (selection !== 'all' && deadLetters.length === 0)
    throw new NoDeadLetterAtOffsetError(topic, selection.offset);
  const redrives = deadLetters.map((deadLetter) => ({
    ...redriveOf(deadLetter),
    deadLetterOffset: deadLetter.offset,
  }));
  // In runs of one original topic, in dead-letter order: per key, the order they failed in.
  for (let start = 0; start < redrives.length; ) {
    let end = start + 1;
    while (end < redrives.length && redrives[end].topic === redrives[start].topic) end++;
    await bus.publish(
      redrives[start].topic,
      redrives.slice(start, end).map(({ message }) => message),
    );
    start = end;
  }
  return redrives;
};
