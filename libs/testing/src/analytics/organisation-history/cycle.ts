import { approveGoal } from './approvals';
import { identifyGaps, measureBaselines } from './assessments';
import { roles } from './catalogue';
import { checkIn } from './check-ins';
import type { CycleContext } from './cycle-context';
import { draftGoal, startPlan } from './goals';
import { changeReportingLine } from './organisation';
import { remeasureAndEvaluate } from './remeasurement';
import { DAY } from './units';

/**
 * One development cycle of one employee, its events in causal order: measure, gap, plan,
 * goal, approval (with rejections), check-ins, remeasurement and evaluation.
 */
export const developmentCycle = (context: CycleContext, managerCount: number): void => {
  const { employee } = context;
  context.later(DAY, 30 * DAY);
  changeReportingLine(context, managerCount);
  const managerId = `emp-${employee.managerIndex}`;

  const role = roles[employee.roleIndex] ?? roles[1];
  const baselines = measureBaselines(context, role);
  const gapIds = identifyGaps(context, role, baselines);
  const target = baselines[0];
  if (!target) return;

  const planId = startPlan(context);
  const goal = draftGoal(context, planId, target, gapIds[0] ?? null);
  const active = approveGoal(context, goal, managerId);
  const deadlineAt = checkIn(context, goal, active);
  if (deadlineAt === undefined) return;
  remeasureAndEvaluate(context, goal, target, deadlineAt);
};
