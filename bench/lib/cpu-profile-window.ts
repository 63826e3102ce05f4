import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The load windows a bench CPU-profiles services in (run with bench/system/cpu-profile.preload.js,
 * BENCH_PROFILE_DIR set): `start()` opens window n+1, `stop()` closes it; each writes what is
 * wanted to <dir>/window.json ({"window": n} or null), then sends each process SIGWINCH to read
 * it. The signal only says "look": signals of one kind do not queue, so a stop and the next
 * start sent close together may arrive as one, and a profiler that toggled on each signal would
 * fall out of step with the windows for good. Without a dir, nothing happens.
 */
export class ProfileWindows {
  private opened = 0;
  private open = false;

  constructor(
    private readonly dir: string | undefined,
    private readonly pids: () => Iterable<number>,
  ) {}

  /** Opens the next window; its number (the n of <pid>-<n>.cpuprofile). */
  start(): number {
    this.opened += 1;
    this.open = true;
    this.signal(this.opened);
    return this.opened;
  }

  /** Closes the open window (its profiles are written). */
  stop(): void {
    this.open = false;
    this.signal(null);
  }

  /** Starts a window when none is open, else stops the open one. */
  toggle(): void {
    if (this.open) this.stop();
    else this.start();
  }

  private signal(window: number | null): void {
    if (this.dir === undefined) return;
    writeFileSync(join(this.dir, 'window.json'), JSON.stringify({ window }));
    for (const pid of this.pids()) process.kill(pid, 'SIGWINCH');
  }
}
