import { render, text, textList, type Language, type Text } from '@talentloop/i18n';
import { monthsBetween, addMonths } from './dates';
import {
  evidenceCriteriaOf,
  evidenceTargetKinds,
  measuredCriteriaOf,
  type GoalContent,
  type GoalContext,
  type MeasuredCriterion,
  type SmartSettings,
} from './goal-content';

export type SmartProperty =
  | 'specific'
  | 'measurable'
  | 'achievable'
  | 'acceptable'
  | 'relevant'
  | 'time-bound';

export interface SmartCheck {
  readonly property: SmartProperty;
  readonly passed: boolean;
  readonly explanation: string;
}

/** A SMART check before it is said in a language: its explanation is a catalogue text. */
export interface SmartFinding {
  readonly property: SmartProperty;
  readonly passed: boolean;
  readonly explanation: Text;
}

/** The contract's limit on an explanation (SmartCheck.explanation maxLength). */
const MAX_EXPLANATION_LENGTH = 500;

const check = (
  property: SmartProperty,
  failure: Text | undefined,
  success: Text,
): SmartFinding => ({ property, passed: failure === undefined, explanation: failure ?? success });

/** A failed check's success text is never read. */
const NO_SUCCESS = text('smart.specific.passed');

/** The findings in the language, as a person (and GoalSubmitted) reads them. */
export const smartChecksIn = (
  findings: readonly SmartFinding[],
  language: Language,
): readonly SmartCheck[] =>
  findings.map(({ property, passed, explanation }) => ({
    property,
    passed,
    explanation: render(language, explanation).slice(0, MAX_EXPLANATION_LENGTH),
  }));

/** Three words at least: "communication" alone names a topic, not a behaviour. */
const isConcrete = (text: string) => text.trim().split(/\s+/).length >= 3;

/** Indicator ids the goal names (target and criteria) that its framework does not define. */
const unknownIndicators = (goal: GoalContent, context: GoalContext): string[] => {
  // Without the framework's indicators (not published to planning yet) nothing can be said.
  if (context.indicators.length === 0) return [];
  const defined = new Set(context.indicators.map((indicator) => indicator.indicatorId));
  const named = [
    ...goal.target.indicatorIds,
    ...measuredCriteriaOf(goal).flatMap((criterion) => criterion.indicatorIds),
  ];
  return [...new Set(named)].filter((id) => !defined.has(id));
};

/** Targeted indicators the measurement does not show among the weaker ones. */
const strongerTargets = (goal: GoalContent, context: GoalContext): string[] => {
  const weaker = new Set(context.weakestIndicators.map((indicator) => indicator.indicatorId));
  return weaker.size === 0 ? [] : goal.target.indicatorIds.filter((id) => !weaker.has(id));
};

const idList = (indicators: readonly { readonly indicatorId: string }[]) =>
  indicators.map((indicator) => indicator.indicatorId).join(', ');

const specific = (goal: GoalContent, context: GoalContext): SmartFinding => {
  const weakSpotsKnown = goal.target.kind === 'competency' && context.weakestIndicators.length > 0;
  const unknown = unknownIndicators(goal, context);
  const stronger = strongerTargets(goal, context);
  const failure = !isConcrete(goal.behaviour)
    ? text('smart.specific.behaviourVague')
    : !isConcrete(goal.situation)
      ? text('smart.specific.situationMissing')
      : unknown.length > 0
        ? text('smart.specific.unknownIndicators', {
            ids: unknown.join(', '),
            count: unknown.length,
            target: context.targetName,
          })
        : weakSpotsKnown && goal.target.indicatorIds.length === 0
          ? text('smart.specific.wholeCompetency', { weakest: idList(context.weakestIndicators) })
          : stronger.length > 0 && !context.motivationNote?.trim()
            ? text('smart.specific.strongerTargets', {
                ids: stronger.join(', '),
                count: stronger.length,
                weakest: idList(context.weakestIndicators),
              })
            : undefined;
  return check('specific', failure, text('smart.specific.passed'));
};

