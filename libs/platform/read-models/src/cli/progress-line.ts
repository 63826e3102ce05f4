/** Where a long run over the global log stands; a rebuild's progress is one. */
export interface LogProgress {
  readonly events: number;
  /** Global position reached, and the one the run ends at. */
  readonly position: bigint;
  readonly headPosition: bigint;
  /** Where the run started (exclusive); 0 for a run over the whole history. */
  readonly startPosition?: bigint;
  readonly elapsedMs: number;
}

const BAR_WIDTH = 30;
const number = new Intl.NumberFormat('en-US');

const duration = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return '--:--';
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
};

/**
 * One line of a progress bar over the global log (rebuilds, republishing). The share done is
 * the span of positions covered (positions count every event, of any type or tenant), so the
 * total is an estimate from that share.
 */
export function progressLine(progress: LogProgress): string {
  const start = progress.startPosition ?? 0n;
  const span = progress.headPosition - start;
  const share =
    span <= 0n ? 1 : Math.min(1, Number(((progress.position - start) * 10_000n) / span) / 10_000);
  const filled = Math.round(share * BAR_WIDTH);
  const seconds = progress.elapsedMs / 1000;
  const rate = seconds > 0 ? progress.events / seconds : 0;
  const total = share > 0 ? Math.round(progress.events / share) : 0;
  const eta = share > 0 && share < 1 ? (seconds * (1 - share)) / share : share >= 1 ? 0 : NaN;
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ` +
    `${(share * 100).toFixed(1)}% ${number.format(progress.events)}/~${number.format(total)} events ` +
    `${number.format(Math.round(rate))} ev/s ETA ${duration(eta)}`
  );
}
