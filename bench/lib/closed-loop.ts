import { performance } from 'node:perf_hooks';
import { secondsSince } from './timer';

export interface ClosedLoopRun {
  /** Each task's latency in ms, ascending. */
  readonly latencies: number[];
  readonly seconds: number;
}

/**
 * Runs `total` tasks with `concurrency` in flight: each of `concurrency` loops starts the next
 * task as soon as its own ended (a closed loop, as clients that wait for their answer).
 */
export const closedLoop = async (
  total: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
): Promise<ClosedLoopRun> => {
  const latencies: number[] = [];
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) {
        const index = next++;
        const begin = performance.now();
        await task(index);
        latencies.push(performance.now() - begin);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), seconds: secondsSince(start) };
};
