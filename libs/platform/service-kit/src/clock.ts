/**
 * Time comes in from outside, so every rule that depends on "now" (turnaround, overdue,
 * due dates, deadlines) is testable with a clock the test controls.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Injection token of the service's clock. */
export const CLOCK = Symbol('CLOCK');
