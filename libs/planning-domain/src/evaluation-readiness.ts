import type { CriterionEvidenceKind, MeasurementInstrument } from '@talentloop/contracts';
import { text, textList, translatorOf, type Language, type Translate } from '@talentloop/i18n';
import type { GoalMeasurement } from './goal-measurement';
import {
  evidenceCriteriaOf,
  instrumentsOf,
  isEvidenceOnly,
  measuredCriteriaOf,
} from './goal-content';
import type { GoalRecord, GoalStatus } from './goal.state';

/**
 * - `evaluable`: something was measured since the baseline; the goal can be evaluated now.
 * - `awaiting-measurement`: nothing since the baseline; the first measurement of the target on
 *   or after the deadline evaluates it, and an early evaluation needs a measurement first.
 * - `remeasurement-overdue`: the deadline passed and nothing was measured since the baseline.
 * - `awaiting-evidence`: a goal with evidence criteria only has no evidence recorded yet; the
 *   first evidence on or after the deadline evaluates it, an early evaluation needs some first.
 * - `evidence-overdue`: the deadline of such a goal passed without any evidence recorded.
 */
export type EvaluationStatus =
  | 'evaluable'
  | 'awaiting-measurement'
  | 'remeasurement-overdue'
  | 'awaiting-evidence'
  | 'evidence-overdue';

/**
 * What a reason does to the evaluation: it cannot happen yet, a criterion cannot be met on
 * the evidence there is, the evidence will be marked less robust, or growth cannot be shown.
 */
export type EvaluationEffect =
  | 'blocks-evaluation'
  | 'criterion-cannot-be-met'
  | 'evidence-less-robust'
  | 'growth-not-shown';

export type EvaluationReason =
  | {
      readonly code: 'NOTHING_MEASURED_SINCE_BASELINE' | 'REMEASUREMENT_OVERDUE';
      readonly effect: 'blocks-evaluation';
      readonly explanation: string;
      readonly deadline: string;
      readonly instruments: readonly MeasurementInstrument[];
    }
  | {
      readonly code: 'NO_EVIDENCE_RECORDED' | 'EVIDENCE_OVERDUE';
      readonly effect: 'blocks-evaluation';
      readonly explanation: string;
      readonly deadline: string;
      readonly evidence: readonly CriterionEvidenceKind[];
    }
  | {
      readonly code: 'EVIDENCE_NOT_RECORDED';
      readonly effect: 'criterion-cannot-be-met';
      readonly explanation: string;
      readonly criterionId: string;
      readonly evidence: CriterionEvidenceKind;
    }
  | {
      readonly code: 'NO_BASELINE';
      readonly effect: 'growth-not-shown';
      readonly explanation: string;
    }
  | {
      readonly code: 'INSTRUMENT_NOT_USED';
      readonly effect: 'evidence-less-robust';
      readonly explanation: string;
      readonly criterionId: string;
      readonly instrument: MeasurementInstrument;
    }
  | {
      readonly code: 'INDICATOR_NOT_MEASURED';
      readonly effect: 'criterion-cannot-be-met';
      readonly explanation: string;
      readonly criterionId: string;
      readonly indicatorIds: readonly string[];
      readonly measurementId: string;
    };

export interface EvaluationReadiness {
  readonly status: EvaluationStatus;
  /** Why it cannot be evaluated (yet), or what limits the evaluation; empty when nothing does. */
  readonly reasons: readonly EvaluationReason[];
}

type ActiveGoal = GoalRecord & { readonly status: GoalStatus };

/** A goal with evidence criteria only waits for evidence, not for a measurement. */
const awaitingEvidence = (
  goal: ActiveGoal,
  today: string,
  say: Translate,
): EvaluationReason | undefined => {
  if (goal.evidence.length > 0) return undefined;
  const { deadline } = goal.content;
  const evidence = [...new Set(evidenceCriteriaOf(goal.content).map((c) => c.evidence))];
  const toRecord = textList(evidence, say(text('evaluation.or')));
  return deadline < today
    ? {
        code: 'EVIDENCE_OVERDUE',
        effect: 'blocks-evaluation',
        explanation: say(text('evaluation.evidenceOverdue', { deadline, evidence: toRecord })),
        deadline,
        evidence,
      }
    : {
        code: 'NO_EVIDENCE_RECORDED',
        effect: 'blocks-evaluation',
        explanation: say(text('evaluation.noEvidence', { deadline, evidence: toRecord })),
        deadline,
        evidence,
      };
};

