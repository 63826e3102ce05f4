const DAY_MS = 86_400_000;
/** Average month length, so growth per month reads the same for any deadline. */
const DAYS_PER_MONTH = 30.44;

/** The calendar date `months` after `date` (both YYYY-MM-DD, UTC), clamped to month end. */
export const addMonths = (date: string, months: number): string => {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
};

export const monthsBetween = (from: string, to: string): number =>
  (Date.parse(to) - Date.parse(from)) / DAY_MS / DAYS_PER_MONTH;

export const dateOf = (instant: Date): string => instant.toISOString().slice(0, 10);
