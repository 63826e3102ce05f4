/**
 * The bench's side of receiver-process.ts: starts it (forked with this process's `-r` hooks),
 * asks it what it took, and stops it.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { Receipt, ReceiverMessage, ReceiverRequest } from './receiver-process';

/** What the receiver took and verified so far. */
export type Counts = Extract<ReceiverMessage, { taken: number }>;

export interface ReceiverProcess {
  /** Where it listens now (a new URL after `useSecret`). */
  readonly url: string;
  readonly pid: number;
  counts(): Promise<Counts>;
  /** Each delivery taken from index `from` on, in arrival order. */
  receipts(from?: number): Promise<Receipt[]>;
  /** Verifies with `secret` from now on, at a new URL (returned). */
  useSecret(secret: string): Promise<string>;
  /** Asks it to stop and waits until it has exited. */
  stop(): Promise<void>;
}

/** Starts the receiver, verifying with `secret` when given (see useSecret otherwise). */
export const startReceiverProcess = (secret?: string): Promise<ReceiverProcess> =>
  new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'receiver-process.ts'), {
      env: { ...process.env, BENCH_WEBHOOK_SECRET: secret ?? '' },
    });
    let exited = false;
    const onExit = (code: number | null) => {
      exited = true;
      reject(new Error(`the receiver exited with ${code}`));
    };
    child.once('error', reject);
    child.once('exit', onExit);

    /** One question at a time: the answer is the next message of the kind asked for. */
    const ask = <T>(request: ReceiverRequest, pick: (message: ReceiverMessage) => T | undefined) =>
      new Promise<T>((answered, failed) => {
        if (exited) return failed(new Error('the receiver has exited'));
        const onMessage = (message: ReceiverMessage) => {
          const picked = pick(message);
          if (picked === undefined) return;
          child.off('message', onMessage);
          child.off('exit', onGone);
          answered(picked);
        };
        const onGone = (code: number | null) => {
          child.off('message', onMessage);
          failed(new Error(`the receiver exited with ${code}`));
        };
        child.on('message', onMessage);
        child.once('exit', onGone);
        child.send(request);
      });

    let url = '';
    const receiver: ReceiverProcess = {
      get url() {
        return url;
      },
      pid: child.pid ?? 0,
      counts: () => ask('count', (message) => ('taken' in message ? message : undefined)),
      receipts: (from = 0) =>
        ask({ receipts: from }, (message) =>
          'receipts' in message ? [...message.receipts] : undefined,
        ),
      useSecret: async (next) => {
        url = await ask({ secret: next }, (message) =>
          'url' in message ? message.url : undefined,
        );
        return url;
      },
      stop: async () => {
        if (exited) return;
        child.off('exit', onExit);
        const gone = new Promise((done) => child.once('exit', done));
        // A receiver that does not go within 10 s is killed: the bench must end.
        const guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.send('stop');
        await gone;
        clearTimeout(guard);
      },
    };
    child.once('message', (message: ReceiverMessage) => {
      if (!('url' in message)) return reject(new Error('the receiver did not tell its URL'));
      url = message.url;
      child.off('exit', onExit);
      child.once('exit', () => (exited = true));
      resolve(receiver);
    });
  });
