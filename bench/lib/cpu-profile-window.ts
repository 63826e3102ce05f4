import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Starts (a window's number) or stops (null) the CPU profilers of services run with
 * bench/system/cpu-profile.preload.js: what is wanted is written to <dir>/window.json, then
 * each process is sent SIGWINCH to read it. The signal only says "look": signals of one kind
 * do not queue, so a stop and the next start sent close together may arrive as one, and a
 * profiler that toggled on each signal would fall out of step with the windows for good.
 */
export const signalProfileWindow = (
  dir: string,
  pids: Iterable<number>,
  window: number | null,
): void => {
  writeFileSync(join(dir, 'window.json'), JSON.stringify({ window }));
  for (const pid of pids) process.kill(pid, 'SIGWINCH');
};
