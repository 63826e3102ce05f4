import {
  CheckInLogged,
  GoalActivated,
  GoalAdjusted,
  GoalAdjustmentRefused,
  GoalEvaluated,
  GoalSubmitted,
  GoalWithdrawn,
  PlanClosed,
  type TalentloopEventOfType,
} from '@talentloop/contracts';
import { evolveGoalSchedule, type GoalSchedule, type GoalScheduleEvent } from './check-in-schedule';
import type { MailPeople } from './mail-rules';

// The goal of the contract's examples: GoalActivated.example makes its first check-in due
// 2026-02-16 09:00 UTC; the submitted content's deadline is 2026-07-31.
export const tenantId = 'acme';
export const goalId = 'goal-3001';
export const employeeId = 'emp-1001';
export const managerId = 'emp-0007';
export const firstDueAt = '2026-02-16T09:00:00.000Z';
export const secondDueAt = '2026-03-02T09:00:00.000Z';
export const deadline = '2026-07-31';
/** When the service first ran: before every reminder of the examples. */
export const since = new Date('2026-01-01T00:00:00.000Z');
const metadata = { tenantId };

export const people: MailPeople = {
  managerOf: (id) => (id === employeeId ? managerId : null),
  hrContacts: ['emp-0002'],
};

export function foldSchedule(events: readonly GoalScheduleEvent[]): GoalSchedule {
  const schedule = events.reduce<GoalSchedule | undefined>(evolveGoalSchedule, undefined);
  if (schedule === undefined) throw new Error('the history made no schedule');
  return schedule;
}

export function evolved(schedule: GoalSchedule, event: GoalScheduleEvent): GoalSchedule {
  const next = evolveGoalSchedule(schedule, event);
  if (next === undefined) throw new Error('the event ended the schedule');
  return next;
}

export function allKeys(dueAt: string, deadlineDate: string) {
  return [
    `check-in-due@${dueAt}`,
    `check-in-overdue@${dueAt}`,
    `remeasurement-due@${deadlineDate}`,
  ];
}

export function kindsAndRoles(mails: readonly { kind: string; role: string }[]) {
  return mails.map(({ kind, role }) => [kind, role]);
}

export function submitted(goalDeadline = deadline): GoalScheduleEvent {
  const data = GoalSubmitted.example;
  return {
    type: 'GoalSubmitted',
    data: { ...data, goal: { ...data.goal, deadline: goalDeadline } },
    metadata,
  };
}

export function activated(): GoalScheduleEvent {
  return { type: 'GoalActivated', data: GoalActivated.example, metadata };
}

export function checkInLogged(nextDueAt: string): GoalScheduleEvent {
  return { type: 'CheckInLogged', data: { ...CheckInLogged.example, nextDueAt }, metadata };
}

export function adjusted(
  changes: TalentloopEventOfType<'GoalAdjusted'>['data']['changes'],
): GoalScheduleEvent {
  return { type: 'GoalAdjusted', data: { ...GoalAdjusted.example, changes }, metadata };
}

export function refused(restoredDeadline: string): GoalScheduleEvent {
  return {
    type: 'GoalAdjustmentRefused',
    data: { ...GoalAdjustmentRefused.example, restored: { deadline: restoredDeadline } },
    metadata,
  };
}

export function withdrawn(): GoalScheduleEvent {
  return { type: 'GoalWithdrawn', data: GoalWithdrawn.example, metadata };
}

export function evaluated(): GoalScheduleEvent {
  return { type: 'GoalEvaluated', data: GoalEvaluated.example, metadata };
}

export function planClosed(goalIds: readonly string[]): GoalScheduleEvent {
  return {
    type: 'PlanClosed',
    data: {
      ...PlanClosed.example,
      goals: goalIds.map((id) => ({ goalId: id, outcome: 'achieved' as const })),
    },
    metadata,
  };
}
