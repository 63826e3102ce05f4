import { assertNever } from '@talentloop/domain-kernel';
import type { EmployeeFacts, GoalFact } from '../employee-facts';
import {
  type DepartmentRow,
  departmentBreakdown,
  goalsOf,
  isActiveAt,
  matchesItem,
  matchesPerson,
  share,
  subjectOf,
} from './breakdown';
import type { Period } from './period';
import { type Contribution, type Figure, Populations, privacyThreshold } from './privacy';
import {
  type AnalyticsRequest,
  type FilterLabels,
  filterLabels,
  inScope,
  referenceInstant,
} from './request';

export interface CheckInAdherenceValue {
  /** Check-ins held plus check-ins due before the reference instant and not held. */
  readonly due: number;
  readonly onTime: number;
  readonly share: number;
}

export interface CheckInAdherenceReport {
  readonly filters: FilterLabels;
  readonly threshold: number;
  readonly referenceInstant: string;
  readonly total: Figure<CheckInAdherenceValue>;
  readonly byDepartment: readonly DepartmentRow<CheckInAdherenceValue>[];
}

/** Due check-ins at one date, or a run of missed ones counted at the first of them. */
interface DueCheckIns extends Contribution {
  readonly at: string;
  readonly count: number;
  readonly onTime: boolean;
}

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
const missedOf = (goal: GoalFact, reference: string, period: Period | undefined): DueCheckIns[] => {
  if (goal.nextCheckInDueAt === null) return [];
  const first = Date.parse(goal.nextCheckInDueAt);
  const end = Date.parse(reference);
  if (!(first < end)) return [];
  const missed = (at: string, count: number): DueCheckIns => ({
    competencyId: goal.competencyId,
    at,
    count,
    onTime: false,
  });
  if (goal.checkInCadence === null) return [missed(goal.nextCheckInDueAt, 1)];
  const step = cadenceDays(goal.checkInCadence) * DAY_MS;
  const dueBefore = (limit: number): number =>
    limit <= first ? 0 : Math.ceil((limit - first) / step);
  const before = period === undefined ? 0 : dueBefore(Date.parse(period.from));
  const total = dueBefore(end);
  return [
    ...(before > 0 ? [missed(goal.nextCheckInDueAt, before)] : []),
    ...(total > before
      ? [missed(new Date(first + before * step).toISOString(), total - before)]
      : []),
  ];
};

/**
 * Held check-ins count where they were due (else when held). Missed ones are only known for a
 * goal that is still active. People who left have no missed check-ins: nobody expects them.
 */
const dueCheckInsOf = (
  employee: EmployeeFacts,
  reference: string,
  period: Period | undefined,
): readonly DueCheckIns[] =>
  goalsOf(employee).flatMap((goal) => {
    const held = goal.checkIns.map(
      (checkIn): DueCheckIns => ({
        competencyId: goal.competencyId,
        at: checkIn.dueAt ?? checkIn.heldAt,
        count: 1,
        onTime: checkIn.onTime,
      }),
    );
    const stillExpected =
      employee.employmentStatus === 'active' &&
      goal.status === 'active' &&
      isActiveAt(goal, reference);
    return stillExpected ? [...held, ...missedOf(goal, reference, period)] : held;
  });

/** Share of due check-ins that were held on time. */
export function checkInAdherenceReport(
  facts: readonly EmployeeFacts[],
  request: AnalyticsRequest,
): CheckInAdherenceReport {
  const threshold = privacyThreshold(request.threshold);
  const { filters } = request;
  const reference = referenceInstant(request);
  const people = facts.filter((employee) => inScope(employee, request.scope));
  const dueByEmployee = new Map(
    people.map((employee) => [
      employee.employeeId,
      dueCheckInsOf(employee, reference, filters.period),
    ]),
  );
  const dueOf = (employee: EmployeeFacts): readonly DueCheckIns[] =>
    dueByEmployee.get(employee.employeeId) ?? [];
  const populations = new Populations(
    people.map((employee) => subjectOf(employee, dueOf(employee))),
    filters,
    threshold,
    ['department'],
    [['department']],
  );
  // Each member's due and on-time counts, once, so rows only add them up.
  const tallies = new Map<EmployeeFacts, { due: number; onTime: number }>();
  for (const employee of people) {
    if (!matchesPerson(employee, filters)) continue;
    let due = 0;
    let onTime = 0;
    for (const checkIns of dueOf(employee)) {
      if (!matchesItem(filters, checkIns)) continue;
      due += checkIns.count;
      if (checkIns.onTime) onTime += checkIns.count;
    }
    if (due > 0) tallies.set(employee, { due, onTime });
  }
  const members = [...tallies.keys()];
  const value = (group: readonly EmployeeFacts[]): CheckInAdherenceValue => {
    let due = 0;
    let onTime = 0;
    for (const employee of group) {
      const tally = tallies.get(employee)!;
      due += tally.due;
      onTime += tally.onTime;
    }
    return { due, onTime, share: share(onTime, due) };
  };
  const total = populations.assess({}, () => value(members)).figure;
  return {
    filters: filterLabels(filters),
    threshold,
    referenceInstant: reference,
    total,
    byDepartment: departmentBreakdown(populations, total, members, value),
  };
}
