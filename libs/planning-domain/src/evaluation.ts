import type { GoalEvaluated, Remeasured } from '@talentloop/contracts';
import type { GoalContent, SuccessCriterion } from './goal-content';

type Remeasurement = Remeasured['data'];
type EvaluatedCriterion = GoalEvaluated['data']['criteria'][number];

const mean = (values: readonly number[]) =>
  Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;

/** The baseline → remeasure pair a criterion is read on; indicators fall back to behaviour. */
const scoresFor = (criterion: SuccessCriterion, remeasured: Remeasurement) => {
  const changes = remeasured.indicators
    .filter((indicator) => criterion.indicatorIds.includes(indicator.indicatorId))
    .map((indicator) => indicator.change);
  if (criterion.metric === 'indicator-score' && changes.length > 0)
    return {
      baseline: mean(changes.map((change) => change.baseline)),
      remeasured: mean(changes.map((change) => change.remeasured)),
    };
  return { baseline: remeasured.behaviour.baseline, remeasured: remeasured.behaviour.remeasured };
};

/** Every success criterion against the remeasurement; the outcome follows from how many are met. */
export const evaluateGoal = (
  goalId: string,
  employeeId: string,
  goal: GoalContent,
  remeasured: Remeasurement,
): GoalEvaluated['data'] => {
  const criteria: EvaluatedCriterion[] = goal.successCriteria.map((criterion) => {
    const scores = scoresFor(criterion, remeasured);
    return {
      criterionId: criterion.criterionId,
      met: scores.remeasured >= criterion.target,
      target: criterion.target,
      baseline: scores.baseline,
      remeasured: scores.remeasured,
      baselineMeasurementId: remeasured.baselineMeasurementId,
      measurementId: remeasured.measurementId,
      instrument: criterion.instrument,
    };
  });
  const met = criteria.filter((criterion) => criterion.met).length;
  return {
    goalId,
    employeeId,
    outcome: met === criteria.length ? 'achieved' : met > 0 ? 'partly-achieved' : 'not-achieved',
    criteria,
    // Evidence from another instrument than the baseline's, or a weaker one, is weaker evidence.
    lessRobust: !remeasured.sameInstrument || remeasured.robustness === 'less-robust',
  };
};
