import type { RebuildProgress } from '../rebuild';

const BAR_WIDTH = 30;
const number = new Intl.NumberFormat('en-US');

const duration = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return '--:--';
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
};

/**
 * One line of the rebuild progress bar. The share done is the global position reached over
 * the last position of the projection's events (positions count events on the embedded
 * store), so the total is an estimate from that share.
 */
export function progressLine(progress: RebuildProgress): string {
  const share =
    progress.headPosition === 0n
      ? 1
      : Number((progress.position * 10_000n) / progress.headPosition) / 10_000;
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
