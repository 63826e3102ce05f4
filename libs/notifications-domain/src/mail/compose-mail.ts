import { checkInInvite, checkInMinutes, checkInUid, overdueCheckInStart } from './check-in-invite';
import { formatDate, formatDateTime, mailTexts, wordingOf, type LanguageTexts } from './mail-text';
import type { MailFacts, MailKind, MailLanguage, PlannedMail } from './mail.types';

export interface MailLinks {
  /** The app's base URL, e.g. https://talentloop.example.com. */
  readonly app: string;
  /** The one-click unsubscribe URL of this recipient. */
  readonly unsubscribe: string;
}

export interface ComposeInput {
  /** `facts.feedback`, when present, is the opened text here, not the sealed one. */
  readonly mail: PlannedMail;
  readonly recipient: { readonly displayName: string; readonly language: MailLanguage };
  /** The employee whose goal it is, when the recipient is someone else; null when unknown. */
  readonly about: { readonly displayName: string } | null;
  readonly links: MailLinks;
  /** The sender's address: the invite's ORGANIZER. */
  readonly from: string;
  /** The recipient's address: the invite's ATTENDEE. */
  readonly to: string;
  /** When the mail is written: the invite's DTSTAMP; an overdue check-in moves to after it. */
  readonly now: Date;
}

export interface MailCalendar {
  readonly filename: string;
  readonly method: 'REQUEST';
  readonly content: string;
}

export interface ComposedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly calendar?: MailCalendar;
}

/** A piece of a mail's body, rendered once as plain text and once as HTML. */
export type MailBlock =
  | { readonly type: 'paragraph'; readonly text: string }
  | { readonly type: 'quote'; readonly text: string }
  | { readonly type: 'link'; readonly label: string; readonly href: string }
  | {
      readonly type: 'list';
      readonly items: readonly {
        readonly text: string;
        readonly detail?: string;
        readonly href?: string;
      }[];
    }
  | {
      readonly type: 'footer';
      readonly text: string;
      readonly label: string;
      readonly href: string;
    };

/** What a kind cannot be written without; a planned mail lacking it is a bug upstream. */
const requiredFacts: Readonly<Record<MailKind, readonly (keyof MailFacts)[]>> = {
  'approval-requested': [],
  'adjustment-approval-requested': [],
  'goal-approved': [],
  // A rejection always comes with feedback; the mail quotes it.
  'goal-rejected': ['feedback'],
  'check-in-due': ['dueAt'],
  'check-in-overdue': ['dueAt'],
  'approval-overdue': ['pendingDays'],
  'remeasurement-due': ['deadline'],
};

/** Kinds that ask the manager (or HR) to decide on an approval request. */
const decisionKinds: ReadonlySet<MailKind> = new Set([
  'approval-requested',
  'adjustment-approval-requested',
  'approval-overdue',
]);

const isCheckIn = (kind: MailKind): kind is 'check-in-due' | 'check-in-overdue' =>
  kind === 'check-in-due' || kind === 'check-in-overdue';

const parseMoment = (value: string, name: string): Date => {
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) throw new RangeError(`${name} ${value} is not a date`);
  return moment;
};

const appUrl = (app: string, ...segments: readonly string[]): string =>
  [app.replace(/\/+$/, ''), ...segments.map(encodeURIComponent)].join('/');

export const goalUrl = (links: MailLinks, goalId: string): string =>
  appUrl(links.app, 'goals', goalId);

/** What a mail says and where it leads, before it is laid out: shared with the digest. */
export interface MailGist {
  readonly language: MailLanguage;
  readonly subject: string;
  readonly happened: string;
  readonly todo: string;
  readonly href: string;
  readonly linkLabel: string;
  /** The check-in's due time, for check-in kinds. */
  readonly dueAt?: Date;
}

/** The mail's wording in `language`, its link, and its check-in's due time. */
export const mailGist = (input: ComposeInput, language: MailLanguage): MailGist => {
  const { kind, role, facts } = input.mail;
  const missing = requiredFacts[kind].filter((fact) => facts[fact] === undefined);
  if (missing.length > 0) {
    throw new RangeError(`mail ${input.mail.mailId} (${kind}) lacks ${missing.join(', ')}`);
  }
  if (
    facts.pendingDays !== undefined &&
    !(Number.isInteger(facts.pendingDays) && facts.pendingDays >= 0)
  ) {
    throw new RangeError(`${facts.pendingDays} is not a number of days`);
  }
  const texts = mailTexts[language];
  const dueAt = facts.dueAt === undefined ? undefined : parseMoment(facts.dueAt, 'dueAt');
  const wording = wordingOf(language, kind, role, {
    About: input.about?.displayName ?? texts.someone.start,
    about: input.about?.displayName ?? texts.someone.within,
    pendingDays: facts.pendingDays ?? 0,
    due: dueAt === undefined ? '' : formatDateTime(language, dueAt),
    proposed:
      dueAt === undefined ? '' : formatDateTime(language, overdueCheckInStart(dueAt, input.now)),
    minutes: checkInMinutes(facts.cadence),
    deadline:
      facts.deadline === undefined
        ? ''
        : formatDate(language, parseMoment(facts.deadline, 'deadline')),
  });
  // Without a request id the goal's page is the way in: it shows the pending request too.
  const requestId = decisionKinds.has(kind) && role !== 'employee' ? facts.requestId : undefined;
  return {
    language,
    ...wording,
    href:
      requestId === undefined
        ? goalUrl(input.links, facts.goalId)
        : appUrl(input.links.app, 'approvals', requestId),
    linkLabel: requestId === undefined ? texts.openGoal : texts.openApproval,
    ...(dueAt === undefined || !isCheckIn(kind) ? {} : { dueAt }),
  };
};

