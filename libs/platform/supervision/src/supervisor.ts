import { backoffDelayMs, type BackoffPolicy } from './backoff';
import type { Loop, LoopControl, LoopStarter, LoopStatus, SuperviseOptions } from './loop';
import { readinessOf, type ReadinessVerdict } from './readiness';
import { loopRestarts, loopUp } from './supervision-metrics';

/** Where the supervisor says what happened to a loop; failures come as 'error'. */
export type SupervisorLog = (level: 'info' | 'error', message: string) => void;

export interface SupervisorOptions {
  /** The wait before a restart, with full jitter; 250 ms growing to 30 s by default. */
  readonly backoff?: BackoffPolicy;
  /**
   * A loop that ran this long before failing starts a new outage: it is restarted after the
   * initial wait again and counts as down from this failure on. A shorter run continues the
   * outage it was restarted from. 60 s by default.
   */
  readonly stableAfterMs?: number;
  /** A loop down for longer than this makes the service unready; 30 s by default. */
  readonly downReadyThresholdMs?: number;
  /** console by default. */
  readonly log?: SupervisorLog;
  /** Time of the statuses and of readiness; the system clock by default. */
  readonly clock?: { now(): Date };
  /** Draws of the jitter, in [0, 1); Math.random by default. */
  readonly random?: () => number;
}

export const DEFAULT_DOWN_READY_THRESHOLD_MS = 30_000;
/** A failed loop's restart waits up to 250 ms, then twice as long each time, up to 30 s. */
export const DEFAULT_RESTART_BACKOFF: BackoffPolicy = { initialMs: 250, maxMs: 30_000 };
const DEFAULT_STABLE_AFTER_MS = 60_000;

interface SupervisedLoop {
  readonly name: string;
  readonly start: LoopStarter;
  up: boolean;
  since: Date;
  /** When the current outage began; a restart that did not hold does not end it. */
  outageSince: Date;
  restarts: number;
  lastError: string | undefined;
  caughtUp: boolean;
  catchingUp: boolean;
  /** Counts starts, so that the control of an instance that was replaced changes nothing. */
  generation: number;
  running: Loop | undefined;
  /** Settles once the supervisor stopped and the loop with it. */
  supervision: Promise<void>;
}

/** Why one instance of a loop ended, and how long it had been up (0: it never started). */
interface Failure {
  readonly error: unknown;
  readonly started: boolean;
  readonly ranForMs: number;
}

/**
 * Keeps every background loop of a service running: a loop that fails to start, fails, or
 * stops on its own is logged and started again after a backoff with jitter, forever, until
 * `stop()`. Its state feeds `talentloop_loop_up`, `talentloop_loop_restarts_total` and
 * readiness, so a dead loop can no longer hide behind a service that answers 200.
 */
export class Supervisor {
  private readonly loops = new Map<string, SupervisedLoop>();
  private readonly wakeUps = new Set<() => void>();
  private stopping = false;
  private stopped: Promise<void> | undefined;
  private readonly backoff: BackoffPolicy;
  private readonly stableAfterMs: number;
  private readonly downReadyThresholdMs: number;
  private readonly log: SupervisorLog;
  private readonly clock: { now(): Date };
  private readonly random: () => number;

  constructor(options: SupervisorOptions = {}) {
    this.backoff = options.backoff ?? DEFAULT_RESTART_BACKOFF;
    this.stableAfterMs = options.stableAfterMs ?? DEFAULT_STABLE_AFTER_MS;
    this.downReadyThresholdMs = options.downReadyThresholdMs ?? DEFAULT_DOWN_READY_THRESHOLD_MS;
    this.log = options.log ?? logToConsole;
    this.clock = options.clock ?? { now: () => new Date() };
    this.random = options.random ?? Math.random;
  }

  /**
   * Starts the loop now and keeps it running until `stop()`. Returns at once: a loop that
   * cannot start (its broker is down) is retried in the background, not awaited.
   */
  supervise(name: string, start: LoopStarter, options: SuperviseOptions = {}): void {
    if (this.stopping) throw new Error(`cannot supervise loop ${name}: the supervisor stopped`);
    if (this.loops.has(name)) throw new Error(`loop ${name} is already supervised`);
    const startsCaughtUp = options.startsCaughtUp ?? true;
    const now = this.clock.now();
    const loop: SupervisedLoop = {
      name,
      start,
      up: false,
      since: now,
      outageSince: now,
      restarts: 0,
      lastError: undefined,
      caughtUp: startsCaughtUp,
      catchingUp: !startsCaughtUp,
      generation: 0,
      running: undefined,
      supervision: Promise.resolve(),
    };
    this.loops.set(name, loop);
    loopUp.set({ loop: name }, 0);
    // The series exists from the start, so a rate() over it sees the first restart.
    loopRestarts.inc({ loop: name }, 0);
    loop.supervision = this.keepRunning(loop);
  }

