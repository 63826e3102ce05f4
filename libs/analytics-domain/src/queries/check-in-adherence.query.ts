import { expectedCheckInMinutes } from '@talentloop/contracts';
import { assertNever } from '@talentloop/domain-kernel';
import type { CheckInFact, EmployeeFacts, GoalFact } from '../employee-facts';
import {
  type DepartmentRow,
  departmentBreakdown,
  goalsOf,
  isActiveAt,
  itemMatcher,
  matchesItem,
  matchesPerson,
  perEmployee,
  share,
  subjectOf,
} from './breakdown';
import { Populations } from './populations';
import { type Figure, privacyThreshold } from './privacy';
import type { Contribution, CountedSubject } from './subjects';
import {
  type AnalyticsRequest,
  type FilterLabels,
  filterLabels,
  inScope,
  referenceInstant,
} from './request';
import { exactly } from './columns';

export interface CheckInAdherenceValue {
  /** Check-ins held plus check-ins due before the reference instant and not held. */
  readonly due: number;
  readonly onTime: number;
  readonly share: number;
  /** Check-ins held: only those have a length. */
  readonly held: number;
  /** Held check-ins whose length was outside the expected range: accepted, and counted here. */
  readonly outsideExpectedLength: OutsideExpectedLength;
}

export interface OutsideExpectedLength {
  readonly count: number;
  /** Shorter than the expected range. */
  readonly short: number;
  /** Longer than the expected range. */
  readonly long: number;
  /** Share of the held check-ins. */
  readonly share: number;
}

export interface CheckInAdherenceReport {
  readonly filters: FilterLabels;
  readonly threshold: number;
  readonly referenceInstant: string;
  /** The range `outsideExpectedLength` is read against (checkInLength). */
  readonly expectedCheckInMinutes: typeof expectedCheckInMinutes;
  readonly total: Figure<CheckInAdherenceValue>;
  readonly byDepartment: readonly DepartmentRow<CheckInAdherenceValue>[];
}

/** Due check-ins at one date, or a run of missed ones counted at the first of them. */
interface DueCheckIns extends Contribution {
  readonly at: string;
  readonly count: number;
  readonly onTime: boolean;
  readonly held: boolean;
  readonly outsideExpectedLength?: CheckInFact['outsideExpectedLength'];
}

/** What one member, or a group of them, adds up to. */
interface CheckInCounts {
  due: number;
  onTime: number;
  held: number;
  short: number;
  long: number;
}

const noCheckIns = (): CheckInCounts => ({ due: 0, onTime: 0, held: 0, short: 0, long: 0 });

const countInto = (counts: CheckInCounts, checkIns: DueCheckIns): void => {
  counts.due += checkIns.count;
  if (checkIns.onTime) counts.onTime += checkIns.count;
  if (checkIns.held) counts.held += checkIns.count;
  if (checkIns.outsideExpectedLength === 'short') counts.short += checkIns.count;
  if (checkIns.outsideExpectedLength === 'long') counts.long += checkIns.count;
};

const addInto = (counts: CheckInCounts, more: CheckInCounts): void => {
  counts.due += more.due;
  counts.onTime += more.onTime;
  counts.held += more.held;
  counts.short += more.short;
  counts.long += more.long;
};

/** CheckInCounts as five numbers in a row of a flat array (due, onTime, held, short, long). */
const COUNTS_WIDTH = 5;

const writeCounts = (into: Int32Array, row: number, counts: CheckInCounts): void => {
  const at = row * COUNTS_WIDTH;
  into[at] = counts.due;
  into[at + 1] = counts.onTime;
  into[at + 2] = counts.held;
  into[at + 3] = counts.short;
  into[at + 4] = counts.long;
};

const addCountsAt = (counts: CheckInCounts, from: Int32Array, row: number): void => {
  const at = row * COUNTS_WIDTH;
  counts.due += from[at];
  counts.onTime += from[at + 1];
  counts.held += from[at + 2];
  counts.short += from[at + 3];
  counts.long += from[at + 4];
};

const clear = (counts: CheckInCounts): void => {
  counts.due = 0;
  counts.onTime = 0;
  counts.held = 0;
  counts.short = 0;
  counts.long = 0;
};