/**
 * Each criterion says how it is known to be met: a measured one by its instrument, metric and
 * target (an indicator score on named indicators), an evidence one by the evidence it names.
 * Evidence proves a skill, certification or knowledge area; a competency grows in behaviour,
 * which only a measurement shows.
 */
const measurable = (goal: GoalContent): SmartFinding => {
  const vague = measuredCriteriaOf(goal).find(
    (criterion) => criterion.metric === 'indicator-score' && criterion.indicatorIds.length === 0,
  );
  const [evidence] = evidenceCriteriaOf(goal);
  const misplaced = evidence && !evidenceTargetKinds.includes(goal.target.kind);
  const failure =
    goal.successCriteria.length === 0
      ? text('smart.measurable.noCriterion')
      : vague
        ? text('smart.measurable.noIndicator', { criterion: vague.criterionId })
        : misplaced
          ? text('smart.measurable.evidenceOnCompetency', { criterion: evidence.criterionId })
          : undefined;
  const criteria = goal.successCriteria.length;
  return check(
    'measurable',
    failure,
    evidence
      ? text('smart.measurable.passedWithEvidence', { criteria })
      : text('smart.measurable.passed', { criteria }),
  );
};

/** The starting score a criterion is read against: the weakest named indicator, else behaviour. */
export const baselineOf = (criterion: MeasuredCriterion, context: GoalContext): number | null => {
  const known = [...context.weakestIndicators, ...context.strongestIndicators];
  const scores = criterion.indicatorIds
    .map((id) => known.find((indicator) => indicator.indicatorId === id)?.score)
    .filter((score): score is number => score !== undefined);
  return scores.length > 0 ? Math.min(...scores) : context.behaviour;
};

const achievable = (
  goal: GoalContent,
  context: GoalContext,
  settings: SmartSettings,
  today: string,
): SmartFinding => {
  if (!goal.actions.some((action) => action.kind === 'on-the-job'))
    return check(
      'achievable',
      goal.actions.length === 0
        ? text('smart.achievable.noActions')
        : text('smart.achievable.onlyFormal'),
      NO_SUCCESS,
    );
  const months = Math.max(0, monthsBetween(today, goal.deadline));
  const reachable = settings.maxGrowthPerMonth * months;
  // Evidence criteria carry no score: the bound on growth reads measured criteria only.
  for (const criterion of measuredCriteriaOf(goal)) {
    if (context.aptitude !== null && criterion.target > context.aptitude)
      return check(
        'achievable',
        text('smart.achievable.aboveAptitude', {
          criterion: criterion.criterionId,
          target: criterion.target,
          aptitude: context.aptitude,
        }),
        NO_SUCCESS,
      );
    const baseline = baselineOf(criterion, context);
    if (baseline !== null && criterion.target - baseline > reachable)
      return check(
        'achievable',
        text('smart.achievable.tooMuchGrowth', {
          criterion: criterion.criterionId,
          growth: criterion.target - baseline,
          baseline,
          target: criterion.target,
          months: months.toFixed(1),
          rate: settings.maxGrowthPerMonth,
          reachable: Math.floor(reachable),
        }),
        NO_SUCCESS,
      );
  }
  return check(
    'achievable',
    undefined,
    context.aptitude === null
      ? text('smart.achievable.unbounded', { target: context.targetName })
      : text('smart.achievable.passed', {
          aptitude: context.aptitude,
          rate: settings.maxGrowthPerMonth,
          measuredBy: measuredByText(context.measuredBy),
        }),
  );
};

/** Which measurement bounded the targets, as far as it is known. */
const measuredByText = (measuredBy: GoalContext['measuredBy']): Text | string =>
  measuredBy === null
    ? ''
    : measuredBy.instrument && measuredBy.measuredAt
      ? text('smart.achievable.measuredByInstrument', {
          instrument: measuredBy.instrument,
          date: measuredBy.measuredAt.slice(0, 10),
        })
      : text('smart.achievable.measuredByMeasurement', {
          measurementId: measuredBy.measurementId,
        });

