import { robustnessOfInstrument, type GoalEvaluated } from '@talentloop/contracts';
import {
  isEvidenceOnly,
  type EvidenceCriterion,
  type GoalContent,
  type MeasuredCriterion,
} from './goal-content';
import type { GoalMeasurement } from './goal-measurement';
import type { RecordedEvidence } from './goal.state';
import type { LatestMeasurement } from './measured-basis';

type EvaluatedCriterion = GoalEvaluated['data']['criteria'][number];
type MeasuredVerdict = Extract<EvaluatedCriterion, { readonly kind: 'measured' }>;
type EvidenceVerdict = Extract<EvaluatedCriterion, { readonly kind: 'evidence' }>;

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
  criterion: MeasuredCriterion,
  baseline: GoalMeasurement | null,
  evidence: GoalMeasurement,
): MeasuredVerdict => {
  const common = {
    kind: 'measured' as const,
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

/** An evidence criterion is met once the employee recorded evidence for it, not otherwise. */
export const evaluateEvidenceCriterion = (
  criterion: EvidenceCriterion,
  recorded: readonly RecordedEvidence[],
): EvidenceVerdict => {
  const own = recorded.filter((evidence) => evidence.criterionId === criterion.criterionId);
  return {
    kind: 'evidence',
    criterionId: criterion.criterionId,
    met: own.length > 0,
    evidence: criterion.evidence,
    recorded: own.map(({ evidenceId, obtainedOn }) => ({ evidenceId, obtainedOn })),
  };
};

/** What evaluateGoal reads of a goal. */
export interface GoalToEvaluate {
  readonly goalId: string;
  readonly employeeId: string;
  readonly content: GoalContent;
  readonly evidence: readonly RecordedEvidence[];
}

/**
 * Every success criterion against the evidence; the outcome follows from how many are met. A
 * measured criterion is read against the goal's frozen baseline and the measurement (null only
 * for a goal with evidence criteria only: nothing is measured for it); an evidence criterion
 * against the evidence recorded. Measurement evidence from another instrument than the
 * baseline's is weaker evidence of growth as a whole.
 */
export const evaluateGoal = (
  goal: GoalToEvaluate,
  baseline: GoalMeasurement | null,
  measurement: GoalMeasurement | null,
  requestedEarly: boolean,
): GoalEvaluated['data'] => {
  if (measurement === null && !isEvidenceOnly(goal.content))
    throw new Error(`goal ${goal.goalId} has measured criteria: it needs a measurement`);
  const criteria = goal.content.successCriteria.map(
    (criterion): EvaluatedCriterion =>
      criterion.kind === 'evidence'
        ? evaluateEvidenceCriterion(criterion, goal.evidence)
        : evaluateCriterion(criterion, baseline, measurement as GoalMeasurement),
  );
  const met = criteria.filter((criterion) => criterion.met).length;
  return {
    goalId: goal.goalId,
    employeeId: goal.employeeId,
    outcome: met === criteria.length ? 'achieved' : met > 0 ? 'partly-achieved' : 'not-achieved',
    criteria,
    lessRobust:
      criteria.some((criterion) => criterion.kind === 'measured' && criterion.lessRobust) ||
      (baseline !== null && measurement !== null && baseline.instrument !== measurement.instrument),
    requestedEarly,
  };
};
