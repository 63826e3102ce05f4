// A cycle's active goal: check-ins on its cadence, some late, actions ticked along the way,
// now and then an adjusted deadline or a withdrawal.
import type { ActiveGoal } from './approvals';
import { cadenceDays } from './catalogue';
import type { CycleContext } from './cycle-context';
import type { DraftedGoal } from './goals';
import { day, DAY, HOUR, MINUTE } from './units';

/** 3–6 check-ins; returns the goal's deadline after them, or undefined once it is withdrawn. */
export const checkIn = (
  { employee, n, next, text, on, later }: CycleContext,
  goal: DraftedGoal,
  { cadence, firstDueAt }: ActiveGoal,
): number | undefined => {
  const employeeId = employee.id;
  const { goalId, stream: goalStream, actionCount } = goal;
  const interval = cadenceDays[cadence] * DAY;
  let { deadlineAt } = goal;
  let dueAt = firstDueAt;
  const checkIns = 3 + next(4);
  const withdrawAfter = next(14) === 0 ? 1 + next(checkIns) : -1;
  let actionsDone = 0;
  for (let c = 1; c <= checkIns; c++) {
    const late = next(5) === 0;
    employee.clock = Math.max(
      employee.clock + HOUR,
      late ? dueAt + DAY + next(10) * DAY : dueAt - next(3) * DAY,
    );
    const ticked: string[] = [];
    if (actionsDone < actionCount && next(2) === 0) ticked.push(`act-${++actionsDone}`);
    dueAt = employee.clock + interval;
    on(goalStream, employeeId, 'CheckInLogged', {
      checkInId: `chk-${employee.index}-${n}-${c}`,
      goalId,
      employeeId,
      answers: text.checkIn.answers,
      durationMinutes: 15 + next(16),
      actionsTicked: ticked,
      nextDueAt: new Date(dueAt).toISOString(),
      onTime: !late,
      loggedBy: employeeId,
    });
    for (const actionId of ticked) {
      later(1000, MINUTE);
      on(goalStream, employeeId, 'ActionCompleted', { goalId, employeeId, actionId });
    }
    if (c === 1 && next(8) === 0) {
      later(HOUR, 2 * DAY);
      deadlineAt += 30 * DAY;
      on(goalStream, employeeId, 'GoalAdjusted', {
        adjustmentId: `adj-${employee.index}-${n}`,
        goalId,
        employeeId,
        changes: { deadline: day(deadlineAt) },
        reason: text.adjusted.reason,
        requiresAcknowledgement: false,
        adjustedBy: employeeId,
      });
    }
    if (c === withdrawAfter) {
      later(HOUR, 5 * DAY);
      on(goalStream, employeeId, 'GoalWithdrawn', {
        goalId,
        employeeId,
        reason: text.withdrawn.reason,
        withdrawnBy: employeeId,
      });
      return undefined;
    }
  }
  return deadlineAt;
};
