import type { EmployeeFacts, GoalFact } from '../employee-facts';
import { numericPeriod, periodTest, within } from './period';
import type { Populations } from './populations';
import { type Figure, suppressComplements } from './privacy';
import {
  type Contribution,
  type ContributionSource,
  CountedSubject,
  type RowKey,
  competencyKind,
  ready,
  timeText,
} from './subjects';
import type { AnalyticsFilters } from './request';

export interface DepartmentRow<Value> {
  readonly departmentId: string | null;
  readonly departmentName: string | null;
  readonly figure: Figure<Value>;
}

/** Department and role come from the employee's current facts. */
export const matchesPerson = (facts: EmployeeFacts, filters: AnalyticsFilters): boolean =>
  (filters.departmentId === undefined || facts.departmentId === filters.departmentId) &&
  (filters.roleId === undefined || facts.roleId === filters.roleId);

/** Active at `at`: activated by then and not yet closed (a withdrawal closes it too). */
export const isActiveAt = (goal: GoalFact, at: string): boolean =>
  goal.activatedAt !== null &&
  goal.activatedAt <= at &&
  (goal.closedAt === null ? goal.status !== 'withdrawn' : goal.closedAt > at);

/**
 * Derived data per employee, computed once: facts are immutable and replaced whenever the
 * employee changes, so it stays valid across requests and is freed with the facts. Its
 * columns are plain arrays of numbers, not typed arrays: a typed array of an employee's few
 * values costs an ArrayBuffer and an off-heap backing store each, many times their size.
 */
export const perEmployee = <Value>(
  derive: (facts: EmployeeFacts) => Value,
): ((facts: EmployeeFacts) => Value) => {
  const cache = new WeakMap<EmployeeFacts, Value>();
  // One lookup per call: a report asks for every employee's on every request.
  return (facts) => {
    const kept = cache.get(facts);
    if (kept !== undefined) return kept;
    const value = derive(facts);
    cache.set(facts, value);
    return value;
  };
};

export const goalsOf: (facts: EmployeeFacts) => readonly GoalFact[] = perEmployee((facts) =>
  Object.values(facts.goals),
);

export const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

export const average = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * Rows per department of the people behind a shown (or withheld) total, each row checked like
 * a query with that department filter, then secondary suppression against the total. Rows are
 * ordered by department, never by size, so the order tells nothing about withheld rows.
 */
export function departmentBreakdown<Value>(
  populations: Populations,
  total: Figure<unknown>,
  members: readonly EmployeeFacts[],
  /** Gets each group as indexes into `members`, ascending. */
  value: (group: readonly number[]) => Value,
  outer: RowKey = {},
): DepartmentRow<Value>[] {
  const groups = new Map<string | null, number[]>();
  members.forEach((facts, index) => {
    const group = groups.get(facts.departmentId);
    if (group === undefined) groups.set(facts.departmentId, [index]);
    else group.push(index);
  });
  // Sorted before suppression so that ties break the same way whatever the order of the facts.
  const rows = [...groups]
    .sort(byKey(([departmentId]) => departmentId ?? ''))
    .map(([departmentId, group]) => ({
      departmentId,
      departmentName:
        group.map((index) => members[index]).find((facts) => facts.departmentName !== null)
          ?.departmentName ?? null,
      ...populations.assess({ ...outer, department: departmentId }, () => value(group)),
    }));
  return suppressComplements(total, rows, populations.threshold).map(
    ({ departmentId, departmentName, figure }) => ({ departmentId, departmentName, figure }),
  );
}

export const byKey =
  <Item>(key: (item: Item) => string) =>
  (a: Item, b: Item): number =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** Shown rows by a measure, largest first; withheld rows after them by key, so their place leaks nothing. */
export function rankShown<Row extends { readonly figure: Figure<unknown> }>(
  rows: readonly Row[],
  measure: (row: Row) => number,
  key: (row: Row) => string,
): Row[] {
  const shown = rows.filter((row) => row.figure.status === 'shown');
  const hidden = rows.filter((row) => row.figure.status === 'withheld');
  return [
    ...shown.sort((a, b) => measure(b) - measure(a) || byKey(key)(a, b)),
    ...hidden.sort(byKey(key)),
  ];
}

/** Reports cache subjects per employee (perEmployee), so their preparation is kept too. */
export const subjectOf = (
  facts: EmployeeFacts,
  contributions: ContributionSource | null,
): CountedSubject =>
  new CountedSubject(facts.employeeId, facts.departmentId, facts.roleId, contributions);

/** Whether a contribution passes the competency and period filters. */
export const matchesItem = (filters: AnalyticsFilters, item: Contribution): boolean =>
  (filters.competencyId === undefined || item.competencyId === filters.competencyId) &&
  (filters.period === undefined || within(filters.period, item.at));

/**
 * What matchesItem tells, for the contributions of kept subjects: `each(index, context)` for
 * every one that passes the request's competency and period filters, read from the subject's
 * prepared columns (numbered competencies, parsed times, made once per version of the facts)
 * instead of from its contributions' strings, which lie all over the heap.
 */
export const itemMatcher = (filters: AnalyticsFilters) => {
  const { competencyId, period } = filters;
  const inPeriod = periodTest(period);
  const numeric = numericPeriod(period);
  // The filter's competency as numbered, once a subject's columns have numbered it (before
  // that, no subject seen had contributed to it).
  let competency: number | undefined;
  // `each` gets the caller's `context` (a person's number, say) rather than closing over it:
  // a report calls this once per person, and a closure per call is garbage per person.
  return <Context>(
    subject: CountedSubject,
    each: (index: number, context: Context) => void,
    context: Context,
  ): void => {
    const entry = subject.prepared();
    if (entry === null) return;
    ready(entry, competencyId !== undefined, period !== undefined);
    if (competencyId !== undefined) {
      competency ??= competencyKind().lookup(competencyId);
      if (competency === undefined) return;
    }
    const { competencies, instants } = entry;
    for (let index = 0; index < entry.length; index += 1) {
      if (competency !== undefined && competencies![index] !== competency) continue;
      if (period !== undefined) {
        const at = instants === null ? Number.NaN : instants[index];
        if (!inPeriod(at, numeric && !Number.isNaN(at) ? null : timeText(entry, index))) continue;
      }
      each(index, context);
    }
  };
};
