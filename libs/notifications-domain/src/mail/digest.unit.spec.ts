import type { ComposeInput } from './compose-mail';
import { composeDigest, nextDigestAt } from './digest';
import type { MailFacts, MailKind, MailLanguage, MailRole } from './mail.types';

/** When the mails are written: before every due time of the fixtures. */
const WRITTEN_AT = new Date('2026-01-01T00:00:00.000Z');

const APP = 'https://talentloop.example.com';
const UNSUBSCRIBE = `${APP}/unsubscribe?token=abc.def`;
const DAY = new Date('2026-03-02T07:00:00.000Z');
const PIETER = { displayName: 'Pieter Jansen', language: 'en' } as const;
const LINKS = { app: APP, unsubscribe: UNSUBSCRIBE };

describe('the time of the next digest', () => {
  it.each([
    ['before the hour', '2026-03-02T06:59:59.999Z', 7, '2026-03-02T07:00:00.000Z'],
    ['at the hour itself', '2026-03-02T07:00:00.000Z', 7, '2026-03-03T07:00:00.000Z'],
    ['after the hour', '2026-03-02T07:00:00.001Z', 7, '2026-03-03T07:00:00.000Z'],
    [
      'just before midnight, for midnight',
      '2026-03-02T23:59:59.000Z',
      0,
      '2026-03-03T00:00:00.000Z',
    ],
    ['at the end of a month', '2026-02-28T18:00:00.000Z', 17, '2026-03-01T17:00:00.000Z'],
    ['at the end of a year', '2026-12-31T23:30:00.000Z', 23, '2027-01-01T23:00:00.000Z'],
  ])('given a moment %s, then it is the next occurrence strictly after it', (_, now, hour, next) =>
    expect(nextDigestAt(new Date(now), hour)).toEqual(new Date(next)),
  );

  it.each([-1, 24, 7.5, Number.NaN])('given hour %s, then it is refused', (hour) =>
    expect(() => nextDigestAt(DAY, hour)).toThrow(RangeError),
  );
});

describe('given what waited for a manager who reads English', () => {
  const items = [
    item('approval-requested', 'manager', { requestId: 'req-7' }),
    item('check-in-overdue', 'manager', { dueAt: '2026-02-27T09:00:00.000Z', cadence: 'weekly' }),
    item('check-in-due', 'manager', { dueAt: '2026-03-04T13:30:00.000Z', cadence: 'weekly' }),
    item('approval-overdue', 'manager', { requestId: 'req-8', pendingDays: 9 }),
  ];
  const digest = composeDigest({ items, recipient: PIETER, links: LINKS, day: DAY });

  it('then the subject counts the updates of the day', () =>
    expect(digest.subject).toBe('Talentloop: 4 updates of 2 March 2026'));

  it('then the text lists each subject with its link, in the given order', () =>
    expect(digest.text).toBe(
      [
        'Hi Pieter Jansen,',
        '',
        'Here is what happened in Talentloop:',
        '',
        '- Sanne de Vries submitted a goal for your approval',
        `  ${APP}/approvals/req-7`,
        '- Check-in with Sanne de Vries is overdue',
        '  Due 27 February 2026 at 09:00 UTC',
        `  ${APP}/goals/goal-1`,
        '- Check-in with Sanne de Vries due 4 March 2026 at 13:30 UTC',
        `  ${APP}/goals/goal-1`,
        '- Goal of Sanne de Vries awaits your approval for 9 days',
        `  ${APP}/approvals/req-8`,
        '',
        '-- ',
        'You get this e-mail because you chose one daily e-mail for your Talentloop notifications.',
        `Unsubscribe: ${UNSUBSCRIBE}`,
        '',
      ].join('\n'),
    ));

  it('then the HTML lists the same, each subject a link', () => {
    expect(digest.html).toContain(
      `<li><a href="${APP}/approvals/req-7">Sanne de Vries submitted a goal for your approval</a></li>`,
    );
    expect(digest.html).toContain(
      `<li><a href="${APP}/goals/goal-1">Check-in with Sanne de Vries is overdue</a><br>Due 27 February 2026 at 09:00 UTC</li>`,
    );
    expect(digest.html).toContain(`<a href="${UNSUBSCRIBE}">Unsubscribe</a>`);
  });

  it('then it carries no invite', () => expect(digest).not.toHaveProperty('calendar'));
});

