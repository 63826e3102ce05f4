import { assertNever } from '@talentloop/domain-kernel';
import type { EmployeeFacts, GoalFact, GoalStatus } from '../employee-facts';
import { goalsOf, matchesPerson, perEmployee, rankShown, subjectOf } from './breakdown';
import { instant, numericPeriod, periodTest } from './period';
import { Populations } from './populations';
import { type Figure, privacyThreshold } from './privacy';
import type { Contribution, Subject } from './subjects';
import { type AnalyticsRequest, type FilterLabels, filterLabels, inScope } from './request';
import { Interner } from './interner';
import { column } from './columns';

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

const GROUPS = ['drafted', 'submitted', 'active', 'achieved'] as const;

// Competencies as small integers, so a request counts into arrays.
const competencies = new Interner();
const competencyNames = competencies.names;

/** What development focus reads of one employee, flat, so a request does not walk the facts. */
interface FocusFacts {
  readonly subject: Subject;
  /** goalsOf(employee), which the columns are aligned with. */
  readonly goals: readonly GoalFact[];
  readonly competencies: readonly number[];
  /** Drafted times as numbers where canonical, else NaN (then the string is compared). */
  readonly instants: readonly number[];
  /** Index in GROUPS, or -1 for goals counted in no group. */
  readonly groups: readonly number[];
}

const focusFactsOf = perEmployee((employee): FocusFacts => {
  const goals = goalsOf(employee);
  return {
    // Made again when needed: the subject keeps columns, not a list of small objects.
    subject: subjectOf(employee, () => goalsOf(employee).map(contributionOf)),
    goals,
    competencies: column(goals, (goal) => competencies.id(goal.competencyId)),
    instants: column(goals, (goal) => instant(goal.draftedAt)),
    groups: column(goals, (goal) => {
      const group = groupOf(goal.status);
      return group === null ? -1 : GROUPS.indexOf(group);
    }),
  };
});

/** Which competencies are developed most: goals per competency by status group. */
export function developmentFocusReport(
  facts: readonly EmployeeFacts[],
  request: AnalyticsRequest,
): DevelopmentFocusReport {
  const threshold = privacyThreshold(request.threshold);
  const { filters } = request;
  const people = facts.filter((employee) => inScope(employee, request.scope));
  const prepared = people.map(focusFactsOf);
  const populations = new Populations(
    prepared.map((each) => each.subject),
    filters,
    threshold,
    ['competency'],
    [['competency']],
    [['competency']],
  );
  const competency =
    filters.competencyId === undefined ? -1 : (competencies.lookup(filters.competencyId) ?? -2);
  const inPeriod = periodTest(filters.period);
  const numeric = numericPeriod(filters.period);
  // Per competency id: goals, then goals per status group.
  const goals = new Int32Array(competencyNames.length);
  const byGroup = GROUPS.map(() => new Int32Array(competencyNames.length));
  people.forEach((employee, person) => {
    if (!matchesPerson(employee, filters)) return;
    const focus = prepared[person];
    for (let index = 0; index < focus.competencies.length; index += 1) {
      const id = focus.competencies[index];
      if (competency !== -1 && id !== competency) continue;
      if (filters.period !== undefined) {
        const at = focus.instants[index];
        // The text only where the numbers cannot tell.
        if (!inPeriod(at, numeric && !Number.isNaN(at) ? null : focus.goals[index].draftedAt))
          continue;
      }
      goals[id] += 1;
      if (focus.groups[index] >= 0) byGroup[focus.groups[index]][id] += 1;
    }
  });
  const rows: { competencyId: string; goals: number; figure: Figure<DevelopmentFocusValue> }[] = [];
  goals.forEach((count, id) => {
    if (count === 0) return;
    const competencyId = competencyNames[id];
    rows.push({
      competencyId,
      goals: count,
      figure: populations.assess({ competency: competencyId }, () => ({
        drafted: byGroup[0][id],
        submitted: byGroup[1][id],
        active: byGroup[2][id],
        achieved: byGroup[3][id],
        goals: count,
      })).figure,
    });
  });
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
