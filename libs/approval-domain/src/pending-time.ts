const MS_PER_SECOND = 1000;
const SECONDS_PER_DAY = 86_400;

/** Whole seconds from submission to `now`; never negative, so clock skew cannot go below 0. */
export const secondsBetween = (fromIso: string, now: Date): number =>
  Math.max(0, Math.floor((now.getTime() - Date.parse(fromIso)) / MS_PER_SECOND));

/** Whole days a request has been pending at `now`. */
export const pendingDaysAt = (submittedAt: string, now: Date): number =>
  Math.floor(secondsBetween(submittedAt, now) / SECONDS_PER_DAY);

/**
 * A request is overdue once it has waited the organisation's number of days; at least one
 * day, because ApprovalOverdue reports whole days (minimum 1).
 */
export const isOverdue = (submittedAt: string, now: Date, overdueAfterDays: number): boolean =>
  pendingDaysAt(submittedAt, now) >= Math.max(1, overdueAfterDays);
