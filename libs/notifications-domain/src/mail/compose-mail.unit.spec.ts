import ICAL from 'ical.js';
import { composeMail, escapeHtml, type ComposeInput } from './compose-mail';
import type { MailFacts, MailKind, MailLanguage, MailRole, PlannedMail } from './mail.types';

/** When the mails are written: before every due time of the fixtures. */
const WRITTEN_AT = new Date('2026-01-01T00:00:00.000Z');

const APP = 'https://talentloop.example.com';
const UNSUBSCRIBE = 'https://talentloop.example.com/unsubscribe?token=abc.def&x=1';
const DUE = '2026-03-06T09:00:00.000Z'; // a Friday
const kinds: readonly MailKind[] = [
  'approval-requested',
  'adjustment-approval-requested',
  'goal-approved',
  'goal-rejected',
  'check-in-due',
  'check-in-overdue',
  'approval-overdue',
  'remeasurement-due',
];
const roles: readonly MailRole[] = ['employee', 'manager', 'hr'];
const languages: readonly MailLanguage[] = ['en', 'nl'];

const eventOf = (ics: string) => {
  const vevent = ICAL.Component.fromString(ics).getFirstSubcomponent('vevent');
  if (vevent === null) throw new Error('no VEVENT');
  return new ICAL.Event(vevent);
};

describe('given a goal submitted for approval', () => {
  describe('when its manager is written to in English', () => {
    const mail = composeMail(input({ kind: 'approval-requested', role: 'manager' }));

    it('then the subject says who asks for what', () =>
      expect(mail.subject).toBe('Sanne de Vries submitted a goal for your approval'));

    it('then the body greets the manager, says what happened and what to do', () => {
      expect(mail.text).toMatch(/^Hi Pieter Jansen,\n\n/);
      expect(mail.text).toContain(
        'Sanne de Vries submitted a development goal and asks for your approval.',
      );
      expect(mail.text).toContain('approve it, or reject it with feedback');
    });

    it('then it links to the approval request', () =>
      expect(mail.text).toContain(`Open the approval request: ${APP}/approvals/req-1`));

    it('then it ends with why it came and the unsubscribe link', () =>
      expect(mail.text).toMatch(
        /\n-- \nYou get this e-mail because you are the manager in a development plan in Talentloop\.\nUnsubscribe: https:\/\/talentloop\.example\.com\/unsubscribe\?token=abc\.def&x=1\n$/,
      ));

    it('then the HTML says the same, the link attribute escaped', () => {
      expect(mail.html).toContain('<html lang="en">');
      expect(mail.html).toContain('<p>Hi Pieter Jansen,</p>');
      expect(mail.html).toContain(`<a href="${APP}/approvals/req-1">Open the approval request</a>`);
      expect(mail.html).toContain(
        '<a href="https://talentloop.example.com/unsubscribe?token=abc.def&amp;x=1">Unsubscribe</a>',
      );
    });

    it('then it carries no invite', () => expect(mail.calendar).toBeUndefined());
  });

  describe('when its manager reads Dutch', () => {
    const mail = composeMail(
      input({ kind: 'approval-requested', role: 'manager' }, { language: 'nl' }),
    );

    it('then subject, greeting, link and footer are in Dutch, informal', () => {
      expect(mail.subject).toBe('Sanne de Vries heeft een doel ter goedkeuring ingediend');
      expect(mail.text).toMatch(/^Hoi Pieter Jansen,\n\n/);
      expect(mail.text).toContain('vraagt je om goedkeuring');
      expect(mail.text).toContain(`Open de goedkeuringsaanvraag: ${APP}/approvals/req-1`);
      expect(mail.text).toContain('Je krijgt deze e-mail omdat je leidinggevende bent');
      expect(mail.text).toContain(`Afmelden: ${UNSUBSCRIBE}`);
      expect(mail.html).toContain('<html lang="nl">');
    });
  });

  describe('when the employee is not known by name', () => {
    it('then the wording is neutral', () => {
      const mail = composeMail(
        input({ kind: 'approval-requested', role: 'manager' }, { about: null }),
      );
      expect(mail.subject).toBe('An employee submitted a goal for your approval');
      expect(mail.text).not.toContain('null');
    });

    it('then the Dutch wording is neutral too', () =>
      expect(
        composeMail(
          input({ kind: 'approval-requested', role: 'manager' }, { about: null, language: 'nl' }),
        ).subject,
      ).toBe('Een medewerker heeft een doel ter goedkeuring ingediend'));
  });

  describe('when the employee who submitted it is written to', () => {
    const mail = composeMail(input({ kind: 'approval-requested', role: 'employee' }));

    it('then it speaks of their own goal and links to it, not to the decision', () => {
      expect(mail.subject).toBe('Your goal was submitted for approval');
      expect(mail.text).toContain(`Open the goal: ${APP}/goals/goal-1`);
      expect(mail.text).not.toContain('/approvals/');
      expect(mail.text).toContain('because you have a development plan');
    });
  });

  it('when no request id is known, then the manager is led to the goal', () =>
    expect(
      composeMail(
        input({ kind: 'approval-requested', role: 'manager', facts: { requestId: undefined } }),
      ).text,
    ).toContain(`Open the goal: ${APP}/goals/goal-1`));
});

