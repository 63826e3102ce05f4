import { DeciderSpecification } from '@talentloop/testing';
import {
  acknowledge,
  activate,
  activated,
  adjust,
  adjusted,
  answers,
  checkIn,
  completed,
  drafted,
  edit,
  edited,
  evaluate,
  fold,
  ids,
  remeasurement,
  submit,
  submitted,
  twoCriteria,
  withdraw,
} from './goal.fixtures';
import { goalDecider } from './goal.decider';
import { AdjustmentNotPending, IllegalGoalTransition, UnknownAction } from './goal.errors';

const spec = DeciderSpecification.for(goalDecider);

describe('a submitted goal', () => {
  it('is activated by its approval, with the first check-in due one cadence later', () =>
    spec
      .given([drafted(), submitted(1)])
      .when(activate(1))
      .then([
        {
          type: 'GoalActivated',
          data: {
            ...ids,
            planId: 'plan-2001',
            approvalRequestId: 'apr-4001',
            checkInCadence: 'fortnightly',
            nextCheckInDueAt: '2026-03-15T09:00:00.000Z',
          },
        },
      ]));
  it('ignores the approval of an earlier submission', () =>
    spec
      .given([drafted(), submitted(1), edited(), submitted(2)])
      .when(activate(1))
      .then([]));
  it('cannot be edited while the manager decides, naming its state', () =>
    spec
      .given([drafted(), submitted(1)])
      .when(edit())
      .thenThrows(IllegalGoalTransition, 'a submitted goal cannot be edited'));
  it('is withdrawn and frees its slot', () =>
    spec
      .given([drafted(), submitted(1)])
      .when(withdraw())
      .thenState((state) => expect(state.status).toBe('withdrawn')));
});

describe('a rejected goal', () => {
  it('is revised by an edit', () =>
    spec
      .given([drafted(), submitted(1)])
      .when(edit(1))
      .thenState((state) => expect(state.status).toBe('revised')));
  it('is resubmitted after revision as the next submission', () =>
    spec
      .given([drafted(), submitted(1), edited()])
      .when(submit())
      .thenState((state) =>
        expect(state).toMatchObject({ status: 'submitted', submissionNumber: 2 }),
      ));
  it('is resubmitted unchanged when the employee disagrees with the feedback', () =>
    spec
      .given([drafted(), submitted(1)])
      .when(submit({ rejectedSubmission: 1 }))
      .thenState((state) => expect(state).toMatchObject({ submissionNumber: 2 })));
});

describe('an active goal', () => {
  const active = () => [drafted(), submitted(1), activated()];

  it('ignores a redelivered approval', () => spec.given(active()).when(activate(1)).then([]));
  it('logs an on-time check-in by the employee and sets the next one due', () =>
    spec
      .given(active())
      .when(checkIn('2026-03-10T09:00:00.000Z', []))
      .then([
        {
          type: 'CheckInLogged',
          data: {
            ...ids,
            checkInId: 'chk-1',
            answers,
            durationMinutes: 20,
            actionsTicked: [],
            nextDueAt: '2026-03-24T09:00:00.000Z',
            onTime: true,
            loggedBy: 'emp-1001',
          },
        },
      ]));
  it('marks a check-in after its due date as late', () =>
    spec
      .given(active())
      .when(checkIn('2026-03-20T09:00:00.000Z', []))
      .thenState((state) =>
        expect(state).toMatchObject({ nextCheckInDueAt: '2026-04-03T09:00:00.000Z' }),
      ));
  it('completes the actions ticked at a check-in', () =>
    spec
      .given(active())
      .when(checkIn('2026-03-10T09:00:00.000Z', ['act-1']))
      .thenState((state) => expect(state).toMatchObject({ completedActionIds: ['act-1'] })));
  it('completes an action once, however often it is ticked', () => {
    const events = goalDecider.decide(
      checkIn('2026-03-10T09:00:00.000Z', ['act-1']),
      [...active(), completed('act-1')].reduce(goalDecider.evolve, goalDecider.initialState()),
    );
    expect(events.map((event) => event.type)).toEqual(['CheckInLogged']);
  });
  it('refuses a check-in ticking an action the goal does not have', () =>
    spec
      .given(active())
      .when(checkIn('2026-03-10T09:00:00.000Z', ['act-9']))
      .thenThrows(UnknownAction, /act-9/));
  it('asks the manager to acknowledge a changed deadline', () =>
    spec
      .given(active())
      .when(adjust({ deadline: '2026-09-30' }))
      .thenState((state) =>
        expect(state).toMatchObject({
          pendingAdjustments: [
            { adjustmentId: 'adj-1', replaced: { deadline: '2026-07-31' }, changedAgain: [] },
          ],
        }),
      ));
  it('changes actions without asking for acknowledgement', () =>
    spec
      .given(active())
      .when(adjust({ actions: [] }))
      .thenState((state) => expect(state).toMatchObject({ pendingAdjustments: [] })));
  it('records the manager acknowledging an adjustment', () =>
    spec
      .given([...active(), adjusted()])
      .when(acknowledge())
      .thenState((state) => expect(state).toMatchObject({ pendingAdjustments: [] })));
  it('refuses to acknowledge an adjustment twice', () =>
    spec
      .given([...active(), adjusted()])
      .when(acknowledge())
      .thenState((state) =>
        expect(() => goalDecider.decide(acknowledge(), state)).toThrow(AdjustmentNotPending),
      ));
  it('is withdrawn', () =>
    spec
      .given(active())
      .when(withdraw())
      .then([
        {
          type: 'GoalWithdrawn',
          data: { ...ids, reason: 'Moved to another team.', withdrawnBy: 'emp-1001' },
        },
      ]));
});

describe('the evaluation of an active goal on remeasurement', () => {
  const active = () => [drafted(twoCriteria), submitted(1), activated()];
  const outcome = (listening: number, behaviour: number) =>
    goalDecider.decide(evaluate(listening, behaviour), fold(active()));

  it('is achieved when every criterion is met, with baseline → remeasure as evidence', () =>
    expect(outcome(62, 58)[0]).toMatchObject({
      type: 'GoalEvaluated',
      data: {
        outcome: 'achieved',
        lessRobust: false,
        criteria: [
          { criterionId: 'crit-1', met: true, baseline: 45, remeasured: 62, target: 60 },
          { criterionId: 'crit-2', met: true, baseline: 45, remeasured: 58, target: 55 },
        ],
      },
    }));
  it('is partly achieved when some criteria are met', () =>
    expect(outcome(62, 50)[0]).toMatchObject({ data: { outcome: 'partly-achieved' } }));
  it('is not achieved when no criterion is met', () =>
    expect(outcome(50, 50)[0]).toMatchObject({ data: { outcome: 'not-achieved' } }));
  it('is marked less robust when the instrument differed from the baseline', () =>
    expect(
      goalDecider.decide(
        {
          type: 'EvaluateGoal',
          data: { remeasured: { ...remeasurement(62, 58), sameInstrument: false } },
        },
        fold(active()),
      )[0],
    ).toMatchObject({ data: { lessRobust: true } }));
  it('happens once: a redelivered remeasurement finds the goal evaluated', () =>
    spec
      .given([...active(), ...outcome(62, 58)])
      .when(evaluate(62, 58))
      .then([]));
  it('ends the goal: it can no longer be withdrawn', () =>
    spec
      .given([...active(), ...outcome(62, 58)])
      .when(withdraw())
      .thenThrows(IllegalGoalTransition, 'an evaluated goal cannot be withdrawn'));
});
