/** Wall-clock seconds since `start` (a value of `process.hrtime.bigint()`). */
export const secondsSince = (start: bigint): number =>
  Number(process.hrtime.bigint() - start) / 1e9;

export interface Timed<T> {
  readonly result: T;
  readonly seconds: number;
}

/** Runs `task` once and measures its wall-clock time. */
export const timed = async <T>(task: () => Promise<T>): Promise<Timed<T>> => {
  const start = process.hrtime.bigint();
  const result = await task();
  return { result, seconds: secondsSince(start) };
};

/** A point in time after which loops stop starting new work. */
export class Deadline {
  private readonly end: bigint;

  constructor(seconds: number) {
    this.end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  }

  get passed(): boolean {
    return process.hrtime.bigint() >= this.end;
  }
}

/**
 * Runs `workers` async loops side by side; loop `w` calls `step(w, i)` for i = 0.. until
 * `perWorker` steps are done or the deadline passed. Returns the steps completed.
 */
export const runLoops = async (
  workers: number,
  perWorker: number,
  deadline: Deadline,
  step: (worker: number, index: number) => Promise<void>,
): Promise<number> => {
  let completed = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let index = 0; index < perWorker && !deadline.passed; index++) {
        await step(worker, index);
        completed++;
      }
    }),
  );
  return completed;
};

/** Serialises async work: one task at a time, in call order. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
