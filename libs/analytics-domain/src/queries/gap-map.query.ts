import type { EmployeeFacts, MeasurementFact } from '../employee-facts';
import {
  type DepartmentRow,
  average,
  departmentBreakdown,
  matchesItem,
  matchesPerson,
  rankShown,
  subjectOf,
} from './breakdown';
import { type Contribution, type Figure, Populations, privacyThreshold } from './privacy';
import { type AnalyticsRequest, type FilterLabels, filterLabels, inScope } from './request';

/** People per gap bucket: below 0, 0–9, 10–19, 20–29 and 30 or more points. */
export interface GapDistribution {
  readonly below0: number;
  readonly from0to9: number;
  readonly from10to19: number;
  readonly from20to29: number;
  readonly from30: number;
}

export interface GapValue {
  readonly averageGap: number;
  readonly distribution: GapDistribution;
}

export interface GapMapRow {
  readonly competencyId: string;
  readonly figure: Figure<GapValue>;
  readonly byDepartment: readonly DepartmentRow<GapValue>[];
}

export interface GapMapReport {
  readonly filters: FilterLabels;
  readonly threshold: number;
  /** Largest average gap first; withheld rows last, by competency. */
  readonly competencies: readonly GapMapRow[];
}

const contributionOf = (competencyId: string, measurement: MeasurementFact): Contribution => ({
  competencyId,
  at: measurement.measuredAt,
});

const measurementsOf = (employee: EmployeeFacts): readonly Contribution[] =>
  Object.entries(employee.measurements).map(([competencyId, measurement]) =>
    contributionOf(competencyId, measurement),
  );

/**
 * Where the gaps are, from each employee's latest measurement per competency. The gap map is
 * about the current workforce, so people who left are not in it.
 */
export function gapMapReport(
  facts: readonly EmployeeFacts[],
  request: AnalyticsRequest,
): GapMapReport {
  const threshold = privacyThreshold(request.threshold);
  const { filters } = request;
  const people = facts.filter(
    (employee) => inScope(employee, request.scope) && employee.employmentStatus === 'active',
  );
  const populations = new Populations(
    people.map((employee) => subjectOf(employee, measurementsOf(employee))),
    filters,
    threshold,
    ['competency', 'department'],
    [['competency', 'department']],
  );
  const measuredByCompetency = new Map<string, EmployeeFacts[]>();
  for (const employee of people) {
    if (!matchesPerson(employee, filters)) continue;
    for (const [competencyId, measurement] of Object.entries(employee.measurements)) {
      if (!matchesItem(filters, contributionOf(competencyId, measurement))) continue;
      const measured = measuredByCompetency.get(competencyId);
      if (measured === undefined) measuredByCompetency.set(competencyId, [employee]);
      else measured.push(employee);
    }
  }
  const rows = [...measuredByCompetency].map(([competencyId, measured]) => {
    const value = (group: readonly EmployeeFacts[]): GapValue =>
      gapOf(group.map((employee) => employee.measurements[competencyId].gap));
    const figure = populations.assess({ competency: competencyId }, () => value(measured)).figure;
    return {
      competencyId,
      figure,
      byDepartment: departmentBreakdown(populations, figure, measured, value, {
        competency: competencyId,
      }),
    };
  });
  return {
    filters: filterLabels(filters),
    threshold,
    competencies: rankShown(
      rows,
      (row) => (row.figure.status === 'shown' ? row.figure.value.averageGap : 0),
      (row) => row.competencyId,
    ),
  };
}

const gapOf = (gaps: readonly number[]): GapValue => {
  const distribution = { below0: 0, from0to9: 0, from10to19: 0, from20to29: 0, from30: 0 };
  for (const gap of gaps) {
    if (gap < 0) distribution.below0 += 1;
    else if (gap < 10) distribution.from0to9 += 1;
    else if (gap < 20) distribution.from10to19 += 1;
    else if (gap < 30) distribution.from20to29 += 1;
    else distribution.from30 += 1;
  }
  return { averageGap: average(gaps), distribution };
};
