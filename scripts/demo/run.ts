// One run of the demo: its tenant, its client, the waits it timed and where it pauses.
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { createClient, poll } from './http';
import { dim, line, waited } from './print';

export const tenantId = process.env.DEMO_TENANT_ID ?? `demo-${randomBytes(4).toString('hex')}`;
export const api = createClient(tenantId);

/** Every asynchronous wait of the run and how long it took, for the summary. */
export const timings: { what: string; ms: number }[] = [];

/**
 * DEMO_PAUSE_AT=submitted,approved: the demo stops at those points until a line arrives on
 * stdin (the e2e suites kill a service there, while the event it has to react to is on its way).
 */
const pauseAt = new Set((process.env.DEMO_PAUSE_AT ?? '').split(',').filter(Boolean));
const stdinLines =
  pauseAt.size > 0 ? createInterface({ input: process.stdin })[Symbol.asyncIterator]() : undefined;
export const pause = async (point: 'submitted' | 'approved') => {
  if (!pauseAt.has(point) || !stdinLines) return;
  line(dim(`⏸ paused at ${point}; waiting for a line on stdin`));
  await stdinLines.next();
};

/** Polls until `probe` answers, then prints and times the wait. */
export const waitFor = async <T>(what: string, probe: () => Promise<T | undefined>) => {
  const { value, ms } = await poll(what, probe);
  timings.push({ what, ms });
  waited(what, ms);
  return value;
};
