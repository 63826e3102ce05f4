import { Type } from '@sinclair/typebox';
import { defineEvent, defineUpcaster, type EventData, type EventOf } from '../../event-definition';
import { Id, IsoDateTime } from '../../metadata';
import { IdList, Nullable, Score } from '../shared.schemas';

const context = 'planning';

const planStartedV1Properties = {
  planId: Id('Development plan'),
  employeeId: Id('Employee the plan belongs to'),
  previousPlanId: Nullable(Id('Plan of the previous cycle'), 'Null for the first plan'),
  maxActiveGoals: Type.Integer({
    minimum: 2,
    maximum: 3,
    description: "The organisation's limit on active goals when the plan started",
  }),
};

const planStartedExampleV1 = {
  planId: 'plan-2001',
  employeeId: 'emp-1001',
  previousPlanId: null,
  maxActiveGoals: 3,
};

/** Stored plans from before the cycle was recorded; read through the upcaster. */
export const PlanStartedV1 = defineEvent({
  context,
  name: 'PlanStarted',
  version: 1,
  description: 'A development plan started for an employee; it opens a new development cycle.',
  schema: Type.Object(planStartedV1Properties, { additionalProperties: false }),
  subjectOf: (data) => data.employeeId,
  example: planStartedExampleV1,
});

export const PlanStarted = defineEvent({
  context,
  name: 'PlanStarted',
  version: 2,
  description:
    'A development plan started for an employee and cycle; it opens a new development cycle. Goals of the previous plan come along only when carried over explicitly (GoalCarriedOver).',
  schema: Type.Object(
    {
      ...planStartedV1Properties,
      cycle: Nullable(
        Id('Development cycle, e.g. "2026-H2"'),
        'Null for plans started before the cycle was recorded',
      ),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: { ...planStartedExampleV1, cycle: '2026-H1' },
});

export const planStartedV1ToV2 = defineUpcaster<
  EventData<typeof PlanStartedV1>,
  EventData<typeof PlanStarted>
>({
  name: 'PlanStarted',
  fromVersion: 1,
  upcast: (data) => ({ ...data, cycle: null }),
});

const ScoreGrowth = {
  baseline: Nullable(Score('Mean score at the baseline'), 'Null when nothing was measured'),
  remeasured: Score('Mean score at the remeasurement'),
  change: Nullable(
    Type.Number({ minimum: -100, maximum: 100, description: 'Remeasured minus baseline' }),
    'Null without a baseline',
  ),
};

const CompetencyGrowth = Type.Object(
  {
    competencyId: Id('Competency, skill, certification or knowledge area the goals targeted'),
    goalIds: IdList('Evaluated goals the evidence comes from', 100, 1),
    behaviour: Nullable(
      Type.Object(ScoreGrowth, {
        additionalProperties: false,
        description:
          'Read on the whole competency (behaviour-score or observed-behaviour criteria)',
      }),
      'Null when every criterion was read on indicators',
    ),
    indicators: Type.Array(
      Type.Object(
        {
          indicatorIds: IdList(
            'The indicators a criterion read together; one unless the criterion averaged several',
            30,
            1,
          ),
          ...ScoreGrowth,
        },
        { additionalProperties: false },
      ),
      { maxItems: 100, description: 'Read on indicators (indicator-score criteria)' },
    ),
    lessRobust: Type.Boolean({
      description: 'Some of the evidence came from a less robust or substitute instrument',
    }),
  },
  { additionalProperties: false },
);

const PlanGoalOutcome = Type.Union(
  [
    Type.Literal('achieved'),
    Type.Literal('partly-achieved'),
    Type.Literal('not-achieved'),
    Type.Literal('withdrawn'),
    Type.Literal('not-committed'),
  ],
  {
    description:
      'How the goal ended with the cycle: its evaluation, withdrawn, or not committed (never approved)',
  },
);

const goalCount = (description: string) => Type.Integer({ minimum: 0, maximum: 1000, description });

export const PlanClosed = defineEvent({
  context,
  name: 'PlanClosed',
  version: 1,
  description:
    "The cycle's plan closed after remeasurement, with its summary: how each goal ended and the growth per competency and indicator from baseline to remeasurement, taken from the goals' evaluations (the mean where several goals read the same). It closes only when no goal of it is still committed: a goal awaiting the manager's decision or active (awaiting remeasurement) blocks it; evaluated and withdrawn goals are finished, and goals never approved (drafts, rejected or revised submissions) are no shared commitment yet and stay behind as not committed, still free to be carried over. A goal carried over to the next plan before closing is counted as carried over. A closed plan takes no new goal.",
  schema: Type.Object(
    {
      planId: Id('Development plan'),
      employeeId: Id('Employee the plan belongs to'),
      closedAt: IsoDateTime('When the plan closed'),
      goals: Type.Array(
        Type.Object(
          { goalId: Id('Goal of the plan'), outcome: PlanGoalOutcome },
          { additionalProperties: false },
        ),
        { maxItems: 1000, description: 'Every goal in the plan when it closed' },
      ),
      counts: Type.Object(
        {
          achieved: goalCount('Goals evaluated as achieved'),
          partlyAchieved: goalCount('Goals evaluated as partly achieved'),
          notAchieved: goalCount('Goals evaluated as not achieved'),
          withdrawn: goalCount('Goals withdrawn'),
          notCommitted: goalCount(
            'Goals never approved (drafts, rejected or revised submissions), left behind in the closed plan',
          ),
          carriedOver: goalCount('Goals carried over to the next plan before this one closed'),
        },
        { additionalProperties: false },
      ),
      growth: Type.Array(CompetencyGrowth, {
        maxItems: 100,
        description: 'Per competency the evaluated goals targeted',
      }),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    planId: 'plan-2001',
    employeeId: 'emp-1001',
    closedAt: '2026-08-03T09:00:00.000Z',
    goals: [
      { goalId: 'goal-3001', outcome: 'achieved' },
      { goalId: 'goal-3003', outcome: 'withdrawn' },
    ],
    counts: {
      achieved: 1,
      partlyAchieved: 0,
      notAchieved: 0,
      withdrawn: 1,
      notCommitted: 0,
      carriedOver: 1,
    },
    growth: [
      {
        competencyId: 'collaboration',
        goalIds: ['goal-3001'],
        behaviour: null,
        indicators: [
          { indicatorIds: ['active-listening'], baseline: 45, remeasured: 62, change: 17 },
        ],
        lessRobust: false,
      },
    ],
  },
});

export const GoalCarriedOver = defineEvent({
  context,
  name: 'GoalCarriedOver',
  version: 1,
  description:
    "An unfinished goal moved from its plan to the next cycle's plan, named explicitly when that plan started; it keeps its id, history, phase and active-goal slot. The previous plan need not be closed first: carrying its active goals over is what lets it close.",
  schema: Type.Object(
    {
      goalId: Id('Goal'),
      employeeId: Id('Employee'),
      fromPlanId: Id('Plan the goal leaves'),
      toPlanId: Id('Plan of the next cycle the goal joins'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    goalId: 'goal-3002',
    employeeId: 'emp-1001',
    fromPlanId: 'plan-2001',
    toPlanId: 'plan-2002',
  },
});

export type PlanStartedV1 = EventOf<typeof PlanStartedV1>;
export type PlanStarted = EventOf<typeof PlanStarted>;
export type PlanClosed = EventOf<typeof PlanClosed>;
export type GoalCarriedOver = EventOf<typeof GoalCarriedOver>;