describe('given what waited for an employee who reads Dutch', () => {
  const items = [
    item('goal-approved', 'employee', {}, { language: 'en', about: null }),
    item('check-in-overdue', 'employee', { dueAt: '2026-02-27T09:00:00.000Z' }, { about: null }),
  ];
  const digest = composeDigest({
    items,
    recipient: { displayName: 'Sanne de Vries', language: 'nl' },
    links: LINKS,
    day: DAY,
  });

  it('then all of it is in the recipient language, whatever the items say', () => {
    expect(digest.subject).toBe('Talentloop: 2 updates van 2 maart 2026');
    expect(digest.text).toContain('Hoi Sanne de Vries,');
    expect(digest.text).toContain('- Je doel is goedgekeurd\n');
    expect(digest.text).toContain(
      '- Check-in over je doel is verlopen\n  Gepland op 27 februari 2026 om 09:00 UTC\n',
    );
    expect(digest.text).toContain(`Afmelden: ${UNSUBSCRIBE}`);
  });

  it('then a single update is one update', () =>
    expect(
      composeDigest({
        items: items.slice(0, 1),
        recipient: { displayName: 'Sanne', language: 'en' },
        links: LINKS,
        day: DAY,
      }).subject,
    ).toBe('Talentloop: 1 update of 2 March 2026'));
});

describe('given user text that holds markup', () => {
  const hostile = '<script>alert(1)</script>';
  const digest = composeDigest({
    items: [item('goal-approved', 'manager', {}, { about: { displayName: hostile } })],
    recipient: { displayName: hostile, language: 'en' },
    links: LINKS,
    day: DAY,
  });

  it('then the HTML escapes it and the text shows it as written', () => {
    expect(digest.html).not.toContain('<script>');
    expect(digest.html).toContain('Goal of &lt;script&gt;alert(1)&lt;/script&gt; approved');
    expect(digest.html).toContain('<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;,</p>');
    expect(digest.text).toContain(`- Goal of ${hostile} approved`);
  });
});

describe('refusals', () => {
  it('refuses a digest of nothing', () =>
    expect(() => composeDigest({ items: [], recipient: PIETER, links: LINKS, day: DAY })).toThrow(
      RangeError,
    ));

  it('refuses mails for different people in one digest', () =>
    expect(() =>
      composeDigest({
        items: [item('goal-approved', 'manager'), item('goal-approved', 'employee')],
        recipient: PIETER,
        links: LINKS,
        day: DAY,
      }),
    ).toThrow('one person'));
});

function item(
  kind: MailKind,
  role: MailRole,
  facts: Partial<MailFacts> = {},
  options: { language?: MailLanguage; about?: { displayName: string } | null } = {},
): ComposeInput {
  return {
    mail: {
      mailId: `mail-${kind}`,
      tenantId: 'tenant-a',
      kind,
      role,
      recipientId: role === 'employee' ? 'emp-1001' : 'emp-0001',
      facts: { employeeId: 'emp-1001', goalId: 'goal-1', ...facts },
      cause: `cause-${kind}`,
    },
    recipient: { displayName: 'Pieter Jansen', language: options.language ?? 'en' },
    about: options.about !== undefined ? options.about : { displayName: 'Sanne de Vries' },
    links: { app: APP, unsubscribe: UNSUBSCRIBE },
    from: 'noreply@talentloop.example.com',
    to: 'pieter@example.com',
    now: WRITTEN_AT,
  };
}
