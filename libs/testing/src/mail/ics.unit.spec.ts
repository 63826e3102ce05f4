import { parseIcs } from './ics';

describe('parseIcs', () => {
  it('reads the method and the first event of an invite', () => {
    const invite = parseIcs(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Talentloop//Test//EN',
        'METHOD:REQUEST',
        'BEGIN:VEVENT',
        'UID:u-1@talentloop',
        'SEQUENCE:2',
        'DTSTAMP:20260302T093000Z',
        'DTSTART:20260309T090000Z',
        'DTEND:20260309T093000Z',
        'SUMMARY:Check-in',
        'DESCRIPTION:Bespreek je doel',
        'ORGANIZER:mailto:noreply@talentloop.test',
        'ATTENDEE;CN=A:mailto:a@example.com',
        'ATTENDEE;CN=B:MAILTO:b@example.com',
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n'),
    );

    expect(invite).toEqual({
      method: 'REQUEST',
      summary: 'Check-in',
      description: 'Bespreek je doel',
      start: new Date('2026-03-09T09:00:00Z'),
      end: new Date('2026-03-09T09:30:00Z'),
      uid: 'u-1@talentloop',
      sequence: 2,
      organizer: 'noreply@talentloop.test',
      attendees: ['a@example.com', 'b@example.com'],
    });
  });

  it('throws on a calendar without an event', () => {
    expect(() => parseIcs('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n')).toThrow(
      'the calendar holds no VEVENT',
    );
  });
});
