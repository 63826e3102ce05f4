import type { ThrottlerStorage } from '@nestjs/throttler';

/** One key's window: when it ends (epoch ms) and how many requests it has seen. */
export interface Window {
  readonly endsAt: number;
  readonly hits: number;
}

export interface Count {
  readonly window: Window;
  /** Over the limit: refuse the request. */
  readonly refused: boolean;
  /** Whole seconds until the window ends (at least 1): the Retry-After of a refusal. */
  readonly retryAfterSeconds: number;
}

/**
 * Counts one request in a fixed window of `ttlMs`: the first request after a window ended opens
 * a new one; the request that makes the count exceed `limit` is refused, and so is every one
 * after it until the window ends. O(1) in time and memory per key, unlike a log of every hit
 * (the throttler's own storage keeps one timestamp per request and filters it on each one). The
 * price is that a caller can fit up to twice the limit around a window's boundary.
 */
export const countRequest = (
  window: Window | undefined,
  now: number,
  ttlMs: number,
  limit: number,
): Count => {
  const current =
    window !== undefined && window.endsAt > now ? window : { endsAt: now + ttlMs, hits: 0 };
  const counted = { endsAt: current.endsAt, hits: current.hits + 1 };
  return {
    window: counted,
    refused: counted.hits > limit,
    retryAfterSeconds: Math.max(1, Math.ceil((counted.endsAt - now) / 1000)),
  };
};

/**
 * The throttler's storage: windows by key in this process's memory. Ended windows are dropped
 * in one sweep at most once per `sweepEveryMs`, on a request (no timer to clear at shutdown).
 * Limits are therefore per instance: N instances behind a load balancer let a caller send up
 * to N times the limit; a shared store (Redis) would be needed for one limit across them.
 */
export class FixedWindowStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private nextSweepAt = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sweepEveryMs = 60_000,
  ) {}

  /** How many keys are held: for tests. */
  get size(): number {
    return this.windows.size;
  }

  increment(key: string, ttl: number, limit: number) {
    const now = this.now();
    if (now >= this.nextSweepAt) this.sweep(now);
    const count = countRequest(this.windows.get(key), now, ttl, limit);
    this.windows.set(key, count.window);
    return Promise.resolve({
      totalHits: count.window.hits,
      timeToExpire: count.retryAfterSeconds,
      isBlocked: count.refused,
      timeToBlockExpire: count.refused ? count.retryAfterSeconds : 0,
    });
  }

  private sweep(now: number): void {
    this.nextSweepAt = now + this.sweepEveryMs;
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}
