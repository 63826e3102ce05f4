import {
  robustnessOfInstrument,
  type GoalActivated,
  type GoalEvaluated,
} from '@talentloop/contracts';
import type { GoalContent, SuccessCriterion } from './goal-content';
import type { LatestMeasurement } from './measured-basis';

/** A measurement as a goal keeps it: the baseline frozen at activation, or a later one. */
export type GoalMeasurement = NonNullable<GoalActivated['data']['baseline']>;
type EvaluatedCriterion = GoalEvaluated['data']['criteria'][number];

/** What a goal keeps of a recorded measurement, whatever its instrument. */
export const goalMeasurementOf = (recorded: LatestMeasurement): GoalMeasurement => ({
  measurementId: recorded.measurementId,
  instrument: recorded.instrument,
  measuredAt: recorded.measuredAt,
  behaviour: recorded.behaviour,
  indicators: recorded.indicatorScores.map(({ indicatorId, score }) => ({ indicatorId, score })),
});

/**
 * Whether a measurement shows progress on a goal: it is newer than the frozen baseline (a goal
 * without a baseline takes any). The baseline itself, or anything measured before it, is not
 * evidence of growth: that is how a 360° round closed later can no longer overwrite it.
 */
export const isLaterThanBaseline = (
  measurement: GoalMeasurement,
  baseline: GoalMeasurement | null,
): boolean =>
  baseline === null ||
  (measurement.measurementId !== baseline.measurementId &&
    measurement.measuredAt > baseline.measuredAt);

/** A measurement on or after the deadline's day evaluates the goal; an earlier one is progress. */
export const isAtOrAfterDeadline = (measurement: GoalMeasurement, deadline: string): boolean =>
  measurement.measuredAt.slice(0, 10) >= deadline;

const scoreOf = (measurement: GoalMeasurement | null, indicatorId: string): number | null =>
  measurement?.indicators.find((indicator) => indicator.indicatorId === indicatorId)?.score ?? null;

const weakest = (scores: readonly (number | null)[]): number | null =>
  scores.length > 0 && scores.every((score) => score !== null)
    ? Math.min(...(scores as number[]))
    : null;

/**
 * One criterion against the evidence. An indicator criterion is met only if every indicator
 * it names was measured and reaches the target: its score is the weakest one, and an indicator
 * the evidence did not measure fails it (never a silent fall-back to the overall score). A
 * behaviour criterion reads the overall behaviour. Evidence from another instrument than the
 * criterion names, or from a less robust one, is marked so in the criterion's verdict.
 */
export const evaluateCriterion = (
  criterion: SuccessCriterion,
  baseline: GoalMeasurement | null,
  evidence: GoalMeasurement,
): EvaluatedCriterion => {
  const common = {
    criterionId: criterion.criterionId,
    target: criterion.target,
    baselineMeasurementId: baseline?.measurementId ?? null,
    measurementId: evidence.measurementId,
    instrument: criterion.instrument,
    evidenceInstrument: evidence.instrument,
    lessRobust:
      evidence.instrument !== criterion.instrument ||
      robustnessOfInstrument(evidence.instrument) === 'less-robust',
  };
  if (criterion.metric === 'indicator-score' && criterion.indicatorIds.length > 0) {
    const indicators = criterion.indicatorIds.map((indicatorId) => {
      const remeasured = scoreOf(evidence, indicatorId);
      return {
        indicatorId,
        baseline: scoreOf(baseline, indicatorId),
        remeasured,
        met: remeasured !== null && remeasured >= criterion.target,
      };
    });
    return {
      ...common,
      met: indicators.every((indicator) => indicator.met),
      baseline: weakest(indicators.map((indicator) => indicator.baseline)),
      remeasured: weakest(indicators.map((indicator) => indicator.remeasured)),
      indicators,
    };
  }
  return {
    ...common,
    met: evidence.behaviour >= criterion.target,
    baseline: baseline?.behaviour ?? null,
    remeasured: evidence.behaviour,
    indicators: [],
  };
};

/**
 * Every success criterion against the goal's frozen baseline and the evidence; the outcome
 * follows from how many are met. Evidence from another instrument than the baseline's is weaker
 * evidence of growth as a whole.
 */
export const evaluateGoal = (
  goal: { readonly goalId: string; readonly employeeId: string; readonly content: GoalContent },
  baseline: GoalMeasurement | null,
  evidence: GoalMeasurement,
  requestedEarly: boolean,
): GoalEvaluated['data'] => {
  const criteria = goal.content.successCriteria.map((criterion) =>
    evaluateCriterion(criterion, baseline, evidence),
  );
  const met = criteria.filter((criterion) => criterion.met).length;
  return {
    goalId: goal.goalId,
    employeeId: goal.employeeId,
    outcome: met === criteria.length ? 'achieved' : met > 0 ? 'partly-achieved' : 'not-achieved',
    criteria,
    lessRobust:
      criteria.some((criterion) => criterion.lessRobust) ||
      (baseline !== null && baseline.instrument !== evidence.instrument),
    requestedEarly,
  };
};
