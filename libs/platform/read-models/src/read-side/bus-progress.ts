import type { MessageBus, PartitionEnd } from '@talentloop/messaging';

/**
 * Whether a consumer group has committed (so applied) every message before the given ends.
 * A partition with no committed offset is caught up only while it is empty.
 */
export const busCaughtUp = async (
  bus: MessageBus,
  groupOnBus: string,
  ends: readonly PartitionEnd[],
): Promise<boolean> => {
  const pending = ends.filter(({ end }) => end > 0n);
  if (pending.length === 0) return true;
  const committed = await bus.committedOffsets(groupOnBus, [
    ...new Set(pending.map(({ topic }) => topic)),
  ]);
  const next = new Map(committed.map((entry) => [`${entry.topic}/${entry.partition}`, entry.next]));
  return pending.every(
    ({ topic, partition, end }) => (next.get(`${topic}/${partition}`) ?? 0n) >= end,
  );
};
