/**
 * The bench's side of a receiver in a process of its own (receiver-process.ts,
 * smtp-receiver-process.ts): forks it with this process's `-r` hooks, waits for its first
 * message (where it listens), asks it questions one at a time, and stops it. Both speak the
 * same few words: 'count' is answered with `{ taken, … }`, `{ receipts: from }` with each
 * receipt from that index on, 'stop' by exiting.
 */
import { fork, type Serializable } from 'node:child_process';

/** What such a receiver sends: its counts and its receipts among the rest. */
type CountsOf<Message> = Extract<Message, { readonly taken: number }>;
type ReceiptOf<Message> =
  Extract<Message, { readonly receipts: readonly unknown[] }> extends {
    readonly receipts: readonly (infer Receipt)[];
  }
    ? Receipt
    : never;

/** A started receiver as the benches use it: where it listens, what it took, its stop. */
export interface ReceiverClient<Counts, Receipt> {
  /** Where it listens. */
  readonly url: string;
  readonly pid: number;
  /** What it took so far. */
  readonly counts: () => Promise<Counts>;
  /** Each receipt taken from index `from` on, in arrival order. */
  readonly receipts: (from?: number) => Promise<Receipt[]>;
  /** Asks it to stop and waits until it has exited. */
  readonly stop: () => Promise<void>;
}

export interface ChildReceiver<Request, Message>
  extends ReceiverClient<CountsOf<Message>, ReceiptOf<Message>> {
  /** One question at a time: the answer is the next message `pick` takes. */
  readonly ask: <T>(request: Request, pick: (message: Message) => T | undefined) => Promise<T>;
}

export interface ChildReceiverOptions<Message> {
  /** The script to fork. */
  readonly script: string;
  /** How errors name it, e.g. 'the SMTP receiver'. */
  readonly name: string;
  /** Its environment; this process's when not given. */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Its URL, from its first message; `undefined` when that message does not tell it, and
   * `told` what it should have told, for the error ('URL', 'port').
   */
  readonly urlOf: (message: Message) => string | undefined;
  readonly told: string;
}

/** A receiver that does not go within this long of 'stop' is killed: the bench must end. */
const STOP_GRACE_MS = 10_000;

/** Forks the receiver and resolves once its first message told where it listens. */
export const startChildReceiver = <Request extends Serializable, Message>({
  script,
  name,
  env,
  urlOf,
  told,
}: ChildReceiverOptions<Message>): Promise<ChildReceiver<Request, Message>> =>
  new Promise((resolve, reject) => {
    const child = fork(script, { env });
    let exited = false;
    const onExit = (code: number | null) => {
      exited = true;
      reject(new Error(`${name} exited with ${code}`));
    };
    child.once('error', reject);
    child.once('exit', onExit);

    const ask = <T>(request: Serializable, pick: (message: Message) => T | undefined) =>
      new Promise<T>((answered, failed) => {
        if (exited) return failed(new Error(`${name} has exited`));
        const onMessage = (message: Message) => {
          const picked = pick(message);
          if (picked === undefined) return;
          child.off('message', onMessage);
          child.off('exit', onGone);
          answered(picked);
        };
        const onGone = (code: number | null) => {
          child.off('message', onMessage);
          failed(new Error(`${name} exited with ${code}`));
        };
        child.on('message', onMessage);
        child.once('exit', onGone);
        child.send(request);
      });

    child.once('message', (message: Message) => {
      const url = urlOf(message);
      if (url === undefined) return reject(new Error(`${name} did not tell its ${told}`));
      child.off('exit', onExit);
      child.once('exit', () => (exited = true));
      resolve({
        url,
        pid: child.pid ?? 0,
        ask,
        counts: () =>
          ask('count', (answer) =>
            typeof answer === 'object' && answer !== null && 'taken' in answer
              ? (answer as CountsOf<Message>)
              : undefined,
          ),
        receipts: (from = 0) =>
          ask({ receipts: from }, (answer) =>
            typeof answer === 'object' && answer !== null && 'receipts' in answer
              ? [...(answer.receipts as readonly ReceiptOf<Message>[])]
              : undefined,
          ),
        stop: async () => {
          if (exited) return;
          const gone = new Promise((done) => child.once('exit', done));
          const guard = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
          child.send('stop');
          await gone;
          clearTimeout(guard);
        },
      });
    });
  });
