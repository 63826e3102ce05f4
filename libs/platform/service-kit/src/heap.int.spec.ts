import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { HeapCompaction } from './heap';

const root = resolve(__dirname, '..', '..', '..', '..');

/**
 * ~200 MiB of small objects, one in twenty kept (`kept`): in a function, since a register of
 * the script's own frame would keep the burst alive.
 */
const BURST = `
  const load = () =>
    Array.from({ length: 2_000_000 }, (_, i) => ({ i, text: 'item ' + i })).filter(
      (_, i) => i % 20 === 0,
    );
  const kept = load();
`;

/** Runs `script` in a child process of its own (its heap is the one measured); its JSON output. */
const runChild = async <T>(flags: string[], script: string): Promise<T> => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...flags, '--max-semi-space-size=16', '-r', '@swc-node/register', '-e', script],
    { cwd: root, env: process.env },
  );
  return JSON.parse(stdout) as T;
};

/**
 * A process that grows its heap by ~200 MiB of small objects, keeps one in twenty, drops the
 * rest, then compacts: as a service does after loading a read side. Prints the compaction.
 */
const burstThenCompact = `
  const { compactHeap } = require(${JSON.stringify(resolve(__dirname, 'heap.ts'))});
  ${BURST}
  const compaction = compactHeap();
  process.stdout.write(JSON.stringify({ compaction: compaction ?? null, kept: kept.length }));
`;

const runBurst = (flags: string[]) =>
  runChild<{ compaction: HeapCompaction | null; kept: number }>(flags, burstThenCompact);

/**
 * A process that watches its heap (idle for 300 ms, looked at every 50 ms), busy for `busyMs`
 * after a burst (half of every 20 ms), then idle: prints when it compacted, in ms since the
 * burst, or null if it did not within 3 s.
 */
const burstThenRest = (busyMs: number) => `
  const { compactWhenIdle } = require(${JSON.stringify(resolve(__dirname, 'heap.ts'))});
  let compactedAt = null;
  let compaction = null;
  const stop = compactWhenIdle(
    { idleMs: 300, minIntervalMs: 60_000 },
    () => undefined,
    (done) => { compactedAt ??= performance.now() - burstEnded; compaction ??= done; },
    50,
  );
  ${BURST}
  const burstEnded = performance.now();
  const busy = setInterval(() => {
    const until = performance.now() + 10;
    while (performance.now() < until);
    if (performance.now() - burstEnded > ${busyMs}) clearInterval(busy);
  }, 20);
  setTimeout(() => {
    stop();
    process.stdout.write(JSON.stringify({ compactedAt, compaction, kept: kept.length }));
  }, ${busyMs} + 3_000);
`;

const runRest = (busyMs: number) =>
  runChild<{ compactedAt: number | null; compaction: HeapCompaction | null; kept: number }>(
    ['--expose-gc'],
    burstThenRest(busyMs),
  );

/**
 * A process that watches its heap (idle for 300 ms, looked at every 50 ms; announced bursts
 * 500 ms after a compaction), compacts after a first burst, then makes a second burst it
 * drops: idle 1 s without saying so, then says the burst ended (burstEnded) and rests 1.5 s.
 * Prints when each compaction ran, in ms since the second burst, and when it announced it.
 */
const announcedBurst = `
  const { compactWhenIdle, burstEnded } = require(${JSON.stringify(resolve(__dirname, 'heap.ts'))});
  const compactions = [];
  let secondAt = null;
  const stop = compactWhenIdle(
    { idleMs: 300, minIntervalMs: 60_000, announcedMinIntervalMs: 500 },
    () => undefined,
    (done) => compactions.push({ ...done, at: secondAt === null ? null : performance.now() - secondAt }),
    50,
  );
  ${BURST}
  const rest = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  (async () => {
    await rest(1_000);
    const second = () => Array.from({ length: 2_000_000 }, (_, i) => ({ i, text: 'again ' + i })).length;
    secondAt = performance.now();
    const made = second();
    await rest(1_000);
    const announcedAt = performance.now() - secondAt;
    burstEnded();
    await rest(1_500);
    stop();
    process.stdout.write(JSON.stringify({ compactions, announcedAt, made, kept: kept.length }));
  })();
`;

describe('compacting the heap when idle', () => {
  it('given a burst, when the process rests, then it compacts by itself soon after', async () => {
    // given / when
    const { compactedAt, compaction, kept } = await runRest(0);
    // then: once idle for 300 ms (looked at every 50 ms), the heap is given back
    expect(kept).toBe(100_000);
    expect(compactedAt).not.toBeNull();
    expect(compactedAt!).toBeGreaterThanOrEqual(300);
    expect(compactedAt!).toBeLessThan(2_000);
    expect(compaction!.committedAfter).toBeLessThan(compaction!.committedBefore / 2);
  }, 60_000);

  it('given a burst, when the process stays busy a while, then it compacts only once it rests', async () => {
    // given / when: busy half the time for 1.5 s after the burst
    const { compactedAt } = await runRest(1_500);
    // then
    expect(compactedAt).not.toBeNull();
    expect(compactedAt!).toBeGreaterThanOrEqual(1_500 + 300);
  }, 60_000);
});

describe('compacting the heap after a burst of allocation', () => {
  it('given a process with --expose-gc, when it compacts after the burst, then most of the heap the burst grew is given back', async () => {
    // given / when
    const { compaction, kept } = await runBurst(['--expose-gc']);
    // then: the heap committed shrinks to little more than what is kept
    expect(kept).toBe(100_000);
    expect(compaction).not.toBeNull();
    const { committedBefore, committedAfter, usedAfter, ms } = compaction!;
    expect(committedBefore).toBeGreaterThan(100 * 1024 * 1024);
    expect(committedAfter).toBeLessThan(committedBefore / 2);
    expect(usedAfter).toBeLessThanOrEqual(committedAfter);
    expect(ms).toBeGreaterThan(0);
  }, 60_000);

  it('given a process without --expose-gc, when it asks to compact, then it is told nothing was done', async () => {
    // given / when
    const { compaction, kept } = await runBurst([]);
    // then
    expect(kept).toBe(100_000);
    expect(compaction).toBeNull();
  }, 60_000);
});

describe('compacting the heap after a burst announced over', () => {
  it('given a second burst within the general least interval, when its end is announced, then the next idle moment gives it back', async () => {
    // given / when
    const { compactions, announcedAt, made, kept } = await runChild<{
      compactions: (HeapCompaction & { at: number | null })[];
      announcedAt: number;
      made: number;
      kept: number;
    }>(['--expose-gc'], announcedBurst);
    // then: the first burst was compacted at the start's rest (before the second began)
    expect(kept).toBe(100_000);
    expect(made).toBe(2_000_000);
    expect(compactions.length).toBeGreaterThanOrEqual(1);
    expect(compactions[0].at).toBeNull();
    // and the second only once announced: not in the idle second before, within 1.5 s after
    expect(compactions).toHaveLength(2);
    const second = compactions[1];
    expect(second.at!).toBeGreaterThanOrEqual(announcedAt);
    expect(second.at!).toBeLessThan(announcedAt + 1_500);
    expect(second.committedAfter).toBeLessThan(second.committedBefore);
  }, 60_000);
});
