import type { CriterionEvidenceRecorded, PlanningEvent } from '@talentloop/contracts';
import { text } from '@talentloop/i18n';
import { evaluateGoal } from './evaluation';
import { isEvidenceOnly } from './goal-content';
import {
  EvidenceInTheFuture,
  NoEvidenceRecorded,
  NotAnEvidenceCriterion,
  NothingMeasuredSinceBaseline,
  UnknownCriterion,
} from './goal.errors';
import type { GoalRecord, GoalStatus } from './goal.state';

/** The goal decider's rules on evidence and on evaluation asked for; the goal is active. */

type ActiveGoal = GoalRecord & { readonly status: GoalStatus };

/** The employee records what proves an evidence criterion met (a certificate, …). */
export type RecordEvidenceData = Omit<
  CriterionEvidenceRecorded['data'],
  'goalId' | 'employeeId' | 'evidence'
> & { readonly today: string };

/**
 * Evidence for an evidence criterion of an active goal, obtained no later than today. On or
 * after the deadline of a goal with evidence criteria only, it evaluates the goal, as a
 * measurement on or after the deadline evaluates a measured one.
 */
export const recordEvidence = (
  data: RecordEvidenceData,
  goal: ActiveGoal,
): readonly PlanningEvent[] => {
  const { today, ...evidence } = data;
  // Recorded once under this id: a retry.
  if (goal.evidence.some((known) => known.evidenceId === evidence.evidenceId)) return [];
  const criterion = goal.content.successCriteria.find(
    (candidate) => candidate.criterionId === evidence.criterionId,
  );
  if (!criterion)
    throw new UnknownCriterion(
      text('planning.unknownCriterion', { criterionId: evidence.criterionId }),
    );
  if (criterion.kind !== 'evidence')
    throw new NotAnEvidenceCriterion(
      text('planning.notAnEvidenceCriterion', { criterionId: evidence.criterionId }),
    );
  if (evidence.obtainedOn > today)
    throw new EvidenceInTheFuture(
      text('planning.evidenceInTheFuture', { obtainedOn: evidence.obtainedOn, today }),
    );
  const recorded: PlanningEvent = {
    type: 'CriterionEvidenceRecorded',
    data: {
      goalId: goal.goalId,
      employeeId: goal.employeeId,
      ...evidence,
      evidence: criterion.evidence,
    },
  };
  if (!isEvidenceOnly(goal.content) || today < goal.content.deadline) return [recorded];
  const { evidenceId, criterionId, obtainedOn, recordedBy } = evidence;
  const evidenceSoFar = [
    ...goal.evidence,
    { evidenceId, criterionId, evidence: criterion.evidence, obtainedOn, recordedBy },
  ];
  return [
    recorded,
    {
      type: 'GoalEvaluated',
      data: evaluateGoal({ ...goal, evidence: evidenceSoFar }, goal.baseline, null, false),
    },
  ];
};

/** An evaluation on request: on the latest measurement, or for evidence only on the evidence. */
export const evaluateOnRequest = (today: string, goal: ActiveGoal): readonly PlanningEvent[] => {
  const early = today < goal.content.deadline;
  if (isEvidenceOnly(goal.content)) {
    if (goal.evidence.length === 0) throw new NoEvidenceRecorded(text('planning.noEvidence'));
    return [{ type: 'GoalEvaluated', data: evaluateGoal(goal, goal.baseline, null, early) }];
  }
  if (!goal.progress)
    throw new NothingMeasuredSinceBaseline(text('planning.nothingMeasured'), {
      baselineMeasurementId: goal.baseline?.measurementId ?? null,
    });
  return [{ type: 'GoalEvaluated', data: evaluateGoal(goal, goal.baseline, goal.progress, early) }];
};
