import { compactionDue, type CompactedHeap, type HeapNow } from './heap';

const MiB = 1024 * 1024;
const settings = { idleMs: 2_000, minIntervalMs: 60_000, announcedMinIntervalMs: 10_000 };
/** Compacted 100 s ago, keeping 184 MiB. */
const last: CompactedHeap = { at: 0, liveBytes: 184 * MiB };
const now = (changes: Partial<HeapNow> = {}): HeapNow => ({
  at: 100_000,
  committedBytes: 400 * MiB,
  idleForMs: 2_500,
  ...changes,
});

describe('when a process compacts its heap by itself', () => {
  it('given a burst left the heap large and the process has been idle long enough, when it looks, then it compacts', () => {
    // given / when / then: 400 MiB committed against 184 × 1.5 + 64 = 340
    expect(compactionDue(now(), last, settings)).toBe(true);
  });

  it('given the heap within its usual headroom, when it looks, then it leaves it', () => {
    // given / when / then
    expect(compactionDue(now({ committedBytes: 339 * MiB }), last, settings)).toBe(false);
  });

  it('given a process busy a moment ago, when it looks, then it waits', () => {
    // given / when / then
    expect(compactionDue(now({ idleForMs: 1_999 }), last, settings)).toBe(false);
  });

  it('given a compaction less than the least interval ago, when it looks, then it waits', () => {
    // given / when / then
    expect(compactionDue(now({ at: 59_999 }), last, settings)).toBe(false);
    expect(compactionDue(now({ at: 60_000 }), last, settings)).toBe(true);
  });

  it('given none yet since the start, when it looks, then any heap above 64 MiB is compacted once idle', () => {
    // given: nothing known to be kept before the first compaction
    const start: CompactedHeap = { at: -Infinity, liveBytes: 0 };
    // when / then
    expect(compactionDue(now({ at: 1_000, committedBytes: 65 * MiB }), start, settings)).toBe(true);
    expect(compactionDue(now({ at: 1_000, committedBytes: 63 * MiB }), start, settings)).toBe(
      false,
    );
  });

  it('given idle compaction turned off, when it looks, then it never compacts', () => {
    // given / when / then
    expect(compactionDue(now(), last, { ...settings, idleMs: 0 })).toBe(false);
  });

  it('given a burst announced over that left the heap under the general mark, when it looks once idle, then it compacts', () => {
    // given: 250 MiB committed against 184 kept: under 184 × 1.5 + 64 = 340, over 184 + 32
    const afterReplay = now({ at: 10_000, committedBytes: 250 * MiB });
    // when / then: only the announcement lowers the mark, and lifts the minute between two
    expect(compactionDue(afterReplay, last, settings, true)).toBe(true);
    expect(compactionDue(afterReplay, last, settings, false)).toBe(false);
  });

  it('given a burst announced over, when the heap is within 32 MiB of what was kept, then it leaves it', () => {
    // given / when / then
    expect(compactionDue(now({ committedBytes: 215 * MiB }), last, settings, true)).toBe(false);
    expect(compactionDue(now({ committedBytes: 216 * MiB }), last, settings, true)).toBe(true);
  });

  it('given a burst announced over, when the last compaction was under its least interval ago or the process is busy, then it waits', () => {
    // given / when / then
    const large = { committedBytes: 250 * MiB };
    expect(compactionDue(now({ ...large, at: 9_999 }), last, settings, true)).toBe(false);
    expect(compactionDue(now({ ...large, idleForMs: 1_999 }), last, settings, true)).toBe(false);
    expect(compactionDue(now(large), last, { ...settings, idleMs: 0 }, true)).toBe(false);
  });
});
