import { createMailboxTransport } from './mailbox-transport';
import { createSmtpTransport } from './smtp-transport';

export interface MailAddress {
  readonly name: string;
  readonly address: string;
}

/** One e-mail to one person, fully written: the transport adds nothing but the MIME framing. */
export interface OutgoingMail {
  /** Without angle brackets, e.g. `mail_ab12…@talentloop`: the Message-ID header and the mailbox file name. */
  readonly messageId: string;
  readonly from: MailAddress;
  readonly to: MailAddress;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The Content-Language header. */
  readonly language: 'nl' | 'en';
  /** Further headers as they are to appear, e.g. List-Unsubscribe and List-Unsubscribe-Post. */
  readonly headers: Readonly<Record<string, string>>;
  /** An invite: sent as a text/calendar alternative (so clients offer to accept it) and as an attachment. */
  readonly calendar?: {
    readonly filename: string;
    readonly method: 'REQUEST';
    readonly content: string;
  };
  /** The Date header. */
  readonly date: Date;
}

/**
 * What one send came to: a value, never a throw. `permanent` says whether sending the same mail
 * again can succeed (false: retry later). `response` and `reason` name no person: the server's
 * text has every e-mail address in it replaced by `<address>`.
 */
export type SendOutcome =
  | { readonly kind: 'sent'; readonly response: string }
  | { readonly kind: 'failed'; readonly permanent: boolean; readonly reason: string };

export interface MailTransport {
  send(mail: OutgoingMail): Promise<SendOutcome>;
  close(): Promise<void>;
  /** For a start-up log line: `smtp://host:port` (never the credentials) or `mailbox <folder>`. */
  readonly description: string;
}

export interface MailTransportOptions {
  /** An SMTP server, e.g. `smtps://user:password@mail.example.com:465`; without it, the mailbox folder. */
  readonly smtpUrl?: string;
  /** Where mails go when there is no SMTP server: one `.eml` file each. */
  readonly mailboxDir: string;
  /** Pooled SMTP connections. Default 5. */
  readonly maxConnections?: number;
  /**
   * The longest an SMTP connection may take to open, greet, or stay silent in a conversation
   * (nodemailer's connection, greeting and socket timeouts). Default 10 s: a sender claims a
   * mail for a bounded time, and an attempt must end within it.
   */
  readonly timeoutMs?: number;
}

/**
 * Sends over SMTP when `smtpUrl` is set, else writes each mail into `mailboxDir` (the embedded
 * default, for development and the demo). Both build the message the same way (`nodemailerMessageOf`).
 */
export const createMailTransport = ({
  smtpUrl,
  mailboxDir,
  maxConnections = 5,
  timeoutMs = 10_000,
}: MailTransportOptions): MailTransport =>
  smtpUrl
    ? createSmtpTransport(smtpUrl, maxConnections, timeoutMs)
    : createMailboxTransport(mailboxDir);
