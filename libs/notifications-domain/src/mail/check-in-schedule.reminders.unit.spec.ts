import { defaultReminderSettings, nextReminder, remindersDue } from './check-in-schedule';
import { mailIdOf } from './mail-id';
import {
  foldSchedule,
  evolved,
  allKeys,
  kindsAndRoles,
  submitted,
  activated,
  checkInLogged,
  evaluated,
  tenantId,
  goalId,
  employeeId,
  managerId,
  firstDueAt,
  secondDueAt,
  deadline,
  since,
  people,
} from './check-in-schedule.fixtures';

describe('the next reminder of an active goal', () => {
  const schedule = foldSchedule([submitted(), activated()]);

  it('is the check-in due, a day before the check-in', () =>
    expect(nextReminder(schedule)).toEqual({
      kind: 'check-in-due',
      at: '2026-02-15T09:00:00.000Z',
      key: `check-in-due@${firstDueAt}`,
    }));

  it('is the check-in overdue, two days after it, once the due one was made', () =>
    expect(nextReminder({ ...schedule, done: [`check-in-due@${firstDueAt}`] })).toEqual({
      kind: 'check-in-overdue',
      at: '2026-02-18T09:00:00.000Z',
      key: `check-in-overdue@${firstDueAt}`,
    }));

  it('is the remeasurement, at 09:00 UTC on the deadline, once the check-in ones were made', () =>
    expect(
      nextReminder({
        ...schedule,
        done: [`check-in-due@${firstDueAt}`, `check-in-overdue@${firstDueAt}`],
      }),
    ).toEqual({
      kind: 'remeasurement-due',
      at: '2026-07-31T09:00:00.000Z',
      key: `remeasurement-due@${deadline}`,
    }));

  it('skips the due reminder once the overdue one was made', () =>
    expect(nextReminder({ ...schedule, done: [`check-in-overdue@${firstDueAt}`] })?.kind).toBe(
      'remeasurement-due',
    ));

  it('is the remeasurement when the deadline comes before the check-in', () =>
    expect(nextReminder({ ...schedule, deadline: '2026-02-10' })?.kind).toBe('remeasurement-due'));

  it('follows the settings', () =>
    expect(
      nextReminder(
        { ...schedule, done: [`check-in-due@${firstDueAt}`, `check-in-overdue@${firstDueAt}`] },
        { dueLeadMs: 0, overdueAfterMs: 0, remeasureAtUtcHour: 0 },
      )?.at,
    ).toBe('2026-07-31T00:00:00.000Z'));

  it('is none when every reminder was made', () =>
    expect(nextReminder({ ...schedule, done: allKeys(firstDueAt, deadline) })).toBeNull());

  it.each([
    [{ ...defaultReminderSettings, dueLeadMs: -1 }],
    [{ ...defaultReminderSettings, overdueAfterMs: Number.NaN }],
    [{ ...defaultReminderSettings, remeasureAtUtcHour: 24 }],
    [{ ...defaultReminderSettings, remeasureAtUtcHour: 8.5 }],
  ])('refuses settings that are no times: %o', (settings) =>
    expect(() => nextReminder(schedule, settings)).toThrow(RangeError),
  );
});

