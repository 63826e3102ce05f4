import type { InboxItem, OverdueCheckIn, Report, TeamGoal } from './types';

/** The ids a list of people names, each once, in order of first appearance. */
export const uniqueIds = (ids: Iterable<string>): string[] => [...new Set(ids)];

/** A person on the team page: a direct report (with their name when known), or someone else. */
export interface TeamMember {
  readonly employeeId: string;
  readonly displayName: string | null;
  /** A direct report now; otherwise someone whose request is in the inbox (HR as delegate, a former report). */
  readonly report: boolean;
}

/**
 * The team members the manager's pages show: every direct report (in the order planning gives
 * them, by name), then anyone else with a request in the inbox or an overdue check-in, by id.
 */
export const teamMembers = (sources: {
  readonly reports: readonly Report[];
  readonly inbox: readonly Pick<InboxItem, 'employeeId'>[];
  readonly overdue: readonly Pick<OverdueCheckIn, 'employeeId'>[];
}): TeamMember[] => {
  const reports = new Set(sources.reports.map((report) => report.employeeId));
  const others = uniqueIds([
    ...sources.inbox.map((item) => item.employeeId),
    ...sources.overdue.map((item) => item.employeeId),
  ])
    .filter((id) => !reports.has(id))
    .sort((a, b) => a.localeCompare(b));
  return [
    ...sources.reports
      .filter(
        (report, index, all) => all.findIndex((r) => r.employeeId === report.employeeId) === index,
      )
      .map((report) => ({ ...report, report: true })),
    ...others.map((employeeId) => ({ employeeId, displayName: null, report: false })),
  ];
};

/** How long a check-in is past due, in whole days (0 on the day it fell due). */
export const daysOverdue = (dueAt: string, now: Date): number => {
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return 0;
  return Math.max(0, Math.floor((now.getTime() - due) / 86_400_000));
};

/** Overdue check-ins, longest overdue first. */
export const byMostOverdue = (items: readonly OverdueCheckIn[]): OverdueCheckIn[] =>
  [...items].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.title.localeCompare(b.title));

/** Statuses in the order a manager attends to them: waiting on them, running, then the rest. */
const statusRank: Readonly<Record<string, number>> = {
  submitted: 0,
  active: 1,
  rejected: 2,
  revised: 3,
  draft: 4,
  evaluated: 5,
  withdrawn: 6,
};

/** A member's goals, those waiting on the manager and running first, then by title. */
export const orderGoals = (goals: readonly TeamGoal[]): TeamGoal[] =>
  [...goals].sort(
    (a, b) =>
      (statusRank[a.status] ?? 9) - (statusRank[b.status] ?? 9) ||
      a.content.title.localeCompare(b.content.title),
  );

/** What needs the manager on one goal. */
export interface GoalAttention {
  /** The pending request of the goal's submission, when it is in the inbox. */
  readonly submissionRequest?: string;
  /** Pending requests of its adjustments, by adjustment id. */
  readonly adjustmentRequests: readonly { adjustmentId: string; requestId?: string }[];
  /** The check-in is past due (from the overdue list). */
  readonly overdueCheckIn?: OverdueCheckIn;
}

/** Joins a goal with the inbox and the overdue check-ins: what the manager should act on. */
export const attentionOf = (
  goal: Pick<TeamGoal, 'goalId' | 'unacknowledgedAdjustments'>,
  inbox: readonly InboxItem[],
  overdue: readonly OverdueCheckIn[],
): GoalAttention => {
  const requests = inbox.filter((item) => item.goalId === goal.goalId);
  const submission = requests.find((item) => item.kind === 'submission');
  const adjustmentIds = uniqueIds([
    ...goal.unacknowledgedAdjustments,
    ...requests.flatMap((item) => (item.adjustment ? [item.adjustment.adjustmentId] : [])),
  ]);
  const overdueCheckIn = overdue.find((item) => item.goalId === goal.goalId);
  return {
    ...(submission && { submissionRequest: submission.requestId }),
    adjustmentRequests: adjustmentIds.map((adjustmentId) => {
      const request = requests.find((item) => item.adjustment?.adjustmentId === adjustmentId);
      return { adjustmentId, ...(request && { requestId: request.requestId }) };
    }),
    ...(overdueCheckIn && { overdueCheckIn }),
  };
};
