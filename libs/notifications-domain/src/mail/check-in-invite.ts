import { expectedCheckInMinutes } from '@talentloop/contracts';
import type { CheckInCadence } from './mail.types';

/**
 * The iCalendar invite (RFC 5545, METHOD:REQUEST as RFC 5546 says) that a check-in reminder
 * carries, so the conversation lands in the recipient's calendar.
 */
export interface CheckInInvite {
  /** The same for every invite of one check-in, so a later one updates the earlier event. */
  readonly uid: string;
  /** Raised by each update of the same event; a calendar keeps the highest. */
  readonly sequence: number;
  readonly start: Date;
  readonly minutes: number;
  readonly summary: string;
  readonly description: string;
  /** The sender's address. */
  readonly organizer: string;
  readonly attendee: { readonly name: string; readonly email: string };
  /** When this version of the invite was made (DTSTAMP). */
  readonly stamp: Date;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Minutes a check-in gets by cadence: the longer the stretch it looks back on, the longer. */
const minutesByCadence: Readonly<Record<CheckInCadence, number>> = {
  weekly: expectedCheckInMinutes.min,
  fortnightly: 20,
  monthly: expectedCheckInMinutes.max,
};

/** A check-in's length, within the expected 15–30 minutes; the shortest when no cadence is known. */
export const checkInMinutes = (cadence: CheckInCadence | undefined): number =>
  cadence === undefined ? expectedCheckInMinutes.min : minutesByCadence[cadence];

/**
 * Where an overdue check-in's invite moves the event: the first working day (Monday to Friday,
 * no holidays known here) after it was due that is still ahead when the reminder is written
 * (`now`), at the same UTC time as it was due.
 */
export const overdueCheckInStart = (dueAt: Date, now: Date): Date => {
  let next = new Date(dueAt.getTime() + DAY_MS);
  while (next.getTime() <= now.getTime() || next.getUTCDay() === 0 || next.getUTCDay() === 6) {
    next = new Date(next.getTime() + DAY_MS);
  }
  return next;
};

/** `YYYYMMDDTHHMMSSZ`, the UTC form of DATE-TIME. */
export const icsDateTime = (moment: Date): string => {
  if (Number.isNaN(moment.getTime())) throw new RangeError('an invalid date has no iCalendar form');
  return `${moment.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
};

/** One event per check-in: the goal and the moment it was due name it. */
export const checkInUid = (goalId: string, dueAt: Date): string =>
  `check-in-${goalId}-${icsDateTime(dueAt)}@talentloop`;

// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
// eslint-disable-next-line no-control-regex -- and what an address must not hold
const HAS_CONTROL = /[\u0000-\u001F\u007F]/;

/** TEXT values: backslash, semicolon and comma escaped, line breaks as `\n`, no controls. */
export const escapeText = (value: string): string =>
  value
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, '')
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replace(/\n/g, '\\n');

/** A parameter value (CN): quoted when it holds `:`, `;` or `,`; DQUOTE and controls cannot appear. */
const parameterValue = (value: string): string => {
  const clean = value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(CONTROLS, '')
    .replace(/"/g, "'");
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
};

/** A calendar address; refused rather than escaped, as a line break in it would forge lines. */
const mailto = (address: string): string => {
  if (!/^[^\s@]+@[^\s@]+$/.test(address) || HAS_CONTROL.test(address)) {
    throw new RangeError(`${JSON.stringify(address)} is not an e-mail address`);
  }
  return `mailto:${address}`;
};

const octets = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * Folds a content line at 75 octets: each continuation line starts with a space, which counts
 * towards its 75, and no UTF-8 sequence (no code point) is split.
 */
export const foldLine = (line: string): string => {
  const lines: string[] = [];
  let current = '';
  let size = 0;
  for (const character of line) {
    const width = octets(character);
    if (size + width > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      size = 1;
    }
    current += character;
    size += width;
  }
  lines.push(current);
  return lines.join(CRLF);
};

/** The invite as an iCalendar object, CRLF line endings, folded at 75 octets. */
export const checkInInvite = (invite: CheckInInvite): string => {
  if (!Number.isInteger(invite.sequence) || invite.sequence < 0) {
    throw new RangeError(`sequence ${invite.sequence} is not a non-negative integer`);
  }
  if (!Number.isInteger(invite.minutes) || invite.minutes <= 0) {
    throw new RangeError(`${invite.minutes} minutes is not a length of a meeting`);
  }
  const end = new Date(invite.start.getTime() + invite.minutes * MINUTE_MS);
  return (
    [
      'BEGIN:VCALENDAR',
      'PRODID:-//Talentloop//Check-in reminders//EN',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      `UID:${escapeText(invite.uid)}`,
      `SEQUENCE:${invite.sequence}`,
      `DTSTAMP:${icsDateTime(invite.stamp)}`,
      `DTSTART:${icsDateTime(invite.start)}`,
      `DTEND:${icsDateTime(end)}`,
      `SUMMARY:${escapeText(invite.summary)}`,
      `DESCRIPTION:${escapeText(invite.description)}`,
      `ORGANIZER;CN=Talentloop:${mailto(invite.organizer)}`,
      `ATTENDEE;CN=${parameterValue(invite.attendee.name)};ROLE=REQ-PARTICIPANT;` +
        `PARTSTAT=NEEDS-ACTION;RSVP=TRUE:${mailto(invite.attendee.email)}`,
      'STATUS:CONFIRMED',
      'TRANSP:OPAQUE',
      'END:VEVENT',
      'END:VCALENDAR',
    ]
      .map(foldLine)
      .join(CRLF) + CRLF
  );
};