const blocking = (
  goal: ActiveGoal,
  today: string,
  say: Translate,
): EvaluationReason | undefined => {
  if (isEvidenceOnly(goal.content)) return awaitingEvidence(goal, today, say);
  if (goal.progress) return undefined;
  const { deadline } = goal.content;
  const instruments = instrumentsOf(goal.content);
  const toSchedule = textList(instruments, say(text('evaluation.or')));
  return deadline < today
    ? {
        code: 'REMEASUREMENT_OVERDUE',
        effect: 'blocks-evaluation',
        explanation: say(text('evaluation.overdue', { deadline, instruments: toSchedule })),
        deadline,
        instruments,
      }
    : {
        code: 'NOTHING_MEASURED_SINCE_BASELINE',
        effect: 'blocks-evaluation',
        explanation: say(text('evaluation.awaiting', { deadline, instruments: toSchedule })),
        deadline,
        instruments,
      };
};

const withoutBaseline = (goal: ActiveGoal, say: Translate): EvaluationReason | undefined =>
  goal.baseline === null && !isEvidenceOnly(goal.content)
    ? {
        code: 'NO_BASELINE',
        effect: 'growth-not-shown',
        explanation: say(text('evaluation.noBaseline')),
      }
    : undefined;

/** Criteria whose instrument none of the goal's measurements used: weaker evidence. */
const unusedInstruments = (goal: ActiveGoal, say: Translate): EvaluationReason[] => {
  const used = new Set(
    [goal.baseline, goal.progress].flatMap((measurement) =>
      measurement ? [measurement.instrument] : [],
    ),
  );
  return measuredCriteriaOf(goal.content)
    .filter((criterion) => !used.has(criterion.instrument))
    .map(({ criterionId, instrument }) => ({
      code: 'INSTRUMENT_NOT_USED',
      effect: 'evidence-less-robust',
      explanation: say(text('evaluation.instrumentNotUsed', { instrument, criterionId })),
      criterionId,
      instrument,
    }));
};

/** Indicator criteria the latest measurement cannot meet: it did not score their indicators. */
const unmeasuredIndicators = (
  goal: ActiveGoal,
  latest: GoalMeasurement | null,
  say: Translate,
): EvaluationReason[] => {
  if (!latest) return [];
  const scored = new Set(latest.indicators.map((indicator) => indicator.indicatorId));
  return measuredCriteriaOf(goal.content).flatMap((criterion) => {
    if (criterion.metric !== 'indicator-score') return [];
    const missing = criterion.indicatorIds.filter((indicatorId) => !scored.has(indicatorId));
    if (missing.length === 0) return [];
    return [
      {
        code: 'INDICATOR_NOT_MEASURED',
        effect: 'criterion-cannot-be-met',
        explanation: say(
          text('evaluation.indicatorNotMeasured', {
            measurementId: latest.measurementId,
            indicatorIds: missing.join(', '),
            criterionId: criterion.criterionId,
          }),
        ),
        criterionId: criterion.criterionId,
        indicatorIds: missing,
        measurementId: latest.measurementId,
      },
    ];
  });
};

/** Evidence criteria nothing was recorded for: the evaluation finds them not met. */
const evidenceMissing = (goal: ActiveGoal, say: Translate): EvaluationReason[] => {
  const recorded = new Set(goal.evidence.map((evidence) => evidence.criterionId));
  return evidenceCriteriaOf(goal.content)
    .filter((criterion) => !recorded.has(criterion.criterionId))
    .map(({ criterionId, evidence }) => ({
      code: 'EVIDENCE_NOT_RECORDED',
      effect: 'criterion-cannot-be-met',
      explanation: say(text('evaluation.evidenceNotRecorded', { evidence, criterionId })),
      criterionId,
      evidence,
    }));
};

const statusOf = (blocked: EvaluationReason): EvaluationStatus =>
  blocked.code === 'REMEASUREMENT_OVERDUE'
    ? 'remeasurement-overdue'
    : blocked.code === 'EVIDENCE_OVERDUE'
      ? 'evidence-overdue'
      : blocked.code === 'NO_EVIDENCE_RECORDED'
        ? 'awaiting-evidence'
        : 'awaiting-measurement';

/**
 * Whether an active goal can be evaluated now, and every reason it cannot or what will limit
 * the evaluation, by the rules evaluateGoal and the goal decider apply: evidence is a
 * measurement since the frozen baseline; an indicator criterion needs its indicators scored; an
 * evidence criterion needs evidence recorded, and a goal of evidence criteria only needs some.
 * Goals that are not active are not evaluated, so they have no readiness (undefined). The
 * explanations are in the language; the codes say the same to a machine.
 */
export const evaluationReadiness = (
  goal: ActiveGoal,
  today: string,
  language: Language = 'en',
): EvaluationReadiness | undefined => {
  if (goal.status !== 'active') return undefined;
  const say = translatorOf(language);
  const blocked = blocking(goal, today, say);
  const reasons = [
    blocked,
    withoutBaseline(goal, say),
    ...unusedInstruments(goal, say),
    ...unmeasuredIndicators(goal, goal.progress ?? goal.baseline, say),
    ...evidenceMissing(goal, say),
  ].filter((reason) => reason !== undefined);
  return { status: blocked ? statusOf(blocked) : 'evaluable', reasons };
};
