import type { EmployeeFacts, GoalFact, RemeasurementFact } from '../employee-facts';
import {
  average,
  byKey,
  goalsOf,
  matchesItem,
  matchesPerson,
  rankShown,
  share,
  subjectOf,
} from './breakdown';
import { type Contribution, type Figure, Populations, privacyThreshold } from './privacy';
import { type AnalyticsRequest, type FilterLabels, filterLabels, inScope } from './request';

export interface GrowthValue {
  readonly averageBehaviourDelta: number;
  readonly remeasurements: number;
  readonly robust: number;
  readonly lessRobust: number;
}

export interface IndicatorGrowthRow {
  readonly indicatorId: string;
  readonly figure: Figure<{ readonly averageDelta: number }>;
}

export interface GrowthRow {
  readonly competencyId: string;
  readonly figure: Figure<GrowthValue>;
  readonly indicators: readonly IndicatorGrowthRow[];
}

export interface GoalsAchievedValue {
  /** Goals evaluated: achieved, partly achieved or not achieved. */
  readonly evaluated: number;
  readonly achieved: number;
  readonly share: number;
}

export interface GrowthReport {
  readonly filters: FilterLabels;
  readonly threshold: number;
  /** Largest average behaviour growth first; withheld rows last, by competency. */
  readonly competencies: readonly GrowthRow[];
  readonly goalsAchieved: Figure<GoalsAchievedValue>;
}

/** A remeasurement counts for its competency and for each indicator it compared. */
const remeasurementsOf = (employee: EmployeeFacts): readonly Contribution[] =>
  employee.remeasurements.flatMap((remeasurement) => [
    { competencyId: remeasurement.competencyId, at: remeasurement.remeasuredAt },
    ...remeasurement.indicators.map(({ indicatorId }) => ({
      competencyId: remeasurement.competencyId,
      at: remeasurement.remeasuredAt,
      indicatorId,
    })),
  ]);

const evaluated = (goal: GoalFact): boolean =>
  goal.status === 'achieved' || goal.status === 'partly-achieved' || goal.status === 'not-achieved';

const evaluatedGoalsOf = (employee: EmployeeFacts): readonly Contribution[] =>
  goalsOf(employee)
    .filter(evaluated)
    .map((goal) => ({ competencyId: goal.competencyId, at: goal.closedAt }));

/** Growth from baseline to remeasurement per competency and indicator, and goals achieved. */
export function growthReport(
  facts: readonly EmployeeFacts[],
  request: AnalyticsRequest,
): GrowthReport {
  const threshold = privacyThreshold(request.threshold);
  const { filters } = request;
  const people = facts.filter((employee) => inScope(employee, request.scope));
  const selected = people.filter((employee) => matchesPerson(employee, filters));
  const remeasured = new Populations(
    people.map((employee) => subjectOf(employee, remeasurementsOf(employee))),
    filters,
    threshold,
    ['competency', 'indicator'],
    [['competency', 'indicator']],
  );
  const byCompetency = new Map<string, RemeasurementFact[]>();
  for (const remeasurement of selected.flatMap((employee) => employee.remeasurements)) {
    const item = { competencyId: remeasurement.competencyId, at: remeasurement.remeasuredAt };
    if (!matchesItem(filters, item)) continue;
    const list = byCompetency.get(remeasurement.competencyId);
    if (list === undefined) byCompetency.set(remeasurement.competencyId, [remeasurement]);
    else list.push(remeasurement);
  }
  const rows = [...byCompetency].map(([competencyId, remeasurements]): GrowthRow => {
    const deltas = new Map<string, number[]>();
    for (const { indicatorId, delta } of remeasurements.flatMap((r) => r.indicators)) {
      const list = deltas.get(indicatorId);
      if (list === undefined) deltas.set(indicatorId, [delta]);
      else list.push(delta);
    }
    return {
      competencyId,
      figure: remeasured.assess({ competency: competencyId }, () => growthOf(remeasurements))
        .figure,
      indicators: [...deltas]
        .map(([indicatorId, values]) => ({
          indicatorId,
          figure: remeasured.assess({ competency: competencyId, indicator: indicatorId }, () => ({
            averageDelta: average(values),
          })).figure,
        }))
        .sort(byKey((row) => row.indicatorId)),
    };
  });

  const goals = new Populations(
    people.map((employee) => subjectOf(employee, evaluatedGoalsOf(employee))),
    filters,
    threshold,
  );
  const evaluatedGoals = selected.flatMap((employee) =>
    goalsOf(employee).filter(
      (goal) =>
        evaluated(goal) &&
        matchesItem(filters, { competencyId: goal.competencyId, at: goal.closedAt }),
    ),
  );
  const achieved = evaluatedGoals.filter((goal) => goal.status === 'achieved').length;
  return {
    filters: filterLabels(filters),
    threshold,
    competencies: rankShown(
      rows,
      (row) => (row.figure.status === 'shown' ? row.figure.value.averageBehaviourDelta : 0),
      (row) => row.competencyId,
    ),
    goalsAchieved: goals.assess({}, () => ({
      evaluated: evaluatedGoals.length,
      achieved,
      share: share(achieved, evaluatedGoals.length),
    })).figure,
  };
}

const growthOf = (remeasurements: readonly RemeasurementFact[]): GrowthValue => ({
  averageBehaviourDelta: average(remeasurements.map((r) => r.behaviourDelta)),
  remeasurements: remeasurements.length,
  robust: remeasurements.filter((r) => r.robustness === 'robust').length,
  lessRobust: remeasurements.filter((r) => r.robustness === 'less-robust').length,
});
