import { evolveGoalSchedule, goalIdsOfScheduleEvent, nextReminder } from './check-in-schedule';
import {
  foldSchedule,
  allKeys,
  submitted,
  activated,
  checkInLogged,
  adjusted,
  refused,
  withdrawn,
  evaluated,
  planClosed,
  tenantId,
  goalId,
  employeeId,
  firstDueAt,
  secondDueAt,
  deadline,
} from './check-in-schedule.fixtures';

describe('the schedule of a submitted goal', () => {
  const history = [submitted()];

  it('keeps the deadline of the submitted content and has no check-in due', () =>
    expect(foldSchedule(history)).toEqual({
      tenantId,
      goalId,
      employeeId,
      status: 'submitted',
      cadence: null,
      nextDueAt: null,
      deadline,
      done: [],
    }));

  it('has no reminder yet: nothing is due before the goal is active', () =>
    expect(nextReminder(foldSchedule(history))).toBeNull());

  it('takes the deadline of a resubmission', () =>
    expect(foldSchedule([...history, submitted('2026-08-31')])).toMatchObject({
      deadline: '2026-08-31',
    }));

  it('ignores a check-in: there is none before activation', () =>
    expect(foldSchedule([...history, checkInLogged(secondDueAt)])).toEqual(foldSchedule(history)));
});

describe('the schedule of an active goal', () => {
  const history = [submitted(), activated()];

  it('has the cadence and first due time of the activation and the submitted deadline', () =>
    expect(foldSchedule(history)).toEqual({
      tenantId,
      goalId,
      employeeId,
      status: 'active',
      cadence: 'fortnightly',
      nextDueAt: firstDueAt,
      deadline,
      done: [],
    }));

  it('has no deadline when no submission of the goal was seen', () =>
    expect(foldSchedule([activated()])).toMatchObject({ status: 'active', deadline: null }));

  it('moves the due time to the one a check-in names', () =>
    expect(foldSchedule([...history, checkInLogged(secondDueAt)])).toMatchObject({
      nextDueAt: secondDueAt,
    }));

  it('forgets the reminders of the old due time after a check-in, not that of the deadline', () => {
    const reminded = { ...foldSchedule(history), done: allKeys(firstDueAt, deadline) };
    expect(evolveGoalSchedule(reminded, checkInLogged(secondDueAt))?.done).toEqual([
      `remeasurement-due@${deadline}`,
    ]);
  });

  it('takes the deadline of an adjustment, forgetting the remeasurement reminder of the old one', () => {
    const reminded = { ...foldSchedule(history), done: allKeys(firstDueAt, deadline) };
    expect(evolveGoalSchedule(reminded, adjusted({ deadline: '2026-09-30' }))).toMatchObject({
      deadline: '2026-09-30',
      done: [`check-in-due@${firstDueAt}`, `check-in-overdue@${firstDueAt}`],
    });
  });

  it('keeps its deadline through an adjustment of something else', () =>
    expect(foldSchedule([...history, adjusted({ title: 'Listen first' })])).toEqual(
      foldSchedule(history),
    ));

  it('gets its deadline back when the adjustment that moved it is refused', () =>
    expect(
      foldSchedule([...history, adjusted({ deadline: '2026-09-30' }), refused(deadline)]),
    ).toMatchObject({ deadline }));

  it('does not change when an event is applied twice', () => {
    for (const event of [
      activated(),
      checkInLogged(secondDueAt),
      adjusted({ deadline: '2026-09-30' }),
      refused(deadline),
    ]) {
      const once = foldSchedule([...history, event]);
      expect(foldSchedule([...history, event, event])).toEqual(once);
    }
  });

  it.each([
    ['withdrawn', withdrawn()],
    ['evaluated', evaluated()],
    ['in a plan that closed', planClosed([goalId])],
  ])('is closed once %s, with nothing done kept', (_, event) =>
    expect(
      evolveGoalSchedule({ ...foldSchedule(history), done: allKeys(firstDueAt, deadline) }, event),
    ).toMatchObject({ status: 'closed', done: [] }),
  );

  it('stays active when a plan closes without it', () =>
    expect(foldSchedule([...history, planClosed(['goal-3003'])])).toEqual(foldSchedule(history)));
});

describe('the schedule of a closed goal', () => {
  const history = [submitted(), activated(), withdrawn()];

  it.each([
    ['a check-in', checkInLogged(secondDueAt)],
    ['an adjustment', adjusted({ deadline: '2026-09-30' })],
    ['an activation', activated()],
  ])('does not change with %s', (_, event) =>
    expect(foldSchedule([...history, event])).toEqual(foldSchedule(history)),
  );

  it('has no reminder', () => expect(nextReminder(foldSchedule(history))).toBeNull());

  it('is submitted again when a goal left behind in a closed plan is submitted again', () =>
    expect(
      foldSchedule([submitted(), planClosed([goalId]), submitted('2026-12-31')]),
    ).toMatchObject({ status: 'submitted', deadline: '2026-12-31' }));
});

describe('a goal nobody heard of', () => {
  it.each([
    ['a check-in', checkInLogged(secondDueAt)],
    ['an adjustment', adjusted({ deadline: '2026-09-30' })],
    ['a withdrawal', withdrawn()],
    ['a closed plan', planClosed([goalId])],
  ])('has no schedule after %s', (_, event) =>
    expect(evolveGoalSchedule(undefined, event)).toBeUndefined(),
  );
});

describe('the goals an event moves', () => {
  it('is the goal the event names', () =>
    expect(goalIdsOfScheduleEvent(checkInLogged(secondDueAt))).toEqual([goalId]));

  it('is every goal a closed plan lists', () =>
    expect(goalIdsOfScheduleEvent(planClosed([goalId, 'goal-3003']))).toEqual([
      goalId,
      'goal-3003',
    ]));
});
