import type { EmployeeFacts } from '../employee-facts';
import {
  type DepartmentRow,
  departmentBreakdown,
  goalsOf,
  isActiveAt,
  matchesPerson,
  share,
  subjectOf,
} from './breakdown';
import { monthsOf } from './period';
import { type Figure, Populations, privacyThreshold } from './privacy';
import {
  type AnalyticsRequest,
  type FilterLabels,
  filterLabels,
  inScope,
  referenceInstant,
} from './request';

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
    headcount.map((employee) => subjectOf(employee, null)),
    filters,
    threshold,
    ['department'],
    [['department']],
  );
  const selected = headcount.filter((employee) => matchesPerson(employee, filters));
  // The goals that count, aligned with `selected`, so each point in time is one plain pass.
  const goalsCounted = selected.map((employee) =>
    goalsOf(employee).filter(
      (goal) => filters.competencyId === undefined || goal.competencyId === filters.competencyId,
    ),
  );
  const hasActiveGoal = (index: number, at: string): boolean =>
    goalsCounted[index].some((goal) => isActiveAt(goal, at));
  const valueOf = (withGoal: number, headcount: number): ActivePlansValue => ({
    employeesWithActiveGoal: withGoal,
    headcount,
    share: share(withGoal, headcount),
  });
  const withGoalNow = new Set(selected.filter((_, index) => hasActiveGoal(index, reference)));
  const atReference = (group: readonly EmployeeFacts[]): ActivePlansValue =>
    valueOf(group.filter((employee) => withGoalNow.has(employee)).length, group.length);

  const total = populations.assess({}, () => atReference(selected)).figure;
  const overTime = monthsOf(filters.period, reference).map((month): ActivePlansPoint => {
    const at = month.to < reference ? month.to : reference;
    let withGoal = 0;
    if (total.status === 'shown') {
      for (let index = 0; index < selected.length; index += 1) {
        if (hasActiveGoal(index, at)) withGoal += 1;
      }
    }
    // Every point describes the same headcount as the total, so it shares its verdict.
    const figure: Figure<ActivePlansValue> =
      total.status === 'shown' ? { ...total, value: valueOf(withGoal, selected.length) } : total;
    return { month: month.label, at, figure };
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
