import {
  footerBlock,
  mailGist,
  renderHtml,
  renderText,
  type ComposeInput,
  type MailBlock,
  type MailLinks,
} from './compose-mail';
import { formatDate, formatDateTime, mailTexts } from './mail-text';
import type { MailLanguage } from './mail.types';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The next `hourUtc`:00 UTC strictly after `now`: a digest due at this very moment is sent next day. */
export const nextDigestAt = (now: Date, hourUtc: number): Date => {
  if (!Number.isInteger(hourUtc) || hourUtc < 0 || hourUtc > 23) {
    throw new RangeError(`${hourUtc} is not an hour of the day`);
  }
  const startOfDay = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const today = startOfDay + hourUtc * HOUR_MS;
  return new Date(today > now.getTime() ? today : today + DAY_MS);
};

export interface DigestInput {
  /** The mails of one recipient that waited for the digest, in the order they are listed. */
  readonly items: readonly ComposeInput[];
  readonly recipient: { readonly displayName: string; readonly language: MailLanguage };
  readonly links: MailLinks;
  /** The day the digest is of. */
  readonly day: Date;
}

export interface ComposedDigest {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/**
 * One daily e-mail listing what waited: each mail's subject and link, in the recipient's
 * language, the due time beside each check-in. No invites: a digest is a list, not a calendar.
 */
export const composeDigest = ({ items, recipient, links, day }: DigestInput): ComposedDigest => {
  const [first] = items;
  if (first === undefined) throw new RangeError('a digest lists at least one mail');
  const strangers = items.filter(
    ({ mail }) =>
      mail.recipientId !== first.mail.recipientId || mail.tenantId !== first.mail.tenantId,
  );
  if (strangers.length > 0) {
    throw new RangeError(
      `a digest goes to one person; ${strangers.map(({ mail }) => mail.mailId).join(', ')} are for another`,
    );
  }
  const texts = mailTexts[recipient.language];
  const entries = items.map((item) => {
    const gist = mailGist(item, recipient.language);
    const due =
      gist.dueAt === undefined ? undefined : formatDateTime(recipient.language, gist.dueAt);
    // The date is shown once: a check-in's subject may carry it already.
    const detail =
      due === undefined || gist.subject.includes(due) ? undefined : `${texts.digest.due} ${due}`;
    return { text: gist.subject, href: gist.href, ...(detail === undefined ? {} : { detail }) };
  });
  const subject = texts.digest.subject(formatDate(recipient.language, day), items.length);
  const blocks: MailBlock[] = [
    { type: 'paragraph', text: texts.greeting(recipient.displayName) },
    { type: 'paragraph', text: texts.digest.intro },
    { type: 'list', items: entries },
    footerBlock(texts.digest.because, texts, links),
  ];
  return {
    subject,
    text: renderText(blocks),
    html: renderHtml(recipient.language, subject, blocks),
  };
};
