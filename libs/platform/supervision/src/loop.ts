/**
 * A background loop of a service: a relay, a consumer, a projection runner. Anything that
 * runs until stopped and can die on its own is one.
 */
export interface Loop {
  /** Resolves once the loop has stopped after `stop()`; rejects when the loop failed. */
  readonly finished: Promise<void>;
  /** Finishes the work in hand, then stops; resolves once it has. */
  stop(): Promise<void>;
}

/**
 * Given to a loop each time it is started, for what only the loop knows: whether it has a
 * backlog to work through before the service may take traffic (a read side at start).
 */
export interface LoopControl {
  /** The loop is behind (catching up with its source). */
  catchingUp(): void;
  /** The loop has caught up with its source. */
  caughtUp(): void;
}

/** Starts one instance of a loop; throwing (or rejecting) counts as a failed start. */
export type LoopStarter = (control: LoopControl) => Loop | Promise<Loop>;

export interface SuperviseOptions {
  /**
   * Whether the loop counts as caught up from the moment it is supervised. True by default:
   * a relay or a consumer has no backlog the service must wait for. A read side the service
   * answers from passes false, which keeps the service unready until the loop calls
   * `control.caughtUp()` for the first time.
   */
  readonly startsCaughtUp?: boolean;
}

/** What the supervisor knows of one loop, as `Supervisor.status()` lists it. */
export interface LoopStatus {
  readonly name: string;
  /** An instance of the loop is running. */
  readonly up: boolean;
  /**
   * Up: since when. Down: since the outage began: when it was supervised if it never ran
   * for long, else when it last went down after running for long (a restart that does not
   * hold does not end the outage).
   */
  readonly since: Date;
  /** How many times the loop was started again after a failure. */
  readonly restarts: number;
  /** The last failure, `Error: message`; absent while the loop never failed. */
  readonly lastError?: string;
  /**
   * The loop has caught up since the service started. Latched: falling behind later does
   * not clear it, because readiness gates traffic at start and lag is reported, not judged.
   */
  readonly caughtUp: boolean;
  /** The loop said it is catching up and has not said it caught up since. */
  readonly catchingUp: boolean;
}