const relevant = (context: GoalContext): SmartFinding =>
  check(
    'relevant',
    context.requiredLevel === null && !context.motivationNote?.trim()
      ? text('smart.relevant.unmotivated', { target: context.targetName })
      : undefined,
    context.requiredLevel !== null
      ? text('smart.relevant.required', {
          target: context.targetName,
          level: context.requiredLevel,
        })
      : text('smart.relevant.motivated'),
  );

const timeBound = (goal: GoalContent, settings: SmartSettings, today: string): SmartFinding => {
  const earliest = addMonths(today, settings.deadlineMinMonths);
  const latest = addMonths(today, settings.deadlineMaxMonths);
  const window = { min: settings.deadlineMinMonths, max: settings.deadlineMaxMonths };
  return check(
    'time-bound',
    goal.deadline < earliest || goal.deadline > latest
      ? text('smart.timeBound.outside', { deadline: goal.deadline, earliest, latest, ...window })
      : undefined,
    text('smart.timeBound.passed', { deadline: goal.deadline, ...window }),
  );
};

/** The five SMART properties of a goal, each with why it passed or failed, in no language yet. */
export const findSmart = (
  goal: GoalContent,
  context: GoalContext,
  settings: SmartSettings,
  today: string,
): readonly SmartFinding[] => [
  specific(goal, context),
  measurable(goal),
  achievable(goal, context, settings, today),
  relevant(context),
  timeBound(goal, settings, today),
];

/**
 * Acceptable, the A of SMART as the article reads it: the employee agreed to the goal as it
 * stands and said why it matters to them. Asked at submission, never of a draft's content.
 */
export const acceptable = (
  agreement: {
    readonly agreedBy: string;
  } | null,
): SmartFinding =>
  check(
    'acceptable',
    agreement === null ? text('smart.acceptable.notAgreed') : undefined,
    text('smart.acceptable.passed'),
  );

/** What a submission is checked on: the five properties of its content, and the agreement. */
export const findSubmissionSmart = (
  goal: GoalContent,
  agreement: Parameters<typeof acceptable>[0],
  context: GoalContext,
  settings: SmartSettings,
  today: string,
): readonly SmartFinding[] => {
  const findings = findSmart(goal, context, settings, today);
  return [...findings.slice(0, 3), acceptable(agreement), ...findings.slice(3)];
};

/** The five SMART properties of a goal, each with why it passed or failed, in the language. */
export const checkSmart = (
  goal: GoalContent,
  context: GoalContext,
  settings: SmartSettings,
  today: string,
  language: Language = 'en',
): readonly SmartCheck[] => smartChecksIn(findSmart(goal, context, settings, today), language);

export const failedChecks = <Check extends { readonly passed: boolean }>(
  checks: readonly Check[],
): Check[] => checks.filter((smart) => !smart.passed);

/** Why a goal is not SMART, one failed property after the other. */
export const smartFailures = (findings: readonly SmartFinding[]) =>
  textList(
    failedChecks(findings).map(({ property, explanation }) =>
      text('smart.failure', { property: text(`smart.property.${property}`), explanation }),
    ),
    '; ',
  );

/**
 * The SMART check of an active goal after an adjustment. Every property is checked again on
 * the adjusted goal, except that the deadline is read as a new commitment from today: it must
 * lie ahead, and no further than the longest cycle allows (an adjustment late in a cycle may
 * well leave less than the shortest one).
 */
export const findAdjustedSmart = (
  goal: GoalContent,
  context: GoalContext,
  settings: SmartSettings,
  today: string,
): readonly SmartFinding[] =>
  findSmart(goal, context, settings, today).map((smart) =>
    smart.property === 'time-bound' ? adjustedTimeBound(goal, settings, today) : smart,
  );

const adjustedTimeBound = (goal: GoalContent, settings: SmartSettings, today: string) => {
  const latest = addMonths(today, settings.deadlineMaxMonths);
  return check(
    'time-bound',
    goal.deadline <= today || goal.deadline > latest
      ? text('smart.timeBound.adjustedOutside', {
          deadline: goal.deadline,
          latest,
          max: settings.deadlineMaxMonths,
        })
      : undefined,
    text('smart.timeBound.adjustedPassed', {
      deadline: goal.deadline,
      max: settings.deadlineMaxMonths,
    }),
  );
};