  /** Every supervised loop, in the order supervised. */
  status(): LoopStatus[] {
    return [...this.loops.values()].map((loop) => ({
      name: loop.name,
      up: loop.up,
      since: loop.since,
      restarts: loop.restarts,
      ...(loop.lastError === undefined ? {} : { lastError: loop.lastError }),
      caughtUp: loop.caughtUp,
      catchingUp: loop.catchingUp,
    }));
  }

  /** Whether the loops let the service take traffic (see `readinessOf`). */
  readiness(now: Date = this.clock.now()): ReadinessVerdict {
    return readinessOf(this.status(), now, this.downReadyThresholdMs);
  }

  /**
   * Stops every loop, all at once, and resolves when each `stop()` has (and each start in
   * flight has settled); nothing is started again afterwards.
   */
  stop(): Promise<void> {
    if (!this.stopped) {
      this.stopping = true;
      this.stopped = this.stopAll();
    }
    return this.stopped;
  }

  private async stopAll(): Promise<void> {
    for (const wakeUp of this.wakeUps) wakeUp();
    await Promise.all(
      [...this.loops.values()].map(async (loop) => {
        if (loop.running) await this.stopInstance(loop.name, loop.running);
        await loop.supervision;
      }),
    );
  }

  private async keepRunning(loop: SupervisedLoop): Promise<void> {
    let failuresInARow = 0;
    for (;;) {
      const failure = await this.runOnce(loop);
      if (failure === undefined) return;
      if (failure.ranForMs >= this.stableAfterMs) failuresInARow = 0;
      failuresInARow++;
      loop.lastError = summaryOf(failure.error);
      const delayMs = backoffDelayMs(failuresInARow, this.backoff, this.random());
      this.log(
        'error',
        `loop ${loop.name} ${failure.started ? 'failed' : 'could not start'} ` +
          `(${failuresInARow} in a row); starting it again in ${delayMs} ms: ${detailOf(failure.error)}`,
      );
      await this.pause(delayMs);
      if (this.stopping) return;
      loop.restarts++;
      loopRestarts.inc({ loop: loop.name });
    }
  }

  /** Runs one instance of the loop to its end: a failure, or undefined once stopping. */
  private async runOnce(loop: SupervisedLoop): Promise<Failure | undefined> {
    const generation = ++loop.generation;
    let instance: Loop;
    try {
      instance = await loop.start(this.controlOf(loop, generation));
    } catch (error) {
      return this.stopping ? undefined : { error, started: false, ranForMs: 0 };
    }
    if (this.stopping) {
      // Started while the supervisor was stopping: stopAll did not see it, so stop it here.
      await this.stopInstance(loop.name, instance);
      return undefined;
    }
    loop.running = instance;
    this.markUp(loop);
    if (loop.restarts > 0) this.log('info', `loop ${loop.name} running again`);
    const upAt = this.clock.now().getTime();
    const ranForMs = () => this.clock.now().getTime() - upAt;
    const failure = (error: unknown): Failure | undefined =>
      this.stopping ? undefined : { error, started: true, ranForMs: ranForMs() };
    try {
      await instance.finished;
      return failure(new Error('stopped on its own'));
    } catch (error) {
      return failure(error);
    } finally {
      loop.running = undefined;
      this.markDown(loop, ranForMs());
    }
  }

  private controlOf(loop: SupervisedLoop, generation: number): LoopControl {
    const current = () => loop.generation === generation;
    return {
      catchingUp: () => {
        if (current()) loop.catchingUp = true;
      },
      caughtUp: () => {
        if (!current()) return;
        if (!loop.caughtUp) this.log('info', `loop ${loop.name} caught up`);
        loop.caughtUp = true;
        loop.catchingUp = false;
      },
    };
  }

  private markUp(loop: SupervisedLoop): void {
    loop.up = true;
    loop.since = this.clock.now();
    loopUp.set({ loop: loop.name }, 1);
  }

  /**
   * A loop that fails soon after each restart is down most of the time, but never for long
   * at a stretch: counting its downtime from the start of the outage lets readiness see it.
   */
  private markDown(loop: SupervisedLoop, ranForMs: number): void {
    loop.up = false;
    if (ranForMs >= this.stableAfterMs) loop.outageSince = this.clock.now();
    loop.since = loop.outageSince;
    loopUp.set({ loop: loop.name }, 0);
  }

  private async stopInstance(name: string, instance: Loop): Promise<void> {
    try {
      await instance.stop();
    } catch (error) {
      this.log('error', `loop ${name} failed to stop: ${detailOf(error)}`);
    }
  }

  /** Waits before a restart; `stop()` cuts the wait short. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wakeUp = () => {
        clearTimeout(timer);
        this.wakeUps.delete(wakeUp);
        resolve();
      };
      const timer = setTimeout(wakeUp, ms);
      this.wakeUps.add(wakeUp);
    });
  }
}

const summaryOf = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** With the stack, so the log says where the loop died. */
const detailOf = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? summaryOf(error)) : String(error);

const logToConsole: SupervisorLog = (level, message) =>
  level === 'error' ? console.error(message) : console.info(message);
