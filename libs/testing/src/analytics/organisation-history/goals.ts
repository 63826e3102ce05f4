// A cycle in planning: the plan started, the goal drafted from the first gap, sometimes edited.
import { streamName } from '@talentloop/contracts';
import type { Baseline } from './assessments';
import { actionKinds } from './catalogue';
import type { CycleContext } from './cycle-context';
import type { GoalContent, MeasuredCriterion } from './events';
import { clamp, day, DAY, HOUR } from './units';

/** A drafted goal, as the later steps of the cycle need it. */
export interface DraftedGoal {
  readonly planId: string;
  readonly goalId: string;
  readonly stream: string;
  readonly content: GoalContent;
  readonly criteria: readonly MeasuredCriterion[];
  /** The indicator the goal targets: the baseline's weakest. */
  readonly weakest: { readonly indicatorId: string; readonly score: number };
  readonly actionCount: number;
  readonly deadlineAt: number;
}

/** A new plan that follows the employee's last. */
export const startPlan = ({ tenantId, employee, n, on, later }: CycleContext): string => {
  const planId = `plan-${employee.index}-${n}`;
  const planStream = streamName({ context: 'planning', aggregate: 'plan', tenantId, id: planId });
  later(DAY, 3 * DAY);
  on(planStream, employee.id, 'PlanStarted', {
    planId,
    employeeId: employee.id,
    previousPlanId: employee.lastPlanId,
    maxActiveGoals: 3,
    cycle: `cycle-${n}`,
  });
  employee.lastPlanId = planId;
  return planId;
};

/**
 * A goal on the target's weakest indicator (and, half the time, the manager's observation of
 * the behaviour), drafted by the AI drafter or the deterministic one; edited 2 times in 5.
 */
export const draftGoal = (
  { tenantId, employee, n, next, text, on, later }: CycleContext,
  planId: string,
  target: Baseline,
  gapId: string | null,
): DraftedGoal => {
  const employeeId = employee.id;
  const goalId = `goal-${employee.index}-${n}`;
  const goalStream = streamName({ context: 'planning', aggregate: 'goal', tenantId, id: goalId });
  const weakest = target.indicators.reduce((a, b) => (b.score < a.score ? b : a));
  const observed = next(2) === 0;
  const indicatorTarget = clamp(Math.min(target.aptitude, weakest.score + 8 + next(15)));
  const behaviourTarget = clamp(Math.min(target.aptitude, target.behaviour + 5 + next(10)));
  const criteria: MeasuredCriterion[] = [
    {
      kind: 'measured',
      criterionId: 'crit-1',
      instrument: target.instrument,
      metric: 'indicator-score',
      indicatorIds: [weakest.indicatorId],
      target: indicatorTarget,
      description: `${weakest.indicatorId} scores at least ${indicatorTarget}.`,
    },
  ];
  if (observed)
    criteria.push({
      kind: 'measured',
      criterionId: 'crit-2',
      instrument: 'manager-observation',
      metric: 'behaviour-score',
      indicatorIds: [],
      target: behaviourTarget,
      description: `The manager observes ${target.competency.id} at ${behaviourTarget}.`,
    });
  const actionCount = 1 + next(3);
  const actions: GoalContent['actions'] = [];
  for (let a = 1; a <= actionCount; a++)
    actions.push({
      ...text.action,
      actionId: `act-${a}`,
      kind: actionKinds[(a - 1) % actionKinds.length] ?? 'on-the-job',
      estimatedHours: 2 + next(20),
    });
  later(HOUR, 4 * HOUR);
  const deadlineAt = employee.clock + (90 + next(93)) * DAY;
  let content: GoalContent = {
    title: `Develop ${target.competency.id}`,
    target: {
      kind: 'competency',
      competencyId: target.competency.id,
      indicatorIds: [weakest.indicatorId],
    },
    behaviour: text.drafted.behaviour,
    situation: text.drafted.situation,
    successCriteria: criteria,
    actions,
    milestones: [
      {
        description: 'Ask two peers for feedback.',
        dueOn: day(employee.clock + (deadlineAt - employee.clock) / 2),
      },
    ],
    deadline: day(deadlineAt),
    language: 'en',
  };
  on(goalStream, employeeId, 'GoalDrafted', {
    goalId,
    planId,
    employeeId,
    gapId,
    ...content,
    drafter:
      next(3) === 0
        ? {
            kind: 'deterministic',
            model: null,
            fallbackReason: null,
            promptVersion: null,
            contextGiven: [],
          }
        : text.drafted.drafter,
    motivationNote: null,
  });
  if (next(5) < 2) {
    later(HOUR, 3 * DAY);
    const situation = `Team meetings and one-on-ones, cycle ${n}.`;
    content = { ...content, situation };
    on(goalStream, employeeId, 'GoalEdited', {
      goalId,
      employeeId,
      changes: { situation },
      editedBy: employeeId,
    });
  }
  return {
    planId,
    goalId,
    stream: goalStream,
    content,
    criteria,
    weakest,
    actionCount,
    deadlineAt,
  };
};
