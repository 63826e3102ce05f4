import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** One mail the receiver accepted, as it came and as mailparser reads it. */
export interface ReceivedMail {
  /** The message as sent after DATA (dot-unstuffed), CRLF line ends. */
  readonly raw: string;
  readonly parsed: ParsedMail;
  /** MAIL FROM and RCPT TO. */
  readonly envelope: { readonly from: string; readonly to: readonly string[] };
}

/** An SMTP reply that refuses a mail, e.g. `{ code: 451, message: '4.3.0 Try again later' }`. */
export interface SmtpRejection {
  readonly code: number;
  readonly message: string;
}

export interface SmtpReceiverOptions {
  /** Refuses a mail at the end of DATA when it answers a rejection; accepts it otherwise. */
  readonly failWith?: (mail: ReceivedMail) => SmtpRejection | undefined;
}

export interface SmtpReceiver {
  /** `smtp://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Every mail accepted, in arrival order; refused ones are not kept. */
  readonly messages: readonly ReceivedMail[];
  /** The mails once `count` were accepted; rejects after `timeoutMs` (default 5 s). */
  waitFor(count: number, timeoutMs?: number): Promise<readonly ReceivedMail[]>;
  /** Refuses the next `times` mails (default 1) with this reply, before `failWith` is asked. */
  failNext(code: number, message: string, times?: number): void;
  close(): Promise<void>;
}

/** Larger mails are refused with 552, as a real server would. */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

interface Waiter {
  readonly count: number;
  readonly resolve: (messages: readonly ReceivedMail[]) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

const rejection = ({ code, message }: SmtpRejection): Error =>
  Object.assign(new Error(message), { responseCode: code });

const bufferOf = async (stream: SMTPServerDataStream): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/**
 * A real SMTP server for tests and benchmarks (smtp-server) on 127.0.0.1 and a free port: no
 * TLS, no login needed, every accepted mail parsed with mailparser and kept. Logs nothing.
 */
export const startSmtpReceiver = async ({
  failWith,
}: SmtpReceiverOptions = {}): Promise<SmtpReceiver> => {
  const messages: ReceivedMail[] = [];
  const refusals: SmtpRejection[] = [];
  let waiters: Waiter[] = [];

  const receive = async (
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
  ): Promise<SmtpRejection | undefined> => {
    const raw = await bufferOf(stream);
    if (stream.sizeExceeded) return { code: 552, message: '5.3.4 Message too big' };
    const { mailFrom, rcptTo } = session.envelope;
    const mail: ReceivedMail = {
      raw: raw.toString('utf8'),
      parsed: await simpleParser(raw),
      envelope: {
        from: mailFrom ? mailFrom.address : '',
        to: rcptTo.map(({ address }) => address),
      },
    };
    const refusal = refusals.shift() ?? failWith?.(mail);
    if (refusal) return refusal;
    messages.push(mail);
    waiters = waiters.filter((waiter) => {
      if (messages.length < waiter.count) return true;
      clearTimeout(waiter.timer);
      waiter.resolve(messages);
      return false;
    });
    return undefined;
  };

  const server = new SMTPServer({
    name: 'smtp-receiver.test',
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    // close() waits this long for clients (a pool's idle connections) before hanging up on them.
    closeTimeout: 100,
    onData: (stream, session, callback) => {
      receive(stream, session).then(
        (refusal) => callback(refusal ? rejection(refusal) : null),
        (error: unknown) => callback(rejection({ code: 451, message: `4.3.0 ${String(error)}` })),
      );
    },
  });
  // A client that hangs up mid-session is the client's doing; without a listener it would crash.
  server.on('error', () => undefined);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor: (count, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        if (messages.length >= count) return resolve(messages);
        const timer = setTimeout(() => {
          waiters = waiters.filter((waiter) => waiter.timer !== timer);
          reject(
            new Error(
              `the SMTP receiver did not get ${count} mails within ${timeoutMs} ms (${messages.length} accepted)`,
            ),
          );
        }, timeoutMs);
        waiters.push({ count, resolve, reject, timer });
      }),
    failNext: (code, message, times = 1) => {
      for (let n = 0; n < times; n++) refusals.push({ code, message });
    },
    close: async () => {
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error('the SMTP receiver was closed'));
      }
      waiters = [];
      await new Promise<void>((closed) => server.close(() => closed()));
    },
  };
};
