import { maxActiveGoalsFor, type PlanningSettings } from '../planning.settings';
import type { PlanningReadSide } from '../projections/planning-read-side';

/**
 * The cap a plan started with, so a later settings change does not move the goalposts of a
 * running cycle; the tenant's current setting when the plan is not (yet) read.
 */
export const activeGoalCapOf = async (
  readSide: PlanningReadSide,
  settings: PlanningSettings,
  tenantId: string,
  planId: string | undefined,
): Promise<number> =>
  (planId === undefined ? undefined : (await readSide.plan(tenantId, planId))?.maxActiveGoals) ??
  maxActiveGoalsFor(settings, tenantId);
