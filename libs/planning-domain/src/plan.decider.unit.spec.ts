import {
  GoalEvaluated,
  GoalDrafted,
  PlanStarted,
  type PlanClosed,
  type PlanningEvent,
} from '@talentloop/contracts';
import { DeciderSpecification } from '@talentloop/testing';
import { PlanAlreadyClosed, PlanHasCommittedGoals, PlanNotFound } from './goal.errors';
import { contentOf } from './goal-content';
import type { ClosingGoal } from './plan-summary';
import { planDecider, requireOpenPlan, type PlanCommand } from './plan.decider';

const spec = DeciderSpecification.for(planDecider);
const closedAt = '2026-08-03T09:00:00.000Z';

describe('a plan not started', () => {
  it('starts once for the employee and cycle', () => spec.given([]).when(start()).then([started]));
  it('cannot be closed', () => spec.given([]).when(close([])).thenThrows(PlanNotFound));
  it('takes no goals', () => expect(() => requireOpenPlan(fold([]))).toThrow(PlanNotFound));
});

describe('an open plan', () => {
  it('is not started again: a second start is a retry', () =>
    spec.given([started]).when(start()).then([]));
  it('takes new goals', () => expect(requireOpenPlan(fold([started])).status).toBe('open'));
  it('cannot close while a goal awaits the manager, naming it', () =>
    spec
      .given([started])
      .when(
        close([goal('goal-1', 'evaluated', evaluated('achieved')), goal('goal-2', 'submitted')]),
      )
      .thenThrows(
        PlanHasCommittedGoals,
        /goal-2 "Listen actively in team meetings" \(submitted\)/,
      ));
  it('cannot close while a goal awaits remeasurement, naming every such goal', () => {
    const run = () =>
      planDecider.decide(
        close([goal('goal-1', 'active'), goal('goal-2', 'active'), goal('goal-3', 'withdrawn')]),
        fold([started]),
      );
    expect(run).toThrow(PlanHasCommittedGoals);
    expect(() => run()).toThrow(
      expect.objectContaining({
        details: {
          committedGoals: [
            { goalId: 'goal-1', title: 'Listen actively in team meetings', phase: 'active' },
            { goalId: 'goal-2', title: 'Listen actively in team meetings', phase: 'active' },
          ],
        },
      }) as Error,
    );
  });
  it('closes when every goal is evaluated, withdrawn or never approved, counting each', () =>
    spec
      .given([started])
      .when(
        close(
          [
            goal('goal-1', 'evaluated', evaluated('achieved')),
            goal('goal-2', 'evaluated', evaluated('not-achieved', 40, 44)),
            goal('goal-3', 'withdrawn'),
            goal('goal-4', 'draft'),
            goal('goal-5', 'rejected'),
            goal('goal-6', 'revised'),
          ],
          2,
        ),
      )
      .thenState((state) => {
        expect(state.status).toBe('closed');
        if (state.status !== 'closed') return;
        expect(state.closed.counts).toEqual({
          achieved: 1,
          partlyAchieved: 0,
          notAchieved: 1,
          withdrawn: 1,
          notCommitted: 3,
          carriedOver: 2,
        });
        expect(state.closed.goals.map((closing) => closing.outcome)).toEqual([
          'achieved',
          'not-achieved',
          'withdrawn',
          'not-committed',
          'not-committed',
          'not-committed',
        ]);
      }));
  it('closes with no goals at all, with nothing grown', () =>
    spec
      .given([started])
      .when(close([]))
      .then([
        {
          type: 'PlanClosed',
          data: {
            planId: 'plan-2001',
            employeeId: 'emp-1001',
            closedAt,
            goals: [],
            counts: {
              achieved: 0,
              partlyAchieved: 0,
              notAchieved: 0,
              withdrawn: 0,
              notCommitted: 0,
              carriedOver: 0,
            },
            growth: [],
          },
        },
      ]));
});

