const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface PollOptions {
  /** How many looks at the most (the last answer is kept whatever it says). */
  readonly attempts?: number;
  /** The pause after each look that did not settle it. */
  readonly intervalMs?: number;
  readonly wait?: (ms: number) => Promise<void>;
  /** Stops looking once aborted (the page went away): then there is no answer. */
  readonly signal?: AbortSignal;
}

/**
 * Looks again until `settled` holds of the answer, as a read side that follows a stream a
 * moment behind needs: a failed look is retried; the answer that settled it, or the last one,
 * is `{ value }`; undefined when the last look failed too.
 */
export const pollUntil = async <Value>(
  look: () => Promise<Value>,
  settled: (value: Value) => boolean,
  { attempts = 20, intervalMs = 250, wait = sleep, signal }: PollOptions = {},
): Promise<{ readonly value: Value } | undefined> => {
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    if (signal?.aborted) return undefined;
    try {
      const value = await look();
      if (signal?.aborted) return undefined;
      if (settled(value) || attempt === attempts) return { value };
    } catch {
      // A failed look is retried; when the last one fails there is no answer.
    }
    await wait(intervalMs);
  }
  return undefined;
};