const DAY_MS = 86_400_000;

const cadenceDays = (cadence: NonNullable<GoalFact['checkInCadence']>): number => {
  switch (cadence) {
    case 'weekly':
      return 7;
    case 'fortnightly':
      return 14;
    case 'monthly':
      return 30;
    default:
      return assertNever(cadence);
  }
};

/**
 * The due dates of an active goal that passed without a check-in: its next due date and every
 * cadence step after it before the reference instant. They are counted, not listed (a goal
 * forgotten for a year must not cost a year of dates), as two runs split at the period start:
 * the run before it only matters for populations that drop the period filter.
 */
const missedOf = (
  goal: GoalFact,
  first: number,
  end: number,
  periodStart: number | undefined,
): DueCheckIns[] => {
  if (goal.nextCheckInDueAt === null) return [];
  if (!(first < end)) return [];
  const missed = (at: string, count: number): DueCheckIns => ({
    competencyId: goal.competencyId,
    at,
    count,
    onTime: false,
    held: false,
  });
  if (goal.checkInCadence === null) return [missed(goal.nextCheckInDueAt, 1)];
  const step = cadenceDays(goal.checkInCadence) * DAY_MS;
  const dueBefore = (limit: number): number =>
    limit <= first ? 0 : Math.ceil((limit - first) / step);
  const before = periodStart === undefined ? 0 : dueBefore(periodStart);
  const total = dueBefore(end);
  return [
    ...(before > 0 ? [missed(goal.nextCheckInDueAt, before)] : []),
    ...(total > before
      ? [missed(new Date(first + before * step).toISOString(), total - before)]
      : []),
  ];
};

/** A held check-in's flags (held ones count once each, where they were due). */
const ON_TIME = 1;
const SHORT = 2;
const LONG = 4;

const flagsOf = (checkIn: CheckInFact): number =>
  (checkIn.onTime ? ON_TIME : 0) |
  (checkIn.outsideExpectedLength === 'short' ? SHORT : 0) |
  (checkIn.outsideExpectedLength === 'long' ? LONG : 0);

const countHeldInto = (counts: CheckInCounts, flags: number): void => {
  counts.due += 1;
  counts.held += 1;
  if (flags & ON_TIME) counts.onTime += 1;
  if (flags & SHORT) counts.short += 1;
  if (flags & LONG) counts.long += 1;
};

/**
 * Held check-ins count where they were due (else when held), on their goal's competency; in
 * the order of the flags below.
 */
const heldOf = (employee: EmployeeFacts): readonly Contribution[] =>
  goalsOf(employee).flatMap((goal) =>
    goal.checkIns.map(
      (checkIn): Contribution => ({
        competencyId: goal.competencyId,
        at: checkIn.dueAt ?? checkIn.heldAt,
      }),
    ),
  );

/** What adherence reads of one employee; only missed check-ins depend on the request. */
interface CheckInFacts {
  /**
   * Held check-ins' flags, aligned with heldOf. Missed ones are only known for a goal that is
   * still active. People who left have no missed check-ins: nobody expects them.
   */
  readonly heldFlags: readonly number[];
  /**
   * heldOf, kept only for someone a check-in is expected of: only they can have missed ones,
   * and their subject is then made per request from these and the missed ones.
   */
  readonly held: readonly Contribution[] | null;
  readonly heldSubject: CountedSubject;
  readonly heldCounts: CheckInCounts;
  /** Active goals with a next due date, and that date in ms. */
  readonly expecting: readonly { readonly goal: GoalFact; readonly first: number }[];
}

const checkInFactsOf = perEmployee((employee): CheckInFacts => {
  const heldFlags = exactly(goalsOf(employee).flatMap((goal) => goal.checkIns.map(flagsOf)));
  const heldCounts = noCheckIns();
  for (const flags of heldFlags) countHeldInto(heldCounts, flags);
  const expecting =
    employee.employmentStatus === 'active'
      ? goalsOf(employee)
          .filter((goal) => goal.status === 'active' && goal.nextCheckInDueAt !== null)
          .map((goal) => ({ goal, first: Date.parse(goal.nextCheckInDueAt!) }))
      : [];
  const held = expecting.length > 0 ? exactly(heldOf(employee)) : null;
  return {
    heldFlags,
    held,
    // Else made again when needed: the subject keeps columns, not a list of small objects.
    heldSubject: subjectOf(employee, held ?? (() => heldOf(employee))),
    heldCounts,
    expecting,
  };
});

