/**
 * The bench's side of smtp-receiver-process.ts: starts it (child-receiver.ts), asks it what it
 * took, and stops it.
 */
import { join } from 'node:path';
import { startChildReceiver, type ReceiverClient } from './child-receiver';
import type {
  MailReceipt,
  SmtpReceiverMessage,
  SmtpReceiverRequest,
} from './smtp-receiver-process';

/** What the SMTP receiver took so far. */
export type SmtpCounts = Extract<SmtpReceiverMessage, { taken: number }>;

/** Its `url` is `smtp://127.0.0.1:<port>`. */
export type SmtpReceiverProcess = ReceiverClient<SmtpCounts, MailReceipt>;

export const startSmtpReceiverProcess = (): Promise<SmtpReceiverProcess> =>
  startChildReceiver<SmtpReceiverRequest, SmtpReceiverMessage>({
    script: join(__dirname, 'smtp-receiver-process.ts'),
    name: 'the SMTP receiver',
    urlOf: (message) => ('port' in message ? `smtp://127.0.0.1:${message.port}` : undefined),
    told: 'port',
  });
