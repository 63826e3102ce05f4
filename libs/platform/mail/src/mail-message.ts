import type { SendMailOptions } from 'nodemailer';
import type { OutgoingMail } from './mail-transport';

/** What may stand between the angle brackets of a Message-ID, and in a file name once escaped. */
const MESSAGE_ID = /^[\x21-\x7e]{1,200}$/;

/** Why `mail` cannot be sent whatever the server, or undefined when it can. */
export const problemOf = (mail: OutgoingMail): string | undefined =>
  MESSAGE_ID.test(mail.messageId) && !/[<>]/.test(mail.messageId)
    ? undefined
    : 'MAIL_INVALID_MESSAGE_ID: printable ASCII without angle brackets or spaces, at most 200 characters';

/** The one message builder: the SMTP and the mailbox transport both hand nodemailer this. */
export const nodemailerMessageOf = (mail: OutgoingMail): SendMailOptions => ({
  messageId: `<${mail.messageId}>`,
  date: mail.date,
  from: { name: mail.from.name, address: mail.from.address },
  to: { name: mail.to.name, address: mail.to.address },
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
  headers: { ...mail.headers, 'Content-Language': mail.language },
  ...(mail.calendar
    ? {
        icalEvent: {
          method: mail.calendar.method,
          filename: mail.calendar.filename,
          content: mail.calendar.content,
        },
      }
    : {}),
});
