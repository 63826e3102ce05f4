import { createTransport } from 'nodemailer';
import { failedOutcomeOf, redacted } from './mail-failure';
import { nodemailerMessageOf, problemOf } from './mail-message';
import type { MailTransport } from './mail-transport';

/** `smtp://host:port` of `smtpUrl`, without user, password or options. */
export const describeSmtpUrl = (smtpUrl: string): string => {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return `${url.protocol}//${url.hostname}:${url.port || (secure ? 465 : 587)}`;
};

/**
 * Pooled SMTP: up to `maxConnections` connections, each reused for the next mail. Options in
 * `smtpUrl`'s query (e.g. `?pool=false`) are nodemailer's and win over these.
 */
export const createSmtpTransport = (
  smtpUrl: string,
  maxConnections: number,
  timeoutMs = 10_000,
): MailTransport => {
  if (!(Number.isInteger(maxConnections) && maxConnections > 0))
    throw new RangeError(`maxConnections must be a positive whole number, not ${maxConnections}`);
  const description = describeSmtpUrl(smtpUrl);
  const transporter = createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    description,
    send: async (mail) => {
      const problem = problemOf(mail);
      if (problem) return { kind: 'failed', permanent: true, reason: problem };
      try {
        const { response } = await transporter.sendMail(nodemailerMessageOf(mail));
        return { kind: 'sent', response: redacted(response, mail.to) };
      } catch (error) {
        return failedOutcomeOf(error, mail.to);
      }
    },
    close: () => {
      transporter.close();
      return Promise.resolve();
    },
  };
};
