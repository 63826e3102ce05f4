import {
  formatDate,
  formatDateTime,
  mailTexts,
  wordingOf,
  type MailWording,
  type WordingFacts,
} from './mail-text';
import type { MailKind, MailRole } from './mail.types';

const MOMENT = new Date('2026-03-02T21:05:00.000Z');
const kinds = Object.keys(mailTexts.en.kinds) as MailKind[];
const roles: readonly MailRole[] = ['employee', 'manager', 'hr'];

describe('dates in the mails', () => {
  it('writes a moment in English, in UTC and saying so', () =>
    expect(formatDateTime('en', MOMENT)).toBe('2 March 2026 at 21:05 UTC'));

  it('writes a moment in Dutch, in UTC and saying so', () =>
    expect(formatDateTime('nl', MOMENT)).toBe('2 maart 2026 om 21:05 UTC'));

  it('reads a day in UTC, so a moment late in the day is not the next one anywhere', () => {
    expect(formatDate('en', new Date('2026-06-30T23:30:00.000Z'))).toBe('30 June 2026');
    expect(formatDate('nl', new Date('2026-06-30'))).toBe('30 juni 2026');
  });
});

describe('the wording tables', () => {
  it('hold every kind in both languages', () =>
    expect(Object.keys(mailTexts.nl.kinds).sort()).toEqual([...kinds].sort()));

  it('give HR the manager wording where HR has none of its own', () =>
    expect(wordingOf('en', 'goal-approved', 'hr', facts())).toEqual(
      wordingOf('en', 'goal-approved', 'manager', facts()),
    ));

  it('give HR its own wording where it differs', () =>
    expect(wordingOf('en', 'approval-overdue', 'hr', facts()).todo).toBe(
      'Remind the manager, or decide as delegate.',
    ));

  it('address Dutch readers informally, with je and never u', () => {
    const dutch = kinds.flatMap((kind) =>
      roles.flatMap((role) => linesOf(wordingOf('nl', kind, role, facts()))),
    );
    expect(dutch.some((line) => /\bje\b/.test(line))).toBe(true);
    for (const line of dutch) expect(line).not.toMatch(/\b(u|uw)\b/i);
  });

  it('ask the three check-in questions of the design, in both languages', () => {
    expect(mailTexts.en.checkIn.questions).toEqual([
      'What did you do since the last check-in?',
      'What goes well, and what is hard?',
      'What will you do next?',
    ]);
    expect(mailTexts.nl.checkIn.questions).toHaveLength(3);
  });

  it('write no markup, so that only the HTML renderer decides what is escaped', () => {
    for (const language of ['en', 'nl'] as const) {
      for (const kind of kinds) {
        for (const role of roles) {
          for (const line of linesOf(wordingOf(language, kind, role, facts()))) {
            expect(line).not.toMatch(/[<>&]/);
          }
        }
      }
    }
  });
});

function linesOf({ subject, happened, todo }: MailWording): string[] {
  return [subject, happened, todo];
}

function facts(): WordingFacts {
  return {
    About: 'Sanne de Vries',
    about: 'Sanne de Vries',
    pendingDays: 9,
    due: '2 March 2026 at 09:00 UTC',
    proposed: '3 March 2026 at 09:00 UTC',
    minutes: 15,
    deadline: '30 June 2026',
  };
}
