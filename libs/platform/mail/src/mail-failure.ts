import type { NodemailerError } from 'nodemailer';
import type { MailAddress, SendOutcome } from './mail-transport';

/** Anything shaped like an e-mail address, with or without angle brackets around it. */
const ADDRESS = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

/**
 * `text` (a server's answer) without personal data: every e-mail address, and the recipient's
 * name where the server echoed it, replaced by `redacted`. Servers often repeat the address.
 */
export const redacted = (text: string, recipient?: MailAddress): string => {
  const withoutAddresses = text.replace(ADDRESS, 'redacted');
  const name = recipient?.name.trim() ?? '';
  return name.length > 0 ? withoutAddresses.split(name).join('redacted') : withoutAddresses;
};

/**
 * An SMTP reply class says whether the same mail can be accepted later: 5xx no (nodemailer sets
 * `permanent` from it, 503 "bad sequence" excepted), 4xx yes. Anything without a reply (refused,
 * reset, timed out, DNS) is transient. So is a failed login: it is the transport's configuration,
 * not this mail, and the mail goes through once that is fixed.
 */
const isPermanent = (error: NodemailerError): boolean =>
  error.code !== 'EAUTH' &&
  (error.permanent ?? (error.responseCode !== undefined && error.responseCode >= 500));

/**
 * The reason for the delivery log: nodemailer's code, the network error under it, the timeout
 * that ended, and the server's reply redacted. Never `error.message`: it may name the recipient.
 */
export const failedOutcomeOf = (error: unknown, recipient: MailAddress): SendOutcome => {
  const failure = (error ?? {}) as NodemailerError;
  const codes = [failure.code, failure.originalCode, failure.timeoutType].filter(
    (code, index, all): code is string => typeof code === 'string' && all.indexOf(code) === index,
  );
  const reply =
    typeof failure.response === 'string' && failure.response.length > 0
      ? redacted(failure.response, recipient)
      : failure.responseCode !== undefined
        ? String(failure.responseCode)
        : '';
  const command = typeof failure.command === 'string' ? ` after ${redacted(failure.command)}` : '';
  const reason = `${codes.join(' ') || 'EUNKNOWN'}${command}${reply ? `: ${reply}` : ''}`;
  return { kind: 'failed', permanent: isPermanent(failure), reason };
};
