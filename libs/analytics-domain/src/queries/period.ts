/** A calendar bucket in UTC: [from, to) as ISO instants, so buckets of one kind never overlap. */
export interface Period {
  readonly label: string;
  readonly from: string;
  readonly to: string;
}

const utc = (year: number, monthIndex: number): string =>
  new Date(Date.UTC(year, monthIndex, 1)).toISOString();

const bucket = (label: string, year: number, firstMonth: number, months: number): Period => ({
  label,
  from: utc(year, firstMonth),
  to: utc(year, firstMonth + months),
});

/** 'YYYY', 'YYYY-Qn' or 'YYYY-MM'; anything else (weeks, ranges, free dates) is undefined. */
export function parsePeriod(text: string): Period | undefined {
  const match = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  if (year < 1970) return undefined;
  if (match[2] !== undefined) return bucket(text, year, (Number(match[2]) - 1) * 3, 3);
  if (match[3] !== undefined) return bucket(text, year, Number(match[3]) - 1, 1);
  return bucket(text, year, 0, 12);
}

/**
 * The buckets that contain a period, innermost first: a month's quarter and year, a quarter's
 * year; none for a year. Asking for one of them instead is a wider query on the same people.
 */
export function enclosingPeriods(period: Period): readonly Period[] {
  const year = period.label.slice(0, 4);
  const month = /^\d{4}-(\d{2})$/.exec(period.label);
  const quarter = month === null ? [] : [`${year}-Q${Math.floor((Number(month[1]) - 1) / 3) + 1}`];
  const labels = period.label === year ? [] : [...quarter, year];
  return labels.map((label) => parsePeriod(label)!);
}

const monthPeriod = (year: number, monthIndex: number): Period => {
  const from = new Date(Date.UTC(year, monthIndex, 1));
  const label = `${from.getUTCFullYear()}-${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
  return bucket(label, from.getUTCFullYear(), from.getUTCMonth(), 1);
};

/**
 * The months a period covers, or the 12 months up to `until` without one; months that start
 * after `until` have no data yet and are left out.
 */
export const monthsOf = (period: Period | undefined, until: string): readonly Period[] => {
  const end = new Date(until);
  const first = period
    ? new Date(period.from)
    : new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1));
  const months: Period[] = [];
  for (let index = 0; ; index += 1) {
    const month = monthPeriod(first.getUTCFullYear(), first.getUTCMonth() + index);
    if (month.from > until || (period && month.from >= period.to)) break;
    months.push(month);
  }
  return months;
};

/** Event times sort lexicographically (ISO-8601 UTC), so no date parsing in hot loops. */
export const within = (period: Period, at: string | null): boolean =>
  at !== null && at >= period.from && at < period.to;

/**
 * Whether an item falls in the period (always, without one): by its parsed instant when both
 * it and the period's bounds are canonical ISO instants, else by its text.
 */
/** Whether the period's bounds compare as numbers (else every item's text is compared). */
export const numericPeriod = (period: Period | undefined): boolean =>
  period !== undefined && !Number.isNaN(instant(period.from)) && !Number.isNaN(instant(period.to));

export const periodTest = (period: Period | undefined) => {
  if (period === undefined) return (): boolean => true;
  const from = instant(period.from);
  const to = instant(period.to);
  const numeric = !Number.isNaN(from) && !Number.isNaN(to);
  return (at: number, text: string | null): boolean =>
    numeric && !Number.isNaN(at) ? at >= from && at < to : within(period, text);
};

/**
 * Milliseconds of a canonical ISO instant (which sorts like its number), else NaN: the text
 * must be exactly what toISOString writes for it. Without Date.parse and toISOString on the
 * way (the reports read hundreds of thousands of times per warm-up); `parsedInstant` is the
 * definition it keeps to.
 */
export const instant = (at: string | null): number => {
  if (at === null || at.length !== 24) return Number.NaN;
  for (let index = 0; index < 24; index += 1) {
    const code = at.charCodeAt(index);
    const expected = layout.charCodeAt(index);
    if (expected === DIGIT ? code < DIGIT || code > DIGIT + 9 : code !== expected)
      return Number.NaN;
  }
  const year = field(at, 0, 4);
  // Date.UTC reads years 0–99 as 1900–1999: those few take the general path.
  if (year < 100) return parsedInstant(at);
  const month = field(at, 5, 2);
  const day = field(at, 8, 2);
  const hour = field(at, 11, 2);
  const minute = field(at, 14, 2);
  const second = field(at, 17, 2);
  const exists =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59;
  return exists
    ? Date.UTC(year, month - 1, day, hour, minute, second, field(at, 20, 3))
    : Number.NaN;
};

/** What `instant` means: Date.parse, kept only when toISOString writes the text back. */
export const parsedInstant = (at: string): number => {
  const ms = Date.parse(at);
  return Number.isNaN(ms) || new Date(ms).toISOString() !== at ? Number.NaN : ms;
};

/** toISOString's layout for years 0–9999: 0 marks a digit. */
const layout = '0000-00-00T00:00:00.000Z';
const DIGIT = 48;

/** The number written in `length` digits from `start` (already checked to be digits). */
const field = (text: string, start: number, length: number): number => {
  let value = 0;
  for (let index = start; index < start + length; index += 1)
    value = value * 10 + text.charCodeAt(index) - DIGIT;
  return value;
};

const daysIn = (year: number, month: number): number => {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
};