describe('the reminders due of an active goal', () => {
  const schedule = foldSchedule([submitted(), activated()]);

  it('are none before the first one is due', () =>
    expect(remindersDue(schedule, new Date('2026-02-15T08:59:59.999Z'), since, people)).toEqual({
      mails: [],
      schedule,
    }));

  it('mail the employee and the manager when the check-in is due, and mark it done', () => {
    const { mails, schedule: after } = remindersDue(
      schedule,
      new Date('2026-02-15T09:00:00.000Z'),
      since,
      people,
    );
    const cause = `${goalId}@check-in-due@${firstDueAt}`;
    expect(mails).toEqual([
      {
        mailId: mailIdOf(tenantId, 'check-in-due', employeeId, cause),
        tenantId,
        kind: 'check-in-due',
        role: 'employee',
        recipientId: employeeId,
        facts: { employeeId, goalId, dueAt: firstDueAt, cadence: 'fortnightly' },
        cause,
      },
      {
        mailId: mailIdOf(tenantId, 'check-in-due', managerId, cause),
        tenantId,
        kind: 'check-in-due',
        role: 'manager',
        recipientId: managerId,
        facts: { employeeId, goalId, dueAt: firstDueAt, cadence: 'fortnightly' },
        cause,
      },
    ]);
    expect(after.done).toEqual([`check-in-due@${firstDueAt}`]);
  });

  it('mail only the employee when they have no manager', () =>
    expect(
      remindersDue(schedule, new Date('2026-02-15T09:00:00.000Z'), since, {
        ...people,
        managerOf: () => null,
      }).mails.map(({ recipientId, role }) => [recipientId, role]),
    ).toEqual([[employeeId, 'employee']]));

  it('are not made twice', () => {
    const now = new Date('2026-02-15T10:00:00.000Z');
    const once = remindersDue(schedule, now, since, people);
    expect(remindersDue(once.schedule, now, since, people)).toEqual({
      mails: [],
      schedule: once.schedule,
    });
  });

  it('mail the overdue check-in two days after the due time, when no check-in was logged', () => {
    const reminded = remindersDue(schedule, new Date('2026-02-15T09:00:00.000Z'), since, people);
    const { mails, schedule: after } = remindersDue(
      reminded.schedule,
      new Date('2026-02-18T09:00:00.000Z'),
      since,
      people,
    );
    expect(kindsAndRoles(mails)).toEqual([
      ['check-in-overdue', 'employee'],
      ['check-in-overdue', 'manager'],
    ]);
    expect(after.done).toEqual([`check-in-due@${firstDueAt}`, `check-in-overdue@${firstDueAt}`]);
  });

  it('mail nothing overdue once a check-in moved the due time', () => {
    const reminded = remindersDue(schedule, new Date('2026-02-15T09:00:00.000Z'), since, people);
    const checkedIn = evolved(reminded.schedule, checkInLogged(secondDueAt));
    expect(
      remindersDue(checkedIn, new Date('2026-02-18T09:00:00.000Z'), since, people).mails,
    ).toEqual([]);
  });

  it('come again for the due time a check-in set', () => {
    const checkedIn = evolved(
      remindersDue(schedule, new Date('2026-02-16T09:00:00.000Z'), since, people).schedule,
      checkInLogged(secondDueAt),
    );
    expect(
      remindersDue(checkedIn, new Date('2026-03-01T09:00:00.000Z'), since, people).mails.map(
        ({ kind, facts }) => [kind, facts.dueAt],
      ),
    ).toEqual([
      ['check-in-due', secondDueAt],
      ['check-in-due', secondDueAt],
    ]);
  });

  it('mail only the overdue one after a long stop, marking both done', () => {
    const { mails, schedule: after } = remindersDue(
      schedule,
      new Date('2026-02-20T00:00:00.000Z'),
      since,
      people,
    );
    expect(kindsAndRoles(mails)).toEqual([
      ['check-in-overdue', 'employee'],
      ['check-in-overdue', 'manager'],
    ]);
    expect(after.done).toEqual([`check-in-due@${firstDueAt}`, `check-in-overdue@${firstDueAt}`]);
  });

  it('mail the manager and HR to remeasure on the deadline, never the employee', () => {
    const { mails } = remindersDue(
      { ...schedule, done: [`check-in-due@${firstDueAt}`, `check-in-overdue@${firstDueAt}`] },
      new Date('2026-07-31T09:00:00.000Z'),
      since,
      { ...people, hrContacts: ['emp-0002', employeeId] },
    );
    expect(mails).toEqual([
      expect.objectContaining({
        kind: 'remeasurement-due',
        role: 'manager',
        recipientId: managerId,
        facts: { employeeId, goalId, deadline },
        cause: `${goalId}@remeasurement-due@${deadline}`,
      }),
      expect.objectContaining({ kind: 'remeasurement-due', role: 'hr', recipientId: 'emp-0002' }),
    ]);
  });

  it('mail the overdue check-in and the remeasurement together after a stop past both', () =>
    expect(
      kindsAndRoles(
        remindersDue(schedule, new Date('2026-08-01T00:00:00.000Z'), since, people).mails,
      ),
    ).toEqual([
      ['check-in-overdue', 'employee'],
      ['check-in-overdue', 'manager'],
      ['remeasurement-due', 'manager'],
      ['remeasurement-due', 'hr'],
    ]));

  it('are marked done without a mail when their time was before the service first ran', () => {
    const { mails, schedule: after } = remindersDue(
      schedule,
      new Date('2026-08-01T00:00:00.000Z'),
      new Date('2026-07-31T09:00:00.001Z'),
      people,
    );
    expect(mails).toEqual([]);
    expect(after.done).toEqual(allKeys(firstDueAt, deadline));
    expect(nextReminder(after)).toBeNull();
  });

  it('mail the overdue check-in when only the due one was before the service first ran', () =>
    expect(
      kindsAndRoles(
        remindersDue(
          schedule,
          new Date('2026-02-18T09:00:00.000Z'),
          new Date('2026-02-17T00:00:00.000Z'),
          people,
        ).mails,
      ),
    ).toEqual([
      ['check-in-overdue', 'employee'],
      ['check-in-overdue', 'manager'],
    ]));

  it('follow the settings', () =>
    expect(
      kindsAndRoles(
        remindersDue(schedule, new Date('2026-02-16T09:00:00.000Z'), since, people, {
          ...defaultReminderSettings,
          overdueAfterMs: 0,
        }).mails,
      ),
    ).toEqual([
      ['check-in-overdue', 'employee'],
      ['check-in-overdue', 'manager'],
    ]));
});

describe('the reminders due of a goal that is not active', () => {
  it.each([
    ['submitted', [submitted()]],
    ['closed', [submitted(), activated(), evaluated()]],
  ])('are none when it is %s', (_, history) => {
    const schedule = foldSchedule(history);
    expect(remindersDue(schedule, new Date('2027-01-01T00:00:00.000Z'), since, people)).toEqual({
      mails: [],
      schedule,
    });
  });
});
