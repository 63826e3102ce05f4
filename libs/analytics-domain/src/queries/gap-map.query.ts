import type { EmployeeFacts, MeasurementFact } from '../employee-facts';
import {
  type DepartmentRow,
  average,
  departmentBreakdown,
  itemMatcher,
  matchesPerson,
  perEmployee,
  rankShown,
  subjectOf,
} from './breakdown';
import { Populations } from './populations';
import { type Figure, privacyThreshold } from './privacy';
import type { Contribution, CountedSubject } from './subjects';
import { type AnalyticsRequest, type FilterLabels, filterLabels, inScope } from './request';
import { column } from './columns';

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

/** What the gap map reads of one employee, so a request does not walk the facts. */
interface GapFacts {
  readonly subject: CountedSubject;
  /** The measured competencies, in the order of the subject's contributions. */
  readonly competencyIds: readonly string[];
  /** Aligned with competencyIds. */
  readonly gaps: readonly number[];
}

const measurementsOf = (employee: EmployeeFacts): readonly Contribution[] =>
  Object.entries(employee.measurements).map(([competencyId, measurement]) =>
    contributionOf(competencyId, measurement),
  );

const gapFactsOf = perEmployee((employee): GapFacts => {
  const entries = Object.entries(employee.measurements);
  return {
    // Made again when needed: the subject keeps columns, not a list of small objects.
    subject: subjectOf(employee, () => measurementsOf(employee)),
    competencyIds: entries.map(([competencyId]) => competencyId),
    gaps: column(entries, ([, measurement]) => measurement.gap),
  };
});

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
  const prepared = people.map(gapFactsOf);
  const populations = new Populations(
    prepared.map((each) => each.subject),
    filters,
    threshold,
    ['competency', 'department'],
    [['competency', 'department']],
    [['competency']],
  );
  const measuredByCompetency = new Map<string, { members: EmployeeFacts[]; gaps: number[] }>();
  const matching = itemMatcher(filters);
  const measure = (index: number, person: number): void => {
    const { competencyIds, gaps } = prepared[person];
    const competencyId = competencyIds[index];
    let measured = measuredByCompetency.get(competencyId);
    if (measured === undefined) {
      measured = { members: [], gaps: [] };
      measuredByCompetency.set(competencyId, measured);
    }
    measured.members.push(people[person]);
    measured.gaps.push(gaps[index]);
  };
  people.forEach((employee, person) => {
    if (matchesPerson(employee, filters)) matching(prepared[person].subject, measure, person);
  });
  const rows = [...measuredByCompetency].map(([competencyId, { members, gaps }]) => {
    const value = (group: readonly number[]): GapValue => gapOf(group.map((index) => gaps[index]));
    const figure = populations.assess({ competency: competencyId }, () => gapOf(gaps)).figure;
    return {
      competencyId,
      figure,
      byDepartment: departmentBreakdown(populations, figure, members, value, {
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
