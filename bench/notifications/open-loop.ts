/**
 * The end-to-end benches' latency phase: items offered on a fixed schedule whatever the
 * answers do (open loop), and its report table.
 */
import { performance } from 'node:perf_hooks';
import { formatCount, formatRate } from '../lib/format';
import { percentile } from '../lib/stats';
import { markdownTable, type Column } from '../lib/table';

export interface OpenLoopRun {
  readonly perSecond: number;
  /** When each item's offer was done (epoch ms, this machine's clock), by index; NaN if not. */
  readonly doneAt: readonly number[];
  /** How far behind its schedule each offer was done, ms, ascending. */
  readonly lateMs: readonly number[];
  /** From the first offer until every offer was done. */
  readonly seconds: number;
}

/**
 * Offers `items` at `perSecond`, item i due i / perSecond s after the start: `offer(item)` is
 * called on time however long the earlier ones take. Resolves once every offer is done; fails
 * then with the first failure, if any.
 */
export const openLoop = async <T>(
  items: readonly T[],
  perSecond: number,
  offer: (item: T) => Promise<unknown>,
): Promise<OpenLoopRun> => {
  const doneAt = items.map(() => Number.NaN);
  const lateMs: number[] = [];
  let failed: Error | undefined;
  const interval = 1000 / perSecond;
  const pending: Promise<void>[] = [];
  const origin = performance.now();
  await new Promise<void>((done) => {
    let next = 0;
    const tick = () => {
      const elapsed = performance.now() - origin;
      for (; next < items.length && next * interval <= elapsed; next++) {
        const index = next;
        const due = index * interval;
        pending.push(
          offer(items[index]).then(
            () => {
              doneAt[index] = Date.now();
              lateMs.push(performance.now() - origin - due);
            },
            (error: unknown) => {
              failed ??= error instanceof Error ? error : new Error(String(error));
            },
          ),
        );
      }
      if (next >= items.length) return done();
      setTimeout(tick, Math.max(0, next * interval - (performance.now() - origin)));
    };
    tick();
  });
  await Promise.all(pending);
  if (failed !== undefined) throw failed;
  return {
    perSecond,
    doneAt,
    lateMs: lateMs.sort((a, b) => a - b),
    seconds: (performance.now() - origin) / 1000,
  };
};

/** A column of the latency table past the common ones, with its one cell. */
export interface LatencyColumn extends Column {
  readonly cell: string;
}

/**
 * The latency phase's table, one row: the offer (`seconds` long as planned, and the rate it
 * made), how late the offers were, the end-to-end `latencies` (ms, ascending), then `more`.
 */
export const latencyTable = (
  run: OpenLoopRun,
  seconds: number,
  latencies: readonly number[],
  more: readonly LatencyColumn[],
): string =>
  markdownTable(
    [
      { header: 'offered' },
      { header: 'events', align: 'right' },
      { header: 'appends late p99 ms', align: 'right' },
      { header: 'p50 ms', align: 'right' },
      { header: 'p95 ms', align: 'right' },
      { header: 'p99 ms', align: 'right' },
      { header: 'max ms', align: 'right' },
      ...more,
    ],
    [
      [
        `${formatRate(run.perSecond)}/s for ${seconds} s (${formatRate(run.doneAt.length / run.seconds)}/s made)`,
        formatCount(run.doneAt.length),
        percentile(run.lateMs, 99).toFixed(1),
        percentile(latencies, 50).toFixed(0),
        percentile(latencies, 95).toFixed(0),
        percentile(latencies, 99).toFixed(0),
        (latencies[latencies.length - 1] ?? Number.NaN).toFixed(0),
        ...more.map(({ cell }) => cell),
      ],
    ],
  );
