/**
 * The bench's side of receiver-process.ts: starts it (child-receiver.ts), asks it what it took
 * and verified, points it at a new secret, and stops it.
 */
import { join } from 'node:path';
import { startChildReceiver, type ReceiverClient } from './child-receiver';
import type { Receipt, ReceiverMessage, ReceiverRequest } from './receiver-process';

/** What the receiver took and verified so far. */
export type Counts = Extract<ReceiverMessage, { taken: number }>;

export interface ReceiverProcess extends ReceiverClient<Counts, Receipt> {
  /** Where it listens now (a new URL after `useSecret`). */
  readonly url: string;
  /** Verifies with `secret` from now on, at a new URL (returned). */
  useSecret(secret: string): Promise<string>;
}

const urlOf = (message: ReceiverMessage) => ('url' in message ? message.url : undefined);

/** Starts the receiver, verifying with `secret` when given (see useSecret otherwise). */
export const startReceiverProcess = async (secret?: string): Promise<ReceiverProcess> => {
  const child = await startChildReceiver<ReceiverRequest, ReceiverMessage>({
    script: join(__dirname, 'receiver-process.ts'),
    name: 'the receiver',
    env: { ...process.env, BENCH_WEBHOOK_SECRET: secret ?? '' },
    urlOf,
    told: 'URL',
  });
  let url = child.url;
  return {
    get url() {
      return url;
    },
    pid: child.pid,
    counts: child.counts,
    receipts: child.receipts,
    useSecret: async (next) => {
      url = await child.ask({ secret: next }, urlOf);
      return url;
    },
    stop: child.stop,
  };
};
