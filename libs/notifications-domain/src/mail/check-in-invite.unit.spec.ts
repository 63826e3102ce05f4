import { expectedCheckInMinutes } from '@talentloop/contracts';
import ICAL from 'ical.js';
import {
  checkInInvite,
  checkInMinutes,
  checkInUid,
  escapeText,
  foldLine,
  overdueCheckInStart,
  type CheckInInvite,
} from './check-in-invite';

const DUE = new Date('2026-03-02T09:00:00.000Z'); // a Monday
const STAMP = new Date('2026-03-01T08:00:00.000Z');

/** The one VEVENT of an invite, as the maintained parser reads it. */
const parsed = (ics: string) => {
  const calendar = ICAL.Component.fromString(ics);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (vevent === null) throw new Error('no VEVENT');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
};

const physicalLines = (ics: string): Buffer[] => {
  const bytes = Buffer.from(ics, 'utf8');
  const lines: Buffer[] = [];
  let start = 0;
  for (let index = 0; index < bytes.length - 1; index += 1) {
    if (bytes[index] === 0x0d && bytes[index + 1] === 0x0a) {
      lines.push(bytes.subarray(start, index));
      start = index + 2;
    }
  }
  return lines;
};

describe('given a check-in invite', () => {
  const ics = checkInInvite(invite());
  const { calendar, vevent, event } = parsed(ics);

  it('then it is a request with one event', () => {
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Talentloop//Check-in reminders//EN');
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1);
  });

  it('then it keeps its uid, sequence and stamp', () => {
    expect(event.uid).toBe('check-in-goal-1-20260302T090000Z@talentloop');
    expect(event.sequence).toBe(0);
    expect(ics).toContain('\r\nDTSTAMP:20260301T080000Z\r\n');
  });

  it('then it starts at the given time and lasts the given minutes, in UTC', () => {
    expect(ics).toContain('\r\nDTSTART:20260302T090000Z\r\n');
    expect(ics).toContain('\r\nDTEND:20260302T092000Z\r\n');
    expect(event.startDate.toJSDate()).toEqual(DUE);
    expect(event.endDate.toJSDate()).toEqual(new Date('2026-03-02T09:20:00.000Z'));
    expect(event.duration.toSeconds()).toBe(20 * 60);
  });

  it('then summary and description read back exactly, punctuation and accents included', () => {
    expect(event.summary).toBe('Check-in met Sanne; één, twee');
    expect(event.description).toBe(invite().description);
  });

  it('then the organizer and the attendee are named, the attendee asked to answer', () => {
    expect(event.organizer).toBe('mailto:noreply@talentloop.example.com');
    expect(vevent.getFirstProperty('organizer')?.getParameter('cn')).toBe('Talentloop');
    const attendee = vevent.getFirstProperty('attendee');
    expect(attendee?.getFirstValue()).toBe('mailto:sanne@example.com');
    expect(attendee?.getParameter('cn')).toBe('Sanne de Vries');
    expect(attendee?.getParameter('role')).toBe('REQ-PARTICIPANT');
    expect(attendee?.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(attendee?.getParameter('rsvp')).toBe('TRUE');
  });

  it('then every line ends in CRLF and none is longer than 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of physicalLines(ics)) expect(line.length).toBeLessThanOrEqual(75);
  });
});

describe('given text that needs escaping and folding', () => {
  const description = `${'Wat ging goed; wat was lastig, en waarom?\nééén stap — één 🙂 '.repeat(6)}\\ einde`;
  const name = 'de Vries, Sanne: "HR"';
  const ics = checkInInvite(
    invite({ description, attendee: { name, email: 'sanne@example.com' } }),
  );

  it('then the parser reads the description back unchanged', () =>
    expect(parsed(ics).event.description).toBe(description));

  it('then no line is longer than 75 octets and no UTF-8 sequence is split', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const lines = physicalLines(ics);
    expect(lines.some((line) => line.length === 75 || line.length === 74)).toBe(true);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => decoder.decode(line)).not.toThrow();
    }
  });

  it('then continuation lines start with a space', () =>
    expect(ics).toMatch(/\r\nDESCRIPTION:[^\r]*\r\n [^\r]*\r\n /));

  it('then a name holding a comma or a colon is quoted, its double quotes made single', () => {
    expect(ics.replace(/\r\n /g, '')).toContain(`ATTENDEE;CN="de Vries, Sanne: 'HR'";ROLE=`);
    expect(parsed(ics).vevent.getFirstProperty('attendee')?.getParameter('cn')).toBe(
      "de Vries, Sanne: 'HR'",
    );
  });
});

