import { assertNever } from '@talentloop/domain-kernel';
import type { EmployeeFacts, GoalFact, GoalStatus } from '../employee-facts';
import { goalsOf, matchesItem, matchesPerson, rankShown, subjectOf } from './breakdown';
import { type Contribution, type Figure, Populations, privacyThreshold } from './privacy';
import { type AnalyticsRequest, type FilterLabels, filterLabels, inScope } from './request';

export interface DevelopmentFocusValue {
  readonly drafted: number;
  /** Submitted, or rejected and awaiting revision. */
  readonly submitted: number;
  readonly active: number;
  readonly achieved: number;
  /** Every goal on the competency, closed ones (partly, not achieved, withdrawn) included. */
  readonly goals: number;
}

export interface DevelopmentFocusRow {
  readonly competencyId: string;
  readonly figure: Figure<DevelopmentFocusValue>;
}

export interface DevelopmentFocusReport {
  readonly filters: FilterLabels;
  readonly threshold: number;
  /** Most developed first; withheld rows last, by competency. */
  readonly competencies: readonly DevelopmentFocusRow[];
}

type StatusGroup = 'drafted' | 'submitted' | 'active' | 'achieved' | null;

const groupOf = (status: GoalStatus): StatusGroup => {
  switch (status) {
    case 'drafted':
      return 'drafted';
    case 'submitted':
    case 'rejected':
      return 'submitted';
    case 'active':
      return 'active';
    case 'achieved':
      return 'achieved';
    case 'partly-achieved':
    case 'not-achieved':
    case 'withdrawn':
      return null;
    default:
      return assertNever(status);
  }
};

/** A goal counts where it was drafted: the period filter selects goals drafted in it. */
const contributionOf = (goal: GoalFact): Contribution => ({
  competencyId: goal.competencyId,
  at: goal.draftedAt,
});

/** Which competencies are developed most: goals per competency by status group. */
export function developmentFocusReport(
  facts: readonly EmployeeFacts[],
  request: AnalyticsRequest,
): DevelopmentFocusReport {
  const threshold = privacyThreshold(request.threshold);
  const { filters } = request;
  const people = facts.filter((employee) => inScope(employee, request.scope));
  const populations = new Populations(
    people.map((employee) => subjectOf(employee, goalsOf(employee).map(contributionOf))),
    filters,
    threshold,
    ['competency'],
    [['competency']],
  );
  const goalsByCompetency = new Map<string, GoalFact[]>();
  for (const employee of people) {
    if (!matchesPerson(employee, filters)) continue;
    for (const goal of goalsOf(employee)) {
      if (!matchesItem(filters, contributionOf(goal))) continue;
      const goals = goalsByCompetency.get(goal.competencyId);
      if (goals === undefined) goalsByCompetency.set(goal.competencyId, [goal]);
      else goals.push(goal);
    }
  }
  const rows = [...goalsByCompetency].map(([competencyId, goals]) => ({
    competencyId,
    goals: goals.length,
    figure: populations.assess({ competency: competencyId }, () => focusOf(goals)).figure,
  }));
  return {
    filters: filterLabels(filters),
    threshold,
    competencies: rankShown(
      rows,
      (row) => row.goals,
      (row) => row.competencyId,
    ).map(({ competencyId, figure }) => ({ competencyId, figure })),
  };
}

const focusOf = (goals: readonly GoalFact[]): DevelopmentFocusValue => {
  const counts = { drafted: 0, submitted: 0, active: 0, achieved: 0 };
  for (const goal of goals) {
    const group = groupOf(goal.status);
    if (group !== null) counts[group] += 1;
  }
  return { ...counts, goals: goals.length };
};
