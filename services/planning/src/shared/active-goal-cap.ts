import { maxActiveGoalsFor, type PlanningSettings } from '../planning.settings';
import type { PlanView } from '../projections/planning-read-side';

/**
 * The cap a plan started with, so a later settings change does not move the goalposts of a
 * running cycle; the tenant's current setting when the plan is not (yet) read.
 */
export const activeGoalCapOf = (
  settings: PlanningSettings,
  tenantId: string,
  plan: Pick<PlanView, 'maxActiveGoals'> | undefined,
): number => plan?.maxActiveGoals ?? maxActiveGoalsFor(settings, tenantId);
