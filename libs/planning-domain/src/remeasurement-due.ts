import { instrumentsOf, isEvidenceOnly } from './goal-content';
import type { GoalRecord } from './goal.state';

const DAY_MS = 86_400_000;

/** How long before a goal's deadline its remeasurement is due: time to schedule the round. */
export const REMEASUREMENT_LEAD_DAYS = 14;

/** The last day on which a deadline counts as coming up, from `today` (both YYYY-MM-DD). */
export const remeasurementHorizon = (today: string): string =>
  new Date(Date.parse(today) + REMEASUREMENT_LEAD_DAYS * DAY_MS).toISOString().slice(0, 10);

export interface RemeasurementDue {
  readonly goalId: string;
  readonly employeeId: string;
  readonly title: string;
  readonly competencyId: string;
  readonly deadline: string;
  /** `due`: the deadline is at most two weeks away; `overdue`: it passed without evidence. */
  readonly status: 'due' | 'overdue';
  /** Whole days to the deadline; negative once it passed. */
  readonly daysToDeadline: number;
  /** The instrument the criteria name: what to schedule. */
  readonly instruments: readonly string[];
  readonly baselineMeasurementId: string | null;
  /** The latest measurement since the baseline, if any: progress, not yet the evaluation. */
  readonly lastProgressAt: string | null;
}

/**
 * Whether an active goal needs its remeasurement now: its deadline is within
 * REMEASUREMENT_LEAD_DAYS, or passed while no measurement evaluated it. Goals that are not
 * active (evaluated, withdrawn, still in approval) need none, nor do goals whose criteria are
 * all met by evidence: no measurement evaluates them.
 */
export const remeasurementDue = (
  goal: GoalRecord & { readonly status: string },
  today: string,
): RemeasurementDue | undefined => {
  if (goal.status !== 'active' || isEvidenceOnly(goal.content)) return undefined;
  const { deadline } = goal.content;
  if (deadline > remeasurementHorizon(today)) return undefined;
  return {
    goalId: goal.goalId,
    employeeId: goal.employeeId,
    title: goal.content.title,
    competencyId: goal.content.target.competencyId,
    deadline,
    status: deadline < today ? 'overdue' : 'due',
    daysToDeadline: Math.round((Date.parse(deadline) - Date.parse(today)) / DAY_MS),
    instruments: instrumentsOf(goal.content),
    baselineMeasurementId: goal.baseline?.measurementId ?? null,
    lastProgressAt: goal.progress?.measuredAt ?? null,
  };
};
