import type { LoopStatus } from './loop';

export type ReadinessVerdict =
  | { readonly ready: true }
  | { readonly ready: false; readonly reasons: readonly string[] };

/**
 * Whether the service's loops let it take traffic at `now`: not while a loop has been down
 * longer than `downThresholdMs` (a short outage is ridden out by restarting, not by turning
 * traffic away), nor while a loop has not yet caught up since the service started. One
 * reason per loop that holds it back, in the order given.
 */
export const readinessOf = (
  loops: readonly LoopStatus[],
  now: Date,
  downThresholdMs: number,
): ReadinessVerdict => {
  const reasons = loops.flatMap((loop) => {
    const downForMs = now.getTime() - loop.since.getTime();
    if (!loop.up && downForMs > downThresholdMs)
      return [`loop ${loop.name} down for ${Math.floor(downForMs / 1_000)} s`];
    if (!loop.caughtUp) return [`loop ${loop.name} catching up`];
    return [];
  });
  return reasons.length === 0 ? { ready: true } : { ready: false, reasons };
};
