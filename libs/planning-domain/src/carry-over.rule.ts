import type { GoalStatus } from './goal.state';
import { GoalsNotCarriable } from './goal.errors';

/** Where a goal of the employee stands, as its stream says. */
export interface CarryCandidate {
  readonly planId: string;
  readonly phase: GoalStatus;
}

export interface CarryOver {
  /** The new plan's previous plan; null when the new plan is the employee's first. */
  readonly fromPlanId: string | null;
  readonly toPlanId: string;
  readonly goalIds: readonly string[];
}

const finishedPhases: readonly GoalStatus[] = ['evaluated', 'withdrawn'];

const refusalOf = (
  { fromPlanId, toPlanId }: CarryOver,
  goal: CarryCandidate | undefined,
): string | undefined => {
  if (fromPlanId === null) return 'the new plan has no previous plan to carry goals over from';
  if (goal === undefined) return 'the employee has no such goal';
  // Already carried to the new plan: a retry of the same start.
  if (goal.planId === toPlanId) return undefined;
  if (goal.planId !== fromPlanId) return `it belongs to plan ${goal.planId}, not the previous plan`;
  if (finishedPhases.includes(goal.phase))
    return `it is ${goal.phase}: only unfinished goals are carried over`;
  return undefined;
};

/**
 * Carry-over is explicit and all or nothing: every named goal must be an unfinished goal of the
 * new plan's previous plan (open or closed), else nothing is carried. Answers the goals still
 * to move; those already in the new plan were carried by an earlier attempt.
 */
export const goalsToCarry = (
  carryOver: CarryOver,
  goals: ReadonlyMap<string, CarryCandidate>,
): readonly string[] => {
  const refused = carryOver.goalIds.flatMap((goalId) => {
    const reason = refusalOf(carryOver, goals.get(goalId));
    return reason === undefined ? [] : [{ goalId, reason }];
  });
  if (refused.length > 0)
    throw new GoalsNotCarriable(
      `only unfinished goals of the previous plan are carried over: ${refused
        .map(({ goalId, reason }) => `${goalId} (${reason})`)
        .join('; ')}`,
      { refused },
    );
  return carryOver.goalIds.filter((goalId) => goals.get(goalId)?.planId === carryOver.fromPlanId);
};
