import { DeciderSpecification } from '@talentloop/testing';
import { evaluateCriterion } from './evaluation';
import {
  acknowledge,
  activate,
  activated,
  adjust,
  adjusted,
  agreed,
  answers,
  baseline,
  checkIn,
  completed,
  drafted,
  edit,
  edited,
  exampleCriterion,
  fold,
  ids,
  measure,
  measured,
  progressed,
  rejected,
  submit,
  submitted,
  twoCriteria,
  twoPracticeActions,
  withdraw,
} from './goal.fixtures';
import { goalDecider } from './goal.decider';
import {
  IllegalGoalTransition,
  NotAnAdjustment,
  NothingMeasuredSinceBaseline,
  SmartCheckFailed,
  UnknownAction,
} from './goal.errors';

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
            baseline,
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
      .given([drafted(), submitted(1), rejected(1)])
      .when(edit())
      .thenState((state) => expect(state.status).toBe('revised')));
  it('is resubmitted after revision as the next submission', () =>
    spec
      .given([drafted(), agreed(), submitted(1), rejected(1), edited(), agreed()])
      .when(submit())
      .thenState((state) =>
        expect(state).toMatchObject({ status: 'submitted', submissionNumber: 2 }),
      ));
  it('is resubmitted unchanged when the employee disagrees with the feedback', () =>
    spec
      .given([drafted(), agreed(), submitted(1), rejected(1)])
      .when(submit())
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
  it.each([5, 90])(
    'accepts a check-in of %i minutes, outside 15–30, and records its length as given',
    (durationMinutes) =>
      expect(
        goalDecider.decide(
          checkIn('2026-03-10T09:00:00.000Z', [], undefined, durationMinutes),
          fold(active()),
        ),
      ).toMatchObject([{ type: 'CheckInLogged', data: { durationMinutes } }]),
  );
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
  it('is SMART-checked again when adjusted: a target above the aptitude is refused', () =>
    spec
      .given(active())
      .when(
        adjust({
          successCriteria: [{ ...exampleCriterion, target: 85 }],
        }),
      )
      .thenThrows(SmartCheckFailed, /achievable: criterion crit-1 targets 85, above the aptitude/));
  it('may move its deadline to less than three months ahead, with a target still realistic', () =>
    spec
      .given(active())
      .when(
        adjust({
          deadline: '2026-06-15',
          successCriteria: [{ ...exampleCriterion, target: 55 }],
        }),
      )
      .thenState((state) => expect(state).toMatchObject({ content: { deadline: '2026-06-15' } })));
  it('cannot move its deadline into the past', () =>
    spec
      .given(active())
      .when(adjust({ deadline: '2026-03-15' }))
      .thenThrows(SmartCheckFailed, /time-bound: the adjusted deadline 2026-03-15 is not between/));
  it('cannot switch to another competency: that is a new goal', () =>
    spec
      .given(active())
      .when(
        adjust({
          target: { kind: 'competency', competencyId: 'communication', indicatorIds: [] },
        }),
      )
      .thenThrows(NotAnAdjustment, /withdraw this goal and draft a new one/));
  it('changes actions without asking for acknowledgement', () =>
    spec
      .given(active())
      .when(adjust({ actions: [...twoPracticeActions] }))
      .thenState((state) => expect(state).toMatchObject({ pendingAdjustments: [] })));
  it('records the manager acknowledging an adjustment', () =>
    spec
      .given([...active(), adjusted()])
      .when(acknowledge())
      .thenState((state) => expect(state).toMatchObject({ pendingAdjustments: [] })));
  it('records an agreement delivered twice once', () =>
    spec
      .given([...active(), adjusted()])
      .when(acknowledge())
      .thenState((state) => expect(goalDecider.decide(acknowledge(), state)).toEqual([])));
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

describe('an active goal, measured again', () => {
  const active = () => [drafted(twoCriteria), submitted(1), activated()];

  it('takes a measurement before the deadline as progress against the frozen baseline', () =>
    spec
      .given(active())
      .when(measure('msr-6001', '2026-04-02', { listening: 55, behaviour: 50 }))
      .then([
        {
          type: 'GoalProgressMeasured',
          data: {
            ...ids,
            measurement: measured('msr-6001', '2026-04-02', { listening: 55, behaviour: 50 }),
            baselineMeasurementId: 'msr-5001',
          },
        },
      ]));
  it('is evaluated by a measurement on or after its deadline, against the frozen baseline', () =>
    expect(
      goalDecider.decide(
        measure('msr-6002', '2026-07-31', { listening: 62, behaviour: 58 }),
        fold(active()),
      ),
    ).toEqual([
      {
        type: 'GoalEvaluated',
        data: expect.objectContaining({
          outcome: 'achieved',
          lessRobust: false,
          requestedEarly: false,
          criteria: [
            expect.objectContaining({
              criterionId: 'crit-1',
              met: true,
              baseline: 45,
              remeasured: 62,
            }),
            expect.objectContaining({
              criterionId: 'crit-2',
              met: true,
              baseline: 45,
              remeasured: 58,
            }),
          ],
        }) as unknown,
      },
    ]));
  it('keeps its baseline when a 360° round closes in between: the round is progress', () =>
    expect(
      goalDecider.decide(
        measure('msr-6002', '2026-08-01', { listening: 62, behaviour: 58 }),
        fold([...active(), progressed('msr-6001', '2026-04-02', { listening: 55, behaviour: 50 })]),
      )[0],
    ).toMatchObject({
      data: {
        criteria: [
          { baseline: 45, remeasured: 62 },
          { baseline: 45, remeasured: 58 },
        ],
      },
    }));
  it('ignores the baseline itself, an older measurement and a redelivered one', () => {
    const withProgress = [
      ...active(),
      progressed('msr-6001', '2026-04-02', { listening: 55, behaviour: 50 }),
    ];
    for (const again of [
      measure('msr-5001', '2026-01-12', { listening: 45, behaviour: 45 }),
      measure('msr-4999', '2025-12-01', { listening: 40, behaviour: 40 }),
      measure('msr-6001', '2026-04-02', { listening: 55, behaviour: 50 }),
    ])
      expect(goalDecider.decide(again, fold(withProgress))).toEqual([]);
  });
  it('is evaluated early on request, on the latest progress, marked so', () =>
    expect(
      goalDecider.decide(
        { type: 'EvaluateGoal', data: { today: '2026-04-10' } },
        fold([...active(), progressed('msr-6001', '2026-04-02', { listening: 62, behaviour: 50 })]),
      )[0],
    ).toMatchObject({
      type: 'GoalEvaluated',
      data: { outcome: 'partly-achieved', requestedEarly: true },
    }));
  it('cannot be evaluated on request before anything was measured since the baseline', () =>
    spec
      .given(active())
      .when({ type: 'EvaluateGoal', data: { today: '2026-04-10' } })
      .thenThrows(NothingMeasuredSinceBaseline, /nothing was measured since the baseline/));
  it('is not achieved when no criterion is met', () =>
    expect(
      goalDecider.decide(
        measure('msr-6002', '2026-07-31', { listening: 50, behaviour: 50 }),
        fold(active()),
      )[0],
    ).toMatchObject({ data: { outcome: 'not-achieved' } }));
  it('ends the goal: it can no longer be withdrawn, nor evaluated again', () => {
    const evaluated = goalDecider.decide(
      measure('msr-6002', '2026-07-31', { listening: 62, behaviour: 58 }),
      fold(active()),
    );
    spec
      .given([...active(), ...evaluated])
      .when(withdraw())
      .thenThrows(IllegalGoalTransition, 'an evaluated goal cannot be withdrawn');
    spec
      .given([...active(), ...evaluated])
      .when(measure('msr-6003', '2026-09-01', { listening: 70, behaviour: 70 }))
      .then([]);
  });
});

describe('a success criterion, read on the evidence', () => {
  const onIndicators = {
    kind: 'measured' as const,
    criterionId: 'crit-9',
    instrument: '360-round' as const,
    metric: 'indicator-score' as const,
    indicatorIds: ['active-listening', 'shares-information'],
    target: 60,
    description: 'Both indicators score at least 60.',
  };

  it('on several indicators is met only if each one is, and reads as the weakest', () =>
    expect(
      evaluateCriterion(onIndicators, baseline, {
        ...measured('msr-6002', '2026-07-31', { listening: 70, behaviour: 70 }),
        indicators: [
          { indicatorId: 'active-listening', score: 70 },
          { indicatorId: 'shares-information', score: 55 },
        ],
      }),
    ).toMatchObject({
      met: false,
      baseline: 45,
      remeasured: 55,
      indicators: [
        { indicatorId: 'active-listening', baseline: 45, remeasured: 70, met: true },
        { indicatorId: 'shares-information', baseline: 71, remeasured: 55, met: false },
      ],
    }));
  it('fails an indicator the evidence did not measure, without falling back to the overall score', () =>
    expect(
      evaluateCriterion(onIndicators, baseline, {
        ...measured('msr-6002', '2026-07-31', { listening: 70, behaviour: 90 }),
        indicators: [{ indicatorId: 'active-listening', score: 70 }],
      }),
    ).toMatchObject({
      met: false,
      remeasured: null,
      indicators: [
        { indicatorId: 'active-listening', met: true },
        { indicatorId: 'shares-information', remeasured: null, met: false },
      ],
    }));
  it('marks evidence from another instrument than it names as less robust', () => {
    const evidence = {
      ...measured('msr-6002', '2026-07-31', { listening: 70, behaviour: 70 }),
      instrument: 'assessment' as const,
    };
    expect(evaluateCriterion(onIndicators, baseline, evidence)).toMatchObject({
      evidenceInstrument: 'assessment',
      lessRobust: true,
    });
    expect(
      evaluateCriterion({ ...onIndicators, instrument: 'assessment' }, baseline, evidence),
    ).toMatchObject({ lessRobust: false });
  });
  it('marks a less robust instrument as less robust even when the criterion names it', () =>
    expect(
      evaluateCriterion({ ...onIndicators, instrument: 'manager-observation' }, baseline, {
        ...measured('msr-6002', '2026-07-31', { listening: 70, behaviour: 70 }),
        instrument: 'manager-observation',
      }),
    ).toMatchObject({ lessRobust: true }));
});