/** The missed check-ins of an employee at the reference instant; the order does not matter. */
const missedCheckInsOf = (
  checkIns: CheckInFacts,
  reference: string,
  end: number,
  periodStart: number | undefined,
): DueCheckIns[] | undefined => {
  let missed: DueCheckIns[] | undefined;
  for (const { goal, first } of checkIns.expecting) {
    if (!isActiveAt(goal, reference)) continue;
    const runs = missedOf(goal, first, end, periodStart);
    if (runs.length > 0) (missed ??= []).push(...runs);
  }
  return missed;
};

/**
 * Share of due check-ins that were held on time, and how many held ones were outside the
 * expected length: one figure, on one population, withheld as a whole.
 */
export function checkInAdherenceReport(
  facts: readonly EmployeeFacts[],
  request: AnalyticsRequest,
): CheckInAdherenceReport {
  const threshold = privacyThreshold(request.threshold);
  const { filters } = request;
  const reference = referenceInstant(request);
  const people = facts.filter((employee) => inScope(employee, request.scope));
  const end = Date.parse(reference);
  const periodStart = filters.period === undefined ? undefined : Date.parse(filters.period.from);
  const prepared = people.map(checkInFactsOf);
  const missedByEmployee = prepared.map((checkIns) =>
    missedCheckInsOf(checkIns, reference, end, periodStart),
  );
  const populations = new Populations(
    people.map((employee, index) => {
      const missed = missedByEmployee[index];
      // Only the held check-ins are the same from one request to the next.
      return missed === undefined
        ? prepared[index].heldSubject
        : {
            employeeId: employee.employeeId,
            departmentId: employee.departmentId,
            roleId: employee.roleId,
            contributions: [...(prepared[index].held ?? heldOf(employee)), ...missed],
          };
    }),
    filters,
    threshold,
    ['department'],
    [['department']],
  );
  // Each member's counts, once, so rows only add them up: five numbers a member in one flat
  // array, not an object each (ten thousand of those lived through the request, and were
  // promoted to the old generation by the collections the request itself brought).
  const everyItem = filters.competencyId === undefined && filters.period === undefined;
  const members: EmployeeFacts[] = [];
  const memberCounts = new Int32Array(people.length * COUNTS_WIDTH);
  const matchingHeld = itemMatcher(filters);
  const counts = noCheckIns();
  const countHeld = (item: number, checkIns: CheckInFacts): void =>
    countHeldInto(counts, checkIns.heldFlags[item]);
  people.forEach((employee, index) => {
    if (!matchesPerson(employee, filters)) return;
    const checkIns = prepared[index];
    clear(counts);
    if (everyItem) addInto(counts, checkIns.heldCounts);
    else matchingHeld(checkIns.heldSubject, countHeld, checkIns);
    for (const missed of missedByEmployee[index] ?? [])
      if (matchesItem(filters, missed)) countInto(counts, missed);
    if (counts.due > 0) {
      writeCounts(memberCounts, members.length, counts);
      members.push(employee);
    }
  });
  const value = (group: readonly number[]): CheckInAdherenceValue => {
    const sum = noCheckIns();
    for (const member of group) addCountsAt(sum, memberCounts, member);
    const outside = sum.short + sum.long;
    return {
      due: sum.due,
      onTime: sum.onTime,
      share: share(sum.onTime, sum.due),
      held: sum.held,
      outsideExpectedLength: {
        count: outside,
        short: sum.short,
        long: sum.long,
        share: share(outside, sum.held),
      },
    };
  };
  const total = populations.assess({}, () => value(members.map((_, index) => index))).figure;
  return {
    filters: filterLabels(filters),
    threshold,
    referenceInstant: reference,
    expectedCheckInMinutes,
    total,
    byDepartment: departmentBreakdown(populations, total, members, value),
  };
}
