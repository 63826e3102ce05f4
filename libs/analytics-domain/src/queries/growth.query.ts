import type { EmployeeFacts, GoalFact } from '../employee-facts';
import {
  byKey,
  goalsOf,
  itemMatcher,
  matchesPerson,
  perEmployee,
  rankShown,
  share,
  subjectOf,
} from './breakdown';
import { instant, periodTest } from './period';
import { Populations } from './populations';
import { type Figure, privacyThreshold } from './privacy';
import type { Contribution, CountedSubject, Subject } from './subjects';
import { type AnalyticsRequest, type FilterLabels, filterLabels, inScope } from './request';
import { Interner } from './interner';
import { column } from './columns';

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

/** An employee's evaluated goals, in the order of goalsOf. */
const evaluatedOf = (employee: EmployeeFacts): readonly GoalFact[] =>
  goalsOf(employee).filter(evaluated);

// Competencies and indicators as small integers, so a request sums into arrays.
const growthKeys = new Interner();
const growthNames = growthKeys.names;

/** What growth reads of one employee, flat, so a request does not walk the facts. */
interface GrowthFacts {
  readonly remeasured: Subject;
  readonly evaluated: CountedSubject;
  readonly competencies: readonly number[];
  readonly times: readonly string[];
  /** `times` as numbers where canonical, else NaN (then the string is compared). */
  readonly instants: readonly number[];
  readonly behaviourDeltas: readonly number[];
  readonly robust: readonly number[];
  readonly lessRobust: readonly number[];
  /** Indicators of remeasurement r: firstIndicator[r] up to firstIndicator[r + 1]. */
  readonly firstIndicator: readonly number[];
  readonly indicators: readonly number[];
  readonly indicatorDeltas: readonly number[];
  /** Aligned with evaluated.contributions. */
  readonly achieved: readonly number[];
}

const growthFactsOf = perEmployee((employee): GrowthFacts => {
  const remeasurements = employee.remeasurements;
  const indicators = remeasurements.flatMap((remeasurement) => remeasurement.indicators);
  const firstIndicator = new Array<number>(remeasurements.length + 1).fill(0);
  remeasurements.forEach((remeasurement, index) => {
    firstIndicator[index + 1] = firstIndicator[index] + remeasurement.indicators.length;
  });
  const goals = evaluatedOf(employee);
  return {
    // Made again when needed: the subjects keep columns, not a list of small objects each.
    remeasured: subjectOf(employee, () => remeasurementsOf(employee)),
    evaluated: subjectOf(employee, () =>
      evaluatedOf(employee).map((goal) => ({ competencyId: goal.competencyId, at: goal.closedAt })),
    ),
    competencies: column(remeasurements, (each) => growthKeys.id(each.competencyId)),
    times: remeasurements.map((each) => each.remeasuredAt),
    instants: column(remeasurements, (each) => instant(each.remeasuredAt)),
    behaviourDeltas: column(remeasurements, (each) => each.behaviourDelta),
    robust: column(remeasurements, (each) => (each.robustness === 'robust' ? 1 : 0)),
    lessRobust: column(remeasurements, (each) => (each.robustness === 'less-robust' ? 1 : 0)),
    firstIndicator,
    indicators: column(indicators, (each) => growthKeys.id(each.indicatorId)),
    indicatorDeltas: column(indicators, (each) => each.delta),
    achieved: column(goals, (goal) => (goal.status === 'achieved' ? 1 : 0)),
  };
});

/** Sums in the order the remeasurements come, so averages match adding up the lists. */
interface CompetencyTally {
  behaviour: number;
  remeasurements: number;
  robust: number;
  lessRobust: number;
  readonly indicators: Map<number, { sum: number; count: number }>;
}

/** Growth from baseline to remeasurement per competency and indicator, and goals achieved. */
export function growthReport(
  facts: readonly EmployeeFacts[],
  request: AnalyticsRequest,
): GrowthReport {
  const threshold = privacyThreshold(request.threshold);
  const { filters } = request;
  const people = facts.filter((employee) => inScope(employee, request.scope));
  const prepared = people.map(growthFactsOf);
  const remeasured = new Populations(
    prepared.map((each) => each.remeasured),
    filters,
    threshold,
    ['competency', 'indicator'],
    [['competency', 'indicator']],
    [['competency'], ['competency', 'indicator']],
  );
  const competency =
    filters.competencyId === undefined ? -1 : (growthKeys.lookup(filters.competencyId) ?? -2);
  const periodHolds = periodTest(filters.period);
  const inPeriod = (growth: GrowthFacts, index: number): boolean =>
    periodHolds(growth.instants[index], growth.times[index]);

  const matchingEvaluated = itemMatcher(filters);
  const tallies: (CompetencyTally | undefined)[] = [];
  const order: number[] = [];
  let evaluatedCount = 0;
  let achieved = 0;
  const countEvaluated = (index: number, growth: GrowthFacts): void => {
    evaluatedCount += 1;
    achieved += growth.achieved[index];
  };
  people.forEach((employee, person) => {
    if (!matchesPerson(employee, filters)) return;
    const growth = prepared[person];
    for (let index = 0; index < growth.competencies.length; index += 1) {
      const id = growth.competencies[index];
      if ((competency !== -1 && id !== competency) || !inPeriod(growth, index)) continue;
      let tally = tallies[id];
      if (tally === undefined) {
        tally = {
          behaviour: 0,
          remeasurements: 0,
          robust: 0,
          lessRobust: 0,
          indicators: new Map(),
        };
        tallies[id] = tally;
        order.push(id);
      }
      tally.behaviour += growth.behaviourDeltas[index];
      tally.remeasurements += 1;
      tally.robust += growth.robust[index];
      tally.lessRobust += growth.lessRobust[index];
      for (let at = growth.firstIndicator[index]; at < growth.firstIndicator[index + 1]; at += 1) {
        const indicator = growth.indicators[at];
        let sum = tally.indicators.get(indicator);
        if (sum === undefined) {
          sum = { sum: 0, count: 0 };
          tally.indicators.set(indicator, sum);
        }
        sum.sum += growth.indicatorDeltas[at];
        sum.count += 1;
      }
    }
    matchingEvaluated(growth.evaluated, countEvaluated, growth);
  });
  const rows = order.map((id): GrowthRow => {
    const tally = tallies[id]!;
    const competencyId = growthNames[id];
    return {
      competencyId,
      figure: remeasured.assess({ competency: competencyId }, () => growthOf(tally)).figure,
      indicators: [...tally.indicators]
        .map(([indicator, { sum, count }]) => ({
          indicatorId: growthNames[indicator],
          figure: remeasured.assess(
            { competency: competencyId, indicator: growthNames[indicator] },
            () => ({ averageDelta: sum / count }),
          ).figure,
        }))
        .sort(byKey((row) => row.indicatorId)),
    };
  });

  const goals = new Populations(
    prepared.map((each) => each.evaluated),
    filters,
    threshold,
  );
  return {
    filters: filterLabels(filters),
    threshold,
    competencies: rankShown(
      rows,
      (row) => (row.figure.status === 'shown' ? row.figure.value.averageBehaviourDelta : 0),
      (row) => row.competencyId,
    ),
    goalsAchieved: goals.assess({}, () => ({
      evaluated: evaluatedCount,
      achieved,
      share: share(achieved, evaluatedCount),
    })).figure,
  };
}

const growthOf = (tally: CompetencyTally): GrowthValue => ({
  averageBehaviourDelta: tally.behaviour / tally.remeasurements,
  remeasurements: tally.remeasurements,
  robust: tally.robust,
  lessRobust: tally.lessRobust,
});
