/**
 * A worker's pause between rounds that a wake ends early: work made meanwhile (a planned mail,
 * a redelivery) is taken at once rather than at the next poll. A wake while it is not asleep
 * makes the next sleep return at once; a stop ends it too.
 */
export class WakeableSleep {
  private woken: (() => void) | undefined;
  private pendingWake = false;
  private stopped = false;

  sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.pendingWake || this.stopped) {
        this.pendingWake = false;
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        this.woken = undefined;
        resolve();
      }, ms);
      this.woken = () => {
        clearTimeout(timer);
        this.woken = undefined;
        resolve();
      };
    });
  }

  wake(): void {
    if (this.woken) this.woken();
    else this.pendingWake = true;
  }

  stop(): void {
    this.stopped = true;
    this.woken?.();
  }
}
