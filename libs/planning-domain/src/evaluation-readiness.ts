import type { MeasurementInstrument } from '@talentloop/contracts';
import { text, textList, translatorOf, type Language, type Translate } from '@talentloop/i18n';
import type { GoalMeasurement } from './evaluation';
import type { GoalRecord, GoalStatus } from './goal.state';

/**
 * - `evaluable`: something was measured since the baseline; the goal can be evaluated now.
 * - `awaiting-measurement`: nothing since the baseline; the first measurement of the target on
 *   or after the deadline evaluates it, and an early evaluation needs a measurement first.
 * - `remeasurement-overdue`: the deadline passed and nothing was measured since the baseline.
 */
export type EvaluationStatus = 'evaluable' | 'awaiting-measurement' | 'remeasurement-overdue';

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

const blocking = (
  goal: ActiveGoal,
  today: string,
  say: Translate,
): EvaluationReason | undefined => {
  if (goal.progress) return undefined;
  const { deadline } = goal.content;
  const instruments = [
    ...new Set(goal.content.successCriteria.map((criterion) => criterion.instrument)),
  ];
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
  goal.baseline === null
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
  return goal.content.successCriteria
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
  return goal.content.successCriteria.flatMap((criterion) => {
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

/**
 * Whether an active goal can be evaluated now, and every reason it cannot or what will limit
 * the evaluation, by the rules evaluateGoal and the goal decider apply: evidence is a
 * measurement since the frozen baseline; an indicator criterion needs its indicators scored.
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
  ].filter((reason) => reason !== undefined);
  if (!blocked) return { status: 'evaluable', reasons };
  return {
    status:
      blocked.code === 'REMEASUREMENT_OVERDUE' ? 'remeasurement-overdue' : 'awaiting-measurement',
    reasons,
  };
};