describe('the summary a plan closes with', () => {
  it('shows per indicator the growth from baseline to remeasurement', () =>
    expect(growthWhenClosing([goal('goal-1', 'evaluated', evaluated('achieved'))])).toEqual([
      {
        competencyId: 'collaboration',
        goalIds: ['goal-1'],
        behaviour: null,
        indicators: [
          { indicatorIds: ['active-listening'], baseline: 45, remeasured: 62, change: 17 },
        ],
        lessRobust: false,
      },
    ]));
  it('shows a criterion read on the whole competency as its behaviour growth', () =>
    expect(
      growthWhenClosing([
        goal('goal-1', 'evaluated', evaluated('achieved', 45, 62, 'behaviour'), 'behaviour-score'),
      ]),
    ).toMatchObject([{ behaviour: { baseline: 45, remeasured: 62, change: 17 }, indicators: [] }]));
  it('takes the mean where two goals read the same indicator, and any weaker evidence marks it', () =>
    expect(
      growthWhenClosing([
        goal('goal-1', 'evaluated', evaluated('achieved', 45, 62)),
        goal('goal-2', 'evaluated', { ...evaluated('partly-achieved', 40, 50), lessRobust: true }),
      ]),
    ).toEqual([
      {
        competencyId: 'collaboration',
        goalIds: ['goal-1', 'goal-2'],
        behaviour: null,
        indicators: [
          { indicatorIds: ['active-listening'], baseline: 42.5, remeasured: 56, change: 13.5 },
        ],
        lessRobust: true,
      },
    ]));
  it('has no baseline nor change where a reading had no baseline', () =>
    expect(
      growthWhenClosing([goal('goal-1', 'evaluated', evaluated('achieved', null, 62))]),
    ).toMatchObject([{ indicators: [{ baseline: null, remeasured: 62, change: null }] }]));
  it('counts each indicator of a criterion on its own, and none the evidence did not measure', () => {
    const evaluation = evaluated('partly-achieved');
    const [criterion] = evaluation.criteria;
    if (criterion?.kind !== 'measured') throw new Error('the example has a measured criterion');
    expect(
      growthWhenClosing([
        goal('goal-1', 'evaluated', {
          ...evaluation,
          criteria: [
            {
              ...criterion,
              indicators: [
                { indicatorId: 'active-listening', baseline: 45, remeasured: 62, met: true },
                { indicatorId: 'shares-information', baseline: 70, remeasured: null, met: false },
              ],
            },
          ],
        }),
      ]),
    ).toMatchObject([
      {
        indicators: [
          { indicatorIds: ['active-listening'], baseline: 45, remeasured: 62, change: 17 },
        ],
      },
    ]);
  });
  it('leaves out goals that were not evaluated', () =>
    expect(growthWhenClosing([goal('goal-1', 'withdrawn'), goal('goal-2', 'draft')])).toEqual([]));
});

describe('a closed plan', () => {
  it('takes no new goals', () =>
    expect(() => requireOpenPlan(fold([started, closedPlan()]))).toThrow(PlanAlreadyClosed));
  it('is not closed again: the summary stays the one it closed with', () =>
    spec
      .given([started, closedPlan()])
      .when(close([goal('goal-9', 'draft')]))
      .then([]));
});

const started: PlanningEvent = { type: 'PlanStarted', data: PlanStarted.example };

function start(): PlanCommand {
  return { type: 'StartPlan', data: PlanStarted.example };
}

function close(goals: readonly ClosingGoal[], carriedOver = 0): PlanCommand {
  return { type: 'ClosePlan', data: { goals, carriedOver, closedAt } };
}

function fold(history: readonly PlanningEvent[]) {
  return history.reduce(planDecider.evolve, planDecider.initialState());
}

function goal(
  goalId: string,
  phase: ClosingGoal['phase'],
  evaluation?: GoalEvaluated['data'],
  metric: 'indicator-score' | 'behaviour-score' = 'indicator-score',
): ClosingGoal {
  const content = contentOf(GoalDrafted.example);
  const successCriteria = content.successCriteria.map((criterion) => ({ ...criterion, metric }));
  return {
    goalId,
    phase,
    content: { ...content, successCriteria },
    ...(evaluation && { evaluation: { ...evaluation, goalId } }),
  };
}

/** An evaluation of the example criterion, on active listening unless on the behaviour score. */
function evaluated(
  outcome: GoalEvaluated['data']['outcome'],
  baseline: number | null = 45,
  remeasured = 62,
  on: 'indicator' | 'behaviour' = 'indicator',
): GoalEvaluated['data'] {
  const [criterion] = GoalEvaluated.example.criteria;
  if (criterion?.kind !== 'measured') throw new Error('the example has a measured criterion');
  const indicators =
    on === 'indicator'
      ? [{ indicatorId: 'active-listening', baseline, remeasured, met: true }]
      : [];
  return {
    ...GoalEvaluated.example,
    outcome,
    criteria: [{ ...criterion, baseline, remeasured, indicators }],
  };
}

function growthWhenClosing(goals: readonly ClosingGoal[]): PlanClosed['data']['growth'] {
  const [event] = planDecider.decide(close(goals), fold([started]));
  if (event?.type !== 'PlanClosed') throw new Error('the plan did not close');
  return event.data.growth;
}

function closedPlan(): PlanningEvent {
  const [event] = planDecider.decide(close([]), fold([started]));
  if (!event) throw new Error('the plan did not close');
  return event;
}