describe('given a rejected goal', () => {
  const feedback = 'Make the situation concrete;\nname the meetings, please.';
  const mail = composeMail(input({ kind: 'goal-rejected', role: 'employee', facts: { feedback } }));

  it('then the feedback is quoted in the text', () =>
    expect(mail.text).toContain(
      'gave this feedback:\n\n> Make the situation concrete;\n> name the meetings, please.\n\nRevise the goal',
    ));

  it('then the feedback is quoted in the HTML, its lines kept', () =>
    expect(mail.html).toMatch(
      /<blockquote[^>]*>Make the situation concrete;<br>\nname the meetings, please\.<\/blockquote>/,
    ));

  it('then the employee is asked to revise and resubmit', () => {
    expect(mail.subject).toBe('Your goal needs another look');
    expect(mail.text).toContain('submit it again');
  });
});

describe('given user text that holds markup', () => {
  const hostile = '<script>alert("x")</script> & Co';
  const mail = composeMail(
    input(
      { kind: 'goal-rejected', role: 'manager', facts: { feedback: hostile } },
      { recipientName: hostile, aboutName: `<img src=x onerror=alert(1)>` },
    ),
  );

  it('then the HTML escapes names and feedback', () => {
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain(`<p>Hi ${escapeHtml(hostile)},</p>`);
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('then the HTML title escapes the subject', () =>
    expect(mail.html).toContain(`<title>${escapeHtml(mail.subject)}</title>`));

  it('then the plain text shows the text as written, not entity-encoded', () => {
    expect(mail.text).toContain(`Hi ${hostile},`);
    expect(mail.text).toContain(`> ${hostile}`);
    expect(mail.text).not.toContain('&lt;');
  });
});

describe('given an approval that waits too long', () => {
  it('then the manager reads how many days it waited', () => {
    const mail = composeMail(
      input({ kind: 'approval-overdue', role: 'manager', facts: { pendingDays: 9 } }),
    );
    expect(mail.subject).toBe('Goal of Sanne de Vries awaits your approval for 9 days');
    expect(mail.text).toContain(`${APP}/approvals/req-1`);
  });

  it('then one day is one day, in Dutch too', () =>
    expect(
      composeMail(
        input(
          { kind: 'approval-overdue', role: 'hr', facts: { pendingDays: 1 } },
          { language: 'nl' },
        ),
      ).subject,
    ).toBe('Doel van Sanne de Vries wacht al 1 dag op goedkeuring'));

  it('then HR is told it may decide as delegate', () =>
    expect(
      composeMail(input({ kind: 'approval-overdue', role: 'hr', facts: { pendingDays: 9 } })).text,
    ).toContain('decide as delegate'));
});

describe('given a check-in that is due', () => {
  const facts = { dueAt: DUE, cadence: 'fortnightly' } as const;
  const english = composeMail(input({ kind: 'check-in-due', role: 'employee', facts }));
  const dutch = composeMail(
    input({ kind: 'check-in-due', role: 'manager', facts }, { language: 'nl' }),
  );

  it('then the due time is written per language, in UTC', () => {
    expect(english.subject).toBe('Check-in on your goal due 6 March 2026 at 09:00 UTC');
    expect(dutch.subject).toBe('Check-in met Sanne de Vries gepland op 6 maart 2026 om 09:00 UTC');
  });

  it('then the body names the length and the three questions', () => {
    expect(english.text).toContain('Take 20 minutes with your manager');
    expect(english.text).toContain(
      '- What did you do since the last check-in?\n- What goes well, and what is hard?\n- What will you do next?',
    );
    expect(dutch.text).toContain('- Wat heb je gedaan sinds de vorige check-in?');
  });

  it('then it carries an invite at the due time, for the length of its cadence', () => {
    expect(english.calendar).toMatchObject({ filename: 'check-in.ics', method: 'REQUEST' });
    const event = eventOf(english.calendar?.content ?? '');
    expect(event.sequence).toBe(0);
    expect(event.startDate.toJSDate()).toEqual(new Date(DUE));
    expect(event.duration.toSeconds()).toBe(20 * 60);
    expect(event.summary).toBe('Check-in on your development goal');
    expect(event.attendees[0]?.getFirstValue()).toBe('mailto:recipient@example.com');
    expect(event.organizer).toBe('mailto:noreply@talentloop.example.com');
  });

  it('then the invite asks the three questions in the recipient language and links the goal', () => {
    const event = eventOf(dutch.calendar?.content ?? '');
    expect(event.summary).toBe('Check-in met Sanne de Vries');
    expect(event.description).toBe(
      [
        'Drie vragen voor de check-in:',
        '1. Wat heb je gedaan sinds de vorige check-in?',
        '2. Wat gaat goed, en wat is lastig?',
        '3. Wat ga je hierna doen?',
        '',
        `Open het doel: ${APP}/goals/goal-1`,
      ].join('\n'),
    );
  });

  it('then a weekly check-in takes 15 minutes and a monthly one 30', () => {
    const minutes = (cadence: 'weekly' | 'monthly') =>
      eventOf(
        composeMail(
          input({ kind: 'check-in-due', role: 'employee', facts: { dueAt: DUE, cadence } }),
        ).calendar?.content ?? '',
      ).duration.toSeconds() / 60;
    expect([minutes('weekly'), minutes('monthly')]).toEqual([15, 30]);
  });
});

describe('given a check-in that is overdue', () => {
  const facts = { dueAt: DUE, cadence: 'monthly' } as const;
  const due = composeMail(input({ kind: 'check-in-due', role: 'employee', facts }));
  const overdue = composeMail(input({ kind: 'check-in-overdue', role: 'employee', facts }));
  const event = eventOf(overdue.calendar?.content ?? '');

  it('then its invite updates the same event as the due one', () => {
    expect(event.uid).toBe(eventOf(due.calendar?.content ?? '').uid);
    expect(event.sequence).toBe(1);
  });

  it('then the invite proposes the next working day at the same UTC time', () =>
    expect(event.startDate.toJSDate()).toEqual(new Date('2026-03-09T09:00:00.000Z')));

  it('then the body says when it was due and what the invite proposes', () => {
    expect(overdue.subject).toBe('Check-in on your goal is overdue');
    expect(overdue.text).toContain('was due on 6 March 2026 at 09:00 UTC, and none was logged');
    expect(overdue.text).toContain('the attached invite proposes 9 March 2026 at 09:00 UTC');
  });
});

describe('given a goal at its deadline', () => {
  it('then the employee is asked to remeasure with the baseline instrument, by the deadline', () => {
    const mail = composeMail(
      input({ kind: 'remeasurement-due', role: 'employee', facts: { deadline: '2026-06-30' } }),
    );
    expect(mail.subject).toBe('Time to remeasure your goal');
    expect(mail.text).toContain('reached its deadline of 30 June 2026');
    expect(mail.text).toContain('the same instrument as the baseline');
  });

  it('then the Dutch manager reads the deadline in Dutch', () =>
    expect(
      composeMail(
        input(
          { kind: 'remeasurement-due', role: 'manager', facts: { deadline: '2026-06-30' } },
          { language: 'nl' },
        ),
      ).text,
    ).toContain('heeft zijn deadline van 30 juni 2026 bereikt'));
});

describe('given a mail that lacks what its kind needs', () => {
  it.each([
    ['check-in-due', 'dueAt'],
    ['check-in-overdue', 'dueAt'],
    ['approval-overdue', 'pendingDays'],
    ['remeasurement-due', 'deadline'],
    ['goal-rejected', 'feedback'],
  ] as const)('then a %s without %s is refused', (kind, fact) =>
    expect(() => composeMail(input({ kind, role: 'employee' }))).toThrow(fact),
  );

  it('then a due time that is no date is refused', () =>
    expect(() =>
      composeMail(input({ kind: 'check-in-due', role: 'employee', facts: { dueAt: 'soon' } })),
    ).toThrow(RangeError));
});

describe('given any kind, role and language', () => {
  const everyMail = kinds.flatMap((kind) =>
    roles.flatMap((role) =>
      languages.map((language) => ({
        kind,
        role,
        language,
        mail: composeMail(input({ kind, role, facts: completeFacts() }, { language })),
      })),
    ),
  );

  it.each(everyMail.map(({ kind, role, language, mail }) => [kind, role, language, mail] as const))(
    'then %s for %s in %s has a short subject, a greeting, a link and a footer',
    (kind, _role, language, mail) => {
      expect(mail.subject.length).toBeGreaterThan(10);
      expect(mail.subject.length).toBeLessThanOrEqual(80);
      expect(mail.text).toContain(language === 'en' ? 'Hi Pieter Jansen,' : 'Hoi Pieter Jansen,');
      expect(mail.text).toMatch(new RegExp(`${APP}/(goals|approvals)/`));
      expect(mail.text).toContain(UNSUBSCRIBE);
      expect(`${mail.subject}${mail.text}`).not.toMatch(/undefined|NaN|null|\$\{/);
      expect(mail.text).not.toMatch(/<[a-z/!]/i);
      expect(mail.calendar !== undefined).toBe(
        kind === 'check-in-due' || kind === 'check-in-overdue',
      );
    },
  );

  it('then the wording differs between the employee and the manager for every kind', () => {
    for (const kind of kinds) {
      const subjectFor = (role: MailRole) =>
        everyMail.find((mail) => mail.kind === kind && mail.role === role && mail.language === 'en')
          ?.mail.subject;
      expect(subjectFor('employee')).not.toBe(subjectFor('manager'));
    }
  });
});

describe('given links that need care', () => {
  it('then a trailing slash on the app URL and odd characters in an id make a clean link', () =>
    expect(
      composeMail(
        input(
          { kind: 'goal-approved', role: 'employee', facts: { goalId: 'goal/1?x' } },
          { app: `${APP}/` },
        ),
      ).text,
    ).toContain(`Open the goal: ${APP}/goals/goal%2F1%3Fx`));
});

/** Every fact any kind needs. */
function completeFacts(): Partial<MailFacts> {
  return {
    feedback: 'Name the meetings.',
    pendingDays: 9,
    dueAt: DUE,
    cadence: 'weekly',
    deadline: '2026-06-30',
  };
}

function input(
  mail: Pick<PlannedMail, 'kind' | 'role'> & { facts?: Partial<MailFacts> },
  options: {
    language?: MailLanguage;
    about?: { displayName: string } | null;
    recipientName?: string;
    aboutName?: string;
    app?: string;
  } = {},
): ComposeInput {
  return {
    mail: {
      mailId: 'mail-1',
      tenantId: 'tenant-a',
      kind: mail.kind,
      role: mail.role,
      recipientId: mail.role === 'employee' ? 'emp-1001' : 'emp-0001',
      facts: { employeeId: 'emp-1001', goalId: 'goal-1', requestId: 'req-1', ...mail.facts },
      cause: 'event-1',
    },
    recipient: {
      displayName: options.recipientName ?? 'Pieter Jansen',
      language: options.language ?? 'en',
    },
    about:
      options.about !== undefined
        ? options.about
        : { displayName: options.aboutName ?? 'Sanne de Vries' },
    links: { app: options.app ?? APP, unsubscribe: UNSUBSCRIBE },
    from: 'noreply@talentloop.example.com',
    to: 'recipient@example.com',
    now: WRITTEN_AT,
  };
}
