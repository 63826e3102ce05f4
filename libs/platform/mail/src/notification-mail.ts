import type { MailAddress, OutgoingMail } from './mail-transport';

/** What a notification says, as the composition wrote it. */
export interface NotificationContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly calendar?: OutgoingMail['calendar'];
}

export interface NotificationMailInput {
  readonly messageId: string;
  readonly from: MailAddress;
  readonly to: MailAddress;
  readonly content: NotificationContent;
  readonly language: OutgoingMail['language'];
  /** The recipient's one-click unsubscribe URL. */
  readonly unsubscribeUrl: string;
  readonly date: Date;
}

/**
 * A notification to a person as it goes out: with the RFC 8058 one-click unsubscribe (the
 * mail client posts the link without a page in between) and marked as automatic (RFC 3834),
 * so that out-of-office replies stay away.
 */
export const notificationMail = (input: NotificationMailInput): OutgoingMail => ({
  messageId: input.messageId,
  from: input.from,
  to: input.to,
  subject: input.content.subject,
  text: input.content.text,
  html: input.content.html,
  language: input.language,
  headers: {
    'List-Unsubscribe': `<${input.unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'Auto-Submitted': 'auto-generated',
  },
  ...(input.content.calendar !== undefined && { calendar: input.content.calendar }),
  date: input.date,
});
