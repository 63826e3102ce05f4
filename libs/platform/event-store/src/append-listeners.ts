import type { EventStore } from './event-store.port';

/**
 * Who is told that an append through this process has been stored (EventStore.onAppended).
 * A listener only wakes a reader; one that throws is reported and the others still run.
 */
export class AppendListeners {
  private readonly listeners = new Set<() => void>();

  add(listener: () => void): () => void {
    // A wrapper per call, so the same function added twice is removed once per `add`.
    const entry = () => listener();
    this.listeners.add(entry);
    return () => void this.listeners.delete(entry);
  }

  notify(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        process.emitWarning(`an append listener threw: ${String(error)}`, 'AppendListenerWarning');
      }
    }
  }
}

/** How a reader of the log sleeps between reads (see AppendWaiter). */
export interface AppendWaitOptions {
  /** The longest sleep: appends by other processes are seen no later than this. */
  readonly pollIntervalMs: number;
  /**
   * After an append through this process, the next read starts this long after the previous
   * one started (at once if that is longer ago): appends close together are read as one page.
   * 0 by default: at once.
   */
  readonly gapMs?: number;
}

/**
 * How a reader of the log (a projection runner, the relay) sleeps between reads: until an
 * append through this process tells it (EventStore.onAppended), no sooner than `gapMs` after
 * its previous read started; else for its poll interval, which is when appends by other
 * processes are seen; or until `wake()` (a stop, someone waiting for a read). One listener
 * for the reader's life, and no read of the log just to learn that it grew.
 */
export class AppendWaiter {
  /** An append through this process since the current read started: the next read is due. */
  private appended = false;
  private readStartedAt = Number.NEGATIVE_INFINITY;
  private sleeping: { timer: NodeJS.Timeout; readonly resolve: () => void } | undefined;
  private readonly stopListening: () => void;

  constructor(
    store: Pick<EventStore, 'onAppended'>,
    private readonly options: AppendWaitOptions,
  ) {
    this.stopListening = store.onAppended(() => this.noticeAppend());
  }

  /** To be called as a read of the log starts: appends from now on are news to the next sleep. */
  reading(): void {
    this.appended = false;
    this.readStartedAt = performance.now();
  }

  /**
   * Resolves when the next read is due. A wake before the sleep is not remembered: the reader
   * checks why it would be woken (stopping, someone waiting) before it sleeps.
   */
  sleep(): Promise<void> {
    this.wake();
    return new Promise((resolve) => {
      const delay = this.appended ? this.gapLeft() : this.options.pollIntervalMs;
      this.sleeping = { timer: setTimeout(() => this.finish(), delay), resolve };
    });
  }

  /** Ends the current sleep now. */
  wake(): void {
    if (this.sleeping === undefined) return;
    clearTimeout(this.sleeping.timer);
    this.finish();
  }

  /** Stops listening for appends and ends the current sleep. */
  close(): void {
    this.stopListening();
    this.wake();
  }

  private noticeAppend(): void {
    if (this.appended) return;
    this.appended = true;
    if (this.sleeping === undefined) return;
    clearTimeout(this.sleeping.timer);
    this.sleeping.timer = setTimeout(() => this.finish(), this.gapLeft());
  }

  private finish(): void {
    const sleeping = this.sleeping;
    this.sleeping = undefined;
    sleeping?.resolve();
  }

  private gapLeft(): number {
    return Math.max(0, this.readStartedAt + (this.options.gapMs ?? 0) - performance.now());
  }
}
