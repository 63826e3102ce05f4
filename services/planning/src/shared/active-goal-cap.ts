import { maxActiveGoalsFor, type PlanningSettings } from '../planning.settings';
import type { PlanningDirectory } from '../projections/planning-directory';

/**
 * The cap a plan started with, so a later settings change does not move the goalposts of a
 * running cycle; the tenant's current setting when the plan is not (yet) read.
 */
export const activeGoalCapOf = (
  directory: PlanningDirectory,
  settings: PlanningSettings,
  tenantId: string,
  planId: string | undefined,
): number =>
  (planId === undefined ? undefined : directory.plan(tenantId, planId)?.maxActiveGoals) ??
  maxActiveGoalsFor(settings, tenantId);
