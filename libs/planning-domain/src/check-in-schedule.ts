import type { GoalActivated } from '@talentloop/contracts';

export type CheckInCadence = GoalActivated['data']['checkInCadence'];

const cadenceDays: Record<CheckInCadence, number> = { weekly: 7, fortnightly: 14, monthly: 30 };

/** When the next check-in is due, counted from `from` (activation or the last check-in). */
export const nextCheckInDue = (from: Date, cadence: CheckInCadence): string =>
  new Date(from.getTime() + cadenceDays[cadence] * 86_400_000).toISOString();