describe('escaping and folding', () => {
  it('escapes backslash, semicolon, comma and line breaks as TEXT', () =>
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf'));

  it('drops control characters, which TEXT cannot hold', () =>
    expect(escapeText('a\u0000b\u0007c')).toBe('abc'));

  it('leaves a line of 75 octets whole', () =>
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75)));

  it('folds the 76th octet onto a line that starts with a space', () =>
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`));

  it('moves a multi-byte character whole to the next line rather than split it', () =>
    expect(foldLine(`${'x'.repeat(74)}é`)).toBe(`${'x'.repeat(74)}\r\n é`));
});

describe('refusals', () => {
  it('refuses an address that could forge a line', () =>
    expect(() =>
      checkInInvite(invite({ attendee: { name: 'X', email: 'x@example.com\r\nATTENDEE:y' } })),
    ).toThrow(RangeError));

  it('refuses a negative sequence', () =>
    expect(() => checkInInvite(invite({ sequence: -1 }))).toThrow(RangeError));

  it('refuses a meeting without length', () =>
    expect(() => checkInInvite(invite({ minutes: 0 }))).toThrow(RangeError));
});

describe('the check-in schedule', () => {
  it('gives longer check-ins to longer cadences, all within the expected 15–30 minutes', () => {
    const minutes = (['weekly', 'fortnightly', 'monthly'] as const).map(checkInMinutes);
    expect(minutes).toEqual([15, 20, 30]);
    for (const length of [...minutes, checkInMinutes(undefined)]) {
      expect(length).toBeGreaterThanOrEqual(expectedCheckInMinutes.min);
      expect(length).toBeLessThanOrEqual(expectedCheckInMinutes.max);
    }
  });

  it('names one event per goal and due time, whatever form the time came in', () =>
    expect(checkInUid('goal-1', new Date('2026-03-02T09:00:00Z'))).toBe(
      checkInUid('goal-1', new Date('2026-03-02T10:00:00.000+01:00')),
    ));

  it.each([
    ['a Monday', '2026-03-02T09:00:00.000Z', '2026-03-03T09:00:00.000Z'],
    ['a Thursday', '2026-03-05T14:30:00.000Z', '2026-03-06T14:30:00.000Z'],
    ['a Friday', '2026-03-06T09:00:00.000Z', '2026-03-09T09:00:00.000Z'],
    ['a Saturday', '2026-03-07T09:00:00.000Z', '2026-03-09T09:00:00.000Z'],
    ['a Sunday', '2026-03-08T23:59:00.000Z', '2026-03-09T23:59:00.000Z'],
  ])('moves a check-in overdue since %s to the next working day, same UTC time', (_, due, next) =>
    expect(overdueCheckInStart(new Date(due), new Date(due))).toEqual(new Date(next)),
  );

  it('moves it past the moment the reminder is written, when that is later', () =>
    // Due on a Monday, reminded on Thursday at noon: Friday at the due time is the first ahead.
    expect(
      overdueCheckInStart(
        new Date('2026-03-02T09:00:00.000Z'),
        new Date('2026-03-05T12:00:00.000Z'),
      ),
    ).toEqual(new Date('2026-03-06T09:00:00.000Z')));
});

function invite(overrides: Partial<CheckInInvite> = {}): CheckInInvite {
  return {
    uid: checkInUid('goal-1', DUE),
    sequence: 0,
    start: DUE,
    minutes: 20,
    summary: 'Check-in met Sanne; één, twee',
    description:
      'Drie vragen:\n1. Wat heb je gedaan?\nLink: https://talentloop.example.com/goals/goal-1',
    organizer: 'noreply@talentloop.example.com',
    attendee: { name: 'Sanne de Vries', email: 'sanne@example.com' },
    stamp: STAMP,
    ...overrides,
  };
}
