import { performance } from 'node:perf_hooks';
import type { MailTransport, OutgoingMail } from '../mail-transport';

export interface MailThroughputRun {
  readonly transport: MailTransport;
  readonly count: number;
  /** Sends in flight at once. */
  readonly concurrency: number;
  /** The mail to send as the `index`-th (0-based); distinct message ids, or the mailbox skips them. */
  readonly makeMail: (index: number) => OutgoingMail;
}

export interface MailThroughput {
  readonly mails: number;
  readonly seconds: number;
  readonly perSecond: number;
}

const positiveWhole = (name: string, value: number): number => {
  if (!(Number.isInteger(value) && value > 0))
    throw new RangeError(`${name} must be a positive whole number, not ${value}`);
  return value;
};

/**
 * Sends `count` mails through `transport`, `concurrency` at a time (each loop sends its next as
 * soon as its last settled), and times it from the first send to the last outcome. Throws when
 * any mail failed, after all settled: a figure with failures in it measures nothing.
 */
export const measureMailThroughput = async ({
  transport,
  count,
  concurrency,
  makeMail,
}: MailThroughputRun): Promise<MailThroughput> => {
  positiveWhole('count', count);
  positiveWhole('concurrency', concurrency);
  const failures: string[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const outcome = await transport.send(makeMail(next++));
        if (outcome.kind === 'failed') failures.push(outcome.reason);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1_000;
  if (failures.length > 0)
    throw new Error(
      `${failures.length} of ${count} mails through ${transport.description} failed; the first: ${failures[0]}`,
    );
  return { mails: count, seconds, perSecond: count / seconds };
};
