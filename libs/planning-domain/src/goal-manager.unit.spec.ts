import type { PlanningEvent } from '@talentloop/contracts';
import { DeciderSpecification } from '@talentloop/testing';
import {
  acknowledge,
  activated,
  adjust,
  checkIn,
  decided,
  drafted,
  fold,
  ids,
  refuse,
  submitted,
  withdraw,
  twoPracticeActions,
} from './goal.fixtures';
import type { GoalChanges } from './goal-content';
import type { GoalCommand } from './goal.commands';
import { goalDecider } from './goal.decider';
import { IllegalGoalTransition, NotAllowed } from './goal.errors';

/** The manager's side of an active goal: check-ins with their report, adjustments refused. */
const spec = DeciderSpecification.for(goalDecider);
const manager = 'mgr-1';
const notes = 'Visible progress in stand-ups; next, try it when the team disagrees.';

describe("an active goal, on the manager's side", () => {
  const active = () => [drafted(), submitted(1), activated()];

  it('takes a check-in the manager logs, with their notes beside the answers', () =>
    spec
      .given(active())
      .when(checkIn('2026-03-10T09:00:00.000Z', [], { loggedBy: manager, managerNotes: notes }))
      .thenState((state) =>
        expect(state).toMatchObject({ nextCheckInDueAt: '2026-03-24T09:00:00.000Z' }),
      ));
  it('records who logged the check-in and the notes of both sides', () =>
    expect(
      goalDecider.decide(
        checkIn('2026-03-10T09:00:00.000Z', [], { loggedBy: manager, managerNotes: notes }),
        fold(active()),
      ),
    ).toMatchObject([
      {
        type: 'CheckInLogged',
        data: {
          ...ids,
          loggedBy: manager,
          managerNotes: notes,
          answers: { whatIsNext: 'Ask one deepening question per meeting.' },
        },
      },
    ]));
  it('takes a check-in the manager logs without notes', () =>
    expect(
      goalDecider.decide(
        checkIn('2026-03-10T09:00:00.000Z', [], { loggedBy: manager }),
        fold(active()),
      )[0]?.data,
    ).not.toHaveProperty('managerNotes'));
  it("refuses the manager's notes from the employee: their side is the answers", () =>
    spec
      .given(active())
      .when(
        checkIn('2026-03-10T09:00:00.000Z', [], { loggedBy: ids.employeeId, managerNotes: notes }),
      )
      .thenThrows(NotAllowed, "the employee cannot write the manager's notes"));
});

describe('an adjustment awaiting the manager', () => {
  const active = () => [drafted(), submitted(1), activated()];
  const draftedDeadline = '2026-07-31';
  /** The deadline moved to September, then to October: both await the manager. */
  const twoDeadlines = (...then: GoalCommand[]) =>
    decided(
      active(),
      adjust({ deadline: '2026-09-30' }),
      adjust({ deadline: '2026-08-31' }, 'adj-2'),
      ...then,
    );
  const refusal = (restored: GoalChanges, adjustmentId = 'adj-1'): PlanningEvent => ({
    type: 'GoalAdjustmentRefused',
    data: {
      ...ids,
      adjustmentId,
      reason: 'The leave is covered by the milestones; keep the deadline.',
      refusedBy: manager,
      restored,
    },
  });

  it('is refused with a reason: not in force, the deadline back as before it', () =>
    spec
      .given(decided(active(), adjust({ deadline: '2026-09-30' })))
      .when(refuse())
      .then([refusal({ deadline: draftedDeadline })]));
  it('once refused leaves the goal active on its content from before, awaiting nothing', () =>
    spec
      .given(decided(active(), adjust({ deadline: '2026-09-30' })))
      .when(refuse())
      .thenState((state) =>
        expect(state).toMatchObject({
          status: 'active',
          content: { deadline: draftedDeadline },
          pendingAdjustments: [],
        }),
      ));
  it('sets back only the fields it changed that no later adjustment changed again', () =>
    spec
      .given(
        decided(
          active(),
          adjust({ deadline: '2026-09-30', title: 'Listen first' }),
          adjust({ title: 'Listen first, then speak' }, 'adj-2'),
        ),
      )
      .when(refuse())
      .thenState((state) =>
        expect(state).toMatchObject({
          content: { deadline: draftedDeadline, title: 'Listen first, then speak' },
        }),
      ));
  it('keeps a later pending value, which a refusal of its own then sets back to before both', () => {
    spec
      .given(twoDeadlines())
      .when(refuse())
      .then([refusal({})]);
    spec
      .given(twoDeadlines(refuse()))
      .when(refuse('adj-2'))
      .then([refusal({ deadline: draftedDeadline }, 'adj-2')]);
  });
  it('refused after a later one, goes back to the value from before it', () =>
    spec
      .given(twoDeadlines(refuse('adj-2')))
      .when(refuse())
      .then([refusal({ deadline: draftedDeadline })]));
  it('keeps the value of a later adjustment the manager acknowledged', () =>
    spec
      .given(twoDeadlines(acknowledge('adj-2')))
      .when(refuse())
      .thenState((state) => expect(state).toMatchObject({ content: { deadline: '2026-08-31' } })));
  it('is decided once: an agreement after the refusal changes nothing', () =>
    spec
      .given(decided(active(), adjust({ deadline: '2026-09-30' }), refuse()))
      .when(acknowledge())
      .then([]));
  it('is decided once: a refusal after the agreement changes nothing', () =>
    spec
      .given(decided(active(), adjust({ deadline: '2026-09-30' }), acknowledge()))
      .when(refuse())
      .then([]));
  it('is the only kind refused: a change of actions needs no decision, and is kept', () =>
    spec
      .given(decided(active(), adjust({ actions: [...twoPracticeActions] })))
      .when(refuse())
      .then([]));
  it('cannot be refused once the goal is withdrawn, naming its state', () =>
    spec
      .given(decided(active(), adjust({ deadline: '2026-09-30' }), withdraw()))
      .when(refuse())
      .thenThrows(IllegalGoalTransition, 'a withdrawn goal cannot be set back by a refusal'));
});
