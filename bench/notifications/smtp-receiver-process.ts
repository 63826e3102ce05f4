/**
 * The bench's SMTP server in a process of its own (smtp-server, as startSmtpReceiver runs it:
 * 127.0.0.1, no TLS, no login), so that taking the mails does not eat the sending side's CPU.
 * It does not parse the mails with mailparser: it reads each one's header block for its
 * Message-ID and counts the bytes, the work a mail catcher does at the least. Tells its port
 * first; answers 'count' with what it took, `{ receipts: from }` with each mail taken from that
 * index on (which and when); exits on 'stop'.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** One mail as the server took it: enough to count, match and time it. */
export interface MailReceipt {
  /** The Message-ID header without its angle brackets; '' when the mail had none. */
  readonly messageId: string;
  /** RCPT TO. */
  readonly to: string;
  /** Epoch ms (this machine's clock) when the end of DATA had been read. */
  readonly receivedAt: number;
  readonly bytes: number;
}

export type SmtpReceiverMessage =
  | { readonly port: number }
  | {
      readonly taken: number;
      /** SMTP connections opened so far: a pool keeps a few open. */
      readonly connections: number;
      readonly rssMiB: number;
    }
  | { readonly receipts: readonly MailReceipt[] };

export type SmtpReceiverRequest = 'count' | 'stop' | { readonly receipts: number };

const send = (message: SmtpReceiverMessage) => process.send?.(message);

const HEADER_END = Buffer.from('\r\n\r\n');
const MESSAGE_ID = /^message-id:[ \t]*<([^>\r\n]*)>/im;

/** The Message-ID of a header block (folded lines joined), or ''. */
const messageIdOf = (head: Buffer): string =>
  MESSAGE_ID.exec(head.toString('latin1').replace(/\r\n[ \t]+/g, ' '))?.[1] ?? '';

/** Reads a mail's DATA to its end: its Message-ID from the header block, and its size. */
const take = async (stream: SMTPServerDataStream) => {
  let head = Buffer.alloc(0);
  let headDone = false;
  let bytes = 0;
  for await (const chunk of stream) {
    const data = chunk as Buffer;
    bytes += data.length;
    if (headDone) continue;
    head = Buffer.concat([head, data]);
    const end = head.indexOf(HEADER_END);
    if (end >= 0) {
      head = head.subarray(0, end);
      headDone = true;
    }
  }
  return { messageId: messageIdOf(head), bytes };
};

const main = async () => {
  const receipts: MailReceipt[] = [];
  let connections = 0;
  const server = new SMTPServer({
    name: 'bench-smtp-receiver.test',
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    size: 10 * 1024 * 1024,
    logger: false,
    closeTimeout: 100,
    onConnect: (_session, callback) => {
      connections++;
      callback();
    },
    onData: (stream, session: SMTPServerSession, callback) => {
      take(stream).then(
        ({ messageId, bytes }) => {
          receipts.push({
            messageId,
            to: session.envelope.rcptTo.map(({ address }) => address).join(','),
            receivedAt: Date.now(),
            bytes,
          });
          callback(null);
        },
        (error: unknown) =>
          callback(Object.assign(new Error(`4.3.0 ${String(error)}`), { responseCode: 451 })),
      );
    },
  });
  // A client that hangs up mid-session is the client's doing; without a listener it would crash.
  server.on('error', () => undefined);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.server.address() as AddressInfo;

  process.on('message', (message: SmtpReceiverRequest) => {
    if (message === 'count')
      send({
        taken: receipts.length,
        connections,
        rssMiB: Math.round(process.memoryUsage.rss() / 2 ** 20),
      });
    else if (message === 'stop') server.close(() => process.exit(0));
    else send({ receipts: receipts.slice(message.receipts) });
  });
  // Gone with the bench, however it ended.
  process.once('disconnect', () => process.exit(0));
  send({ port });
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
