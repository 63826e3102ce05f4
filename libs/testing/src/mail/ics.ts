import ICAL from 'ical.js';

/** The parts of an iCalendar invite (its first VEVENT) that a mail test checks. */
export interface ParsedInvite {
  /** METHOD of the VCALENDAR, e.g. `REQUEST`; '' when absent. */
  readonly method: string;
  readonly summary: string;
  readonly description: string;
  readonly start: Date;
  readonly end: Date;
  readonly uid: string;
  readonly sequence: number;
  /** The organizer's address, without `mailto:`. */
  readonly organizer: string;
  /** The attendees' addresses, without `mailto:`. */
  readonly attendees: readonly string[];
}

const withoutMailto = (uri: unknown): string =>
  typeof uri === 'string' ? uri.replace(/^mailto:/i, '') : '';

/** Reads an `.ics` text with ical.js; throws when it does not parse or holds no VEVENT. */
export const parseIcs = (content: string): ParsedInvite => {
  // ICAL.parse answers jCal, typed any: one calendar's array.
  const calendar = new ICAL.Component(ICAL.parse(content) as unknown[]);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('the calendar holds no VEVENT');
  const event = new ICAL.Event(vevent);
  return {
    method: String(calendar.getFirstPropertyValue('method') ?? ''),
    summary: event.summary,
    description: event.description,
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    uid: event.uid,
    sequence: event.sequence,
    organizer: withoutMailto(event.organizer),
    attendees: event.attendees.map((attendee) => withoutMailto(attendee.getFirstValue())),
  };
};
