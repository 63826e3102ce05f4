import type { GoalEvaluated, PlanClosed } from '@talentloop/contracts';
import type { GoalContent } from './goal-content';
import type { GoalStatus } from './goal.state';

/** A goal of a plan that closes, as its stream says, with its evaluation once evaluated. */
export interface ClosingGoal {
  readonly goalId: string;
  readonly phase: GoalStatus;
  readonly content: Pick<GoalContent, 'title' | 'target' | 'successCriteria'>;
  readonly evaluation?: GoalEvaluated['data'];
}

export interface CommittedGoal {
  readonly goalId: string;
  readonly title: string;
  readonly phase: GoalStatus;
}

/**
 * What keeps a plan open: a shared commitment still running, i.e. a goal awaiting the
 * manager's decision or active (awaiting remeasurement). Drafts and rejected or revised
 * submissions were never agreed on, so they do not hold the cycle open.
 */
const committedPhases: readonly GoalStatus[] = ['submitted', 'active'];

export const committedGoalsOf = (goals: readonly ClosingGoal[]): CommittedGoal[] =>
  goals
    .filter((goal) => committedPhases.includes(goal.phase))
    .map(({ goalId, content, phase }) => ({ goalId, title: content.title, phase }));

type Summary = Pick<PlanClosed['data'], 'goals' | 'counts' | 'growth'>;
type Outcome = Summary['goals'][number]['outcome'];
type Growth = Summary['growth'][number];
type ScoreGrowth = NonNullable<Growth['behaviour']>;
type Reading = { readonly baseline: number | null; readonly remeasured: number };

const outcomeOf = (goal: ClosingGoal): Outcome => {
  if (goal.phase === 'withdrawn') return 'withdrawn';
  if (goal.phase !== 'evaluated') return 'not-committed';
  if (!goal.evaluation) throw new Error(`goal ${goal.goalId} is evaluated but came without it`);
  return goal.evaluation.outcome;
};

const tenths = (value: number) => Math.round(value * 10) / 10;

const averageOf = (values: readonly number[]) =>
  tenths(values.reduce((sum, value) => sum + value, 0) / values.length);

/** The mean of the readings; no baseline when one of them had none, so pairs stay paired. */
const growthOf = (readings: readonly Reading[]): ScoreGrowth => {
  const remeasured = averageOf(readings.map((reading) => reading.remeasured));
  const baselines = readings.flatMap((reading) =>
    reading.baseline === null ? [] : [reading.baseline],
  );
  if (baselines.length < readings.length) return { baseline: null, remeasured, change: null };
  const baseline = averageOf(baselines);
  return { baseline, remeasured, change: tenths(remeasured - baseline) };
};

interface CompetencyReadings {
  readonly goalIds: Set<string>;
  readonly behaviour: Reading[];
  readonly indicators: Map<string, { readonly indicatorIds: string[]; readings: Reading[] }>;
  lessRobust: boolean;
}

/**
 * Each evaluated measured criterion read on indicators counts for those indicators, any other
 * for the whole competency (the evaluation reads those on the behaviour score). Evidence
 * criteria (a certificate obtained) carry no score: they count in the goal's outcome, not in
 * growth, and a goal with evidence criteria only shows no growth.
 */
const readingsOf = (goals: readonly ClosingGoal[]): Map<string, CompetencyReadings> => {
  const byCompetency = new Map<string, CompetencyReadings>();
  for (const goal of goals) {
    if (goal.phase !== 'evaluated' || !goal.evaluation) continue;
    const measured = goal.evaluation.criteria.filter((criterion) => criterion.kind === 'measured');
    if (measured.length === 0) continue;
    const { competencyId } = goal.content.target;
    const known: CompetencyReadings = byCompetency.get(competencyId) ?? {
      goalIds: new Set(),
      behaviour: [],
      indicators: new Map(),
      lessRobust: false,
    };
    byCompetency.set(competencyId, known);
    known.goalIds.add(goal.goalId);
    known.lessRobust ||= goal.evaluation.lessRobust;
    const readOn = (indicatorIds: string[], reading: Reading) => {
      const key = indicatorIds.join(' ');
      const indicator = known.indicators.get(key) ?? { indicatorIds, readings: [] };
      known.indicators.set(key, indicator);
      indicator.readings.push(reading);
    };
    for (const evaluated of measured) {
      // Evaluations with a verdict per indicator count each indicator on its own; an
      // indicator the evidence did not measure shows no growth at all.
      if (evaluated.indicators.length > 0) {
        for (const { indicatorId, baseline, remeasured } of evaluated.indicators)
          if (remeasured !== null) readOn([indicatorId], { baseline, remeasured });
        continue;
      }
      if (evaluated.remeasured === null) continue;
      const reading = { baseline: evaluated.baseline, remeasured: evaluated.remeasured };
      const criterion = goal.content.successCriteria.find(
        (candidate) => candidate.criterionId === evaluated.criterionId,
      );
      // Older evaluations read a criterion on its indicators together.
      const indicatorIds =
        criterion?.kind === 'measured' && criterion.metric === 'indicator-score'
          ? [...criterion.indicatorIds].sort()
          : [];
      if (indicatorIds.length === 0) known.behaviour.push(reading);
      else readOn(indicatorIds, reading);
    }
  }
  return byCompetency;
};

/**
 * The summary a plan closes with: how each of its goals ended, the counts, and per competency
 * and indicator the growth from baseline to remeasurement the goals' evaluations found (the
 * mean where several criteria or goals read the same).
 */
export const planSummaryOf = (goals: readonly ClosingGoal[], carriedOver: number): Summary => {
  const outcomes = goals.map((goal) => ({ goalId: goal.goalId, outcome: outcomeOf(goal) }));
  const count = (outcome: Outcome) => outcomes.filter((goal) => goal.outcome === outcome).length;
  const growth = [...readingsOf(goals)].map(
    ([competencyId, readings]): Growth => ({
      competencyId,
      goalIds: [...readings.goalIds],
      behaviour: readings.behaviour.length > 0 ? growthOf(readings.behaviour) : null,
      indicators: [...readings.indicators.values()].map(({ indicatorIds, readings: read }) => ({
        indicatorIds,
        ...growthOf(read),
      })),
      lessRobust: readings.lessRobust,
    }),
  );
  return {
    goals: outcomes,
    counts: {
      achieved: count('achieved'),
      partlyAchieved: count('partly-achieved'),
      notAchieved: count('not-achieved'),
      withdrawn: count('withdrawn'),
      notCommitted: count('not-committed'),
      carriedOver,
    },
    growth,
  };
};
