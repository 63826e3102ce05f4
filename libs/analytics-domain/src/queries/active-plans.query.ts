import type { EmployeeFacts } from '../employee-facts';
import {
  type DepartmentRow,
  departmentBreakdown,
  goalsOf,
  isActiveAt,
  matchesPerson,
  perEmployee,
  share,
  subjectOf,
} from './breakdown';
import { instant, monthsOf } from './period';
import { Populations } from './populations';
import { type Figure, privacyThreshold } from './privacy';
import {
  type AnalyticsRequest,
  type FilterLabels,
  filterLabels,
  inScope,
  referenceInstant,
} from './request';
import { column } from './columns';

export interface ActivePlansValue {
  readonly employeesWithActiveGoal: number;
  readonly headcount: number;
  readonly share: number;
}

export interface ActivePlansPoint {
  /** 'YYYY-MM' */
  readonly month: string;
  /** The month's end, or the reference instant for the running month. */
  readonly at: string;
  readonly figure: Figure<ActivePlansValue>;
}

export interface ActivePlansReport {
  readonly filters: FilterLabels;
  readonly threshold: number;
  readonly referenceInstant: string;
  readonly total: Figure<ActivePlansValue>;
  readonly byDepartment: readonly DepartmentRow<ActivePlansValue>[];
  readonly overTime: readonly ActivePlansPoint[];
}

/**
 * When each goal was active, [start, end) in ms: isActiveAt as numbers, so points in time
 * are compared without touching the goals. Null when a time is not canonical ISO-8601.
 */
interface ActiveSpans {
  readonly competencies: readonly string[];
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}
const spansOf = perEmployee((employee): ActiveSpans | null => {
  const goals = goalsOf(employee).filter(
    (goal) => goal.activatedAt !== null && (goal.closedAt !== null || goal.status !== 'withdrawn'),
  );
  const starts = column(goals, (goal) => instant(goal.activatedAt));
  const ends = column(goals, (goal) =>
    goal.closedAt === null ? Number.POSITIVE_INFINITY : instant(goal.closedAt),
  );
  if (starts.some(Number.isNaN) || ends.some(Number.isNaN)) return null;
  return { competencies: goals.map((goal) => goal.competencyId), starts, ends };
});

/** Per point, how many employees had an active goal (on the competency, if filtered). */
function activeGoalCounts(
  employees: readonly EmployeeFacts[],
  competencyId: string | undefined,
  points: readonly string[],
): { withGoal: Int32Array; withGoalNow: Uint8Array } {
  const withGoal = new Int32Array(points.length);
  const withGoalNow = new Uint8Array(employees.length);
  const last = points.length - 1;
  const instants = Float64Array.from(points, instant);
  const numeric = !instants.some(Number.isNaN);
  const active = new Uint8Array(points.length);
  employees.forEach((employee, index) => {
    active.fill(0);
    const spans = numeric ? spansOf(employee) : null;
    if (spans !== null) {
      for (let goal = 0; goal < spans.starts.length; goal += 1) {
        if (competencyId !== undefined && spans.competencies[goal] !== competencyId) continue;
        for (let point = 0; point < points.length; point += 1) {
          const at = instants[point];
          if (spans.starts[goal] <= at && at < spans.ends[goal]) active[point] = 1;
        }
      }
    } else {
      for (const goal of goalsOf(employee)) {
        if (competencyId !== undefined && goal.competencyId !== competencyId) continue;
        points.forEach((at, point) => {
          if (isActiveAt(goal, at)) active[point] = 1;
        });
      }
    }
    for (let point = 0; point < points.length; point += 1) withGoal[point] += active[point];
    withGoalNow[index] = active[last];
  });
  return { withGoal, withGoalNow };
}

const headcountSubjectOf = perEmployee((employee) => subjectOf(employee, null));

/**
 * Share of the active headcount with at least one active goal. The people of the figure are
 * the headcount, which competency and period do not narrow: they only decide which goals count.
 */
export function activePlansReport(
  facts: readonly EmployeeFacts[],
  request: AnalyticsRequest,
): ActivePlansReport {
  const threshold = privacyThreshold(request.threshold);
  const { filters } = request;
  const reference = referenceInstant(request);
  const headcount = facts.filter(
    (employee) => inScope(employee, request.scope) && employee.employmentStatus === 'active',
  );
  const populations = new Populations(
    headcount.map(headcountSubjectOf),
    filters,
    threshold,
    ['department'],
    [['department']],
  );
  const selected = headcount.filter((employee) => matchesPerson(employee, filters));
  const months = monthsOf(filters.period, reference);
  const points = [
    ...months.map((month) => (month.to < reference ? month.to : reference)),
    reference,
  ];
  const { withGoal, withGoalNow } = activeGoalCounts(selected, filters.competencyId, points);
  const valueOf = (withGoal: number, headcount: number): ActivePlansValue => ({
    employeesWithActiveGoal: withGoal,
    headcount,
    share: share(withGoal, headcount),
  });
  const atReference = (group: readonly number[]): ActivePlansValue =>
    valueOf(
      group.reduce((count, index) => count + withGoalNow[index], 0),
      group.length,
    );

  const total = populations.assess({}, () =>
    valueOf(withGoal[points.length - 1], selected.length),
  ).figure;
  const overTime = months.map((month, index): ActivePlansPoint => {
    // Every point describes the same headcount as the total, so it shares its verdict.
    const figure: Figure<ActivePlansValue> =
      total.status === 'shown'
        ? { ...total, value: valueOf(withGoal[index], selected.length) }
        : total;
    return { month: month.label, at: points[index], figure };
  });
  return {
    filters: filterLabels(filters),
    threshold,
    referenceInstant: reference,
    total,
    byDepartment: departmentBreakdown(populations, total, selected, atReference),
    overTime,
  };
}
