export interface BackoffPolicy {
  /** The ceiling of the wait after the first failure. */
  readonly initialMs: number;
  /** The ceiling never grows beyond this. */
  readonly maxMs: number;
}

/**
 * How long to wait before starting a loop again after its `failures`-th failure in a row:
 * "full jitter", a uniform draw between 0 and an exponentially growing ceiling, so that the
 * loops of many replicas that failed together (a broker restart) do not come back together.
 * `random` is a draw in [0, 1).
 */
export const backoffDelayMs = (failures: number, policy: BackoffPolicy, random: number): number => {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(random * ceiling);
};