/**
 * The invite of a check-in reminder. The due and the overdue reminder of one check-in are one
 * event (same UID): the due one (SEQUENCE 0) at the due time, the overdue one (SEQUENCE 1)
 * moved to the next working day still ahead at the same UTC time. DTSTAMP is when it is written.
 */
const checkInCalendar = (
  input: ComposeInput,
  texts: LanguageTexts,
  dueAt: Date,
  overdue: boolean,
): MailCalendar => {
  const { mail, recipient, about, links } = input;
  const description = [
    texts.checkIn.questionsIntro,
    ...texts.checkIn.questions.map((question, index) => `${index + 1}. ${question}`),
    '',
    `${texts.openGoal}: ${goalUrl(links, mail.facts.goalId)}`,
  ].join('\n');
  return {
    filename: 'check-in.ics',
    method: 'REQUEST',
    content: checkInInvite({
      uid: checkInUid(mail.facts.goalId, dueAt),
      sequence: overdue ? 1 : 0,
      start: overdue ? overdueCheckInStart(dueAt, input.now) : dueAt,
      minutes: checkInMinutes(mail.facts.cadence),
      summary: texts.checkIn.summary(mail.role, about?.displayName ?? null),
      description,
      organizer: input.from,
      attendee: { name: recipient.displayName, email: input.to },
      stamp: input.now,
    }),
  };
};

/** The footer every mail ends with: why it came, and the one-click way out. */
export const footerBlock = (text: string, texts: LanguageTexts, links: MailLinks): MailBlock => ({
  type: 'footer',
  text,
  label: texts.unsubscribe,
  href: links.unsubscribe,
});

/** One mail to one person, in their language, as plain text and HTML, with its invite. */
export const composeMail = (input: ComposeInput): ComposedMail => {
  const { mail, recipient, links } = input;
  const texts = mailTexts[recipient.language];
  const gist = mailGist(input, recipient.language);
  const feedback = mail.kind === 'goal-rejected' ? mail.facts.feedback : undefined;
  const blocks: MailBlock[] = [
    { type: 'paragraph', text: texts.greeting(recipient.displayName) },
    { type: 'paragraph', text: gist.happened },
    ...(feedback === undefined ? [] : [{ type: 'quote', text: feedback } as const]),
    { type: 'paragraph', text: gist.todo },
    ...(isCheckIn(mail.kind)
      ? [
          { type: 'paragraph', text: texts.checkIn.questionsIntro } as const,
          { type: 'list', items: texts.checkIn.questions.map((text) => ({ text })) } as const,
        ]
      : []),
    { type: 'link', label: gist.linkLabel, href: gist.href },
    footerBlock(texts.because[mail.role], texts, links),
  ];
  return {
    subject: gist.subject,
    text: renderText(blocks),
    html: renderHtml(recipient.language, gist.subject, blocks),
    ...(gist.dueAt === undefined
      ? {}
      : {
          calendar: checkInCalendar(input, texts, gist.dueAt, mail.kind === 'check-in-overdue'),
        }),
  };
};

const textOf = (block: MailBlock): string => {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'quote':
      return block.text
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'list':
      return block.items
        .map(({ text, detail, href }) =>
          [`- ${text}`, ...[detail, href].flatMap((line) => (line ? [`  ${line}`] : []))].join(
            '\n',
          ),
        )
        .join('\n');
    case 'link':
      return `${block.label}: ${block.href}`;
    case 'footer':
      return `-- \n${block.text}\n${block.label}: ${block.href}`;
    default: {
      const unknown: never = block;
      throw new Error(`no text for ${JSON.stringify(unknown)}`);
    }
  }
};

/** The plain-text body: the values as they are, no markup. */
export const renderText = (blocks: readonly MailBlock[]): string =>
  `${blocks.map(textOf).join('\n\n')}\n`;

const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (character) => entities[character] ?? character);

const withBreaks = (value: string): string => escapeHtml(value).replace(/\r\n?|\n/g, '<br>\n');

const anchor = (href: string, label: string): string =>
  `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;

const htmlOf = (block: MailBlock): string => {
  switch (block.type) {
    case 'paragraph':
      return `<p>${withBreaks(block.text)}</p>`;
    case 'quote':
      return `<blockquote style="margin:0 0 1em;padding-left:1em;border-left:3px solid #ccc">${withBreaks(block.text)}</blockquote>`;
    case 'list':
      return `<ul>${block.items
        .map(
          ({ text, detail, href }) =>
            `<li>${href === undefined ? escapeHtml(text) : anchor(href, text)}${
              detail === undefined ? '' : `<br>${escapeHtml(detail)}`
            }</li>`,
        )
        .join('')}</ul>`;
    case 'link':
      return `<p>${anchor(block.href, block.label)}</p>`;
    case 'footer':
      return `<hr><p style="font-size:12px;color:#666">${escapeHtml(block.text)}<br>\n${anchor(block.href, block.label)}</p>`;
    default: {
      const unknown: never = block;
      throw new Error(`no HTML for ${JSON.stringify(unknown)}`);
    }
  }
};

/** The HTML body: the same blocks, every value escaped. */
export const renderHtml = (
  language: MailLanguage,
  subject: string,
  blocks: readonly MailBlock[],
): string =>
  [
    '<!doctype html>',
    `<html lang="${language}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5">',
    ...blocks.map(htmlOf),
    '</body>',
    '</html>',
    '',
  ].join('\n');
