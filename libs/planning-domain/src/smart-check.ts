import { monthsBetween, addMonths } from './dates';
import type { GoalContent, GoalContext, SmartSettings, SuccessCriterion } from './goal-content';

export type SmartProperty = 'specific' | 'measurable' | 'achievable' | 'relevant' | 'time-bound';

export interface SmartCheck {
  readonly property: SmartProperty;
  readonly passed: boolean;
  readonly explanation: string;
}

const check = (property: SmartProperty, failure: string | undefined, success: string) => ({
  property,
  passed: failure === undefined,
  explanation: failure ?? success,
});

/** Three words at least: "communication" alone names a topic, not a behaviour. */
const isConcrete = (text: string) => text.trim().split(/\s+/).length >= 3;

/** Indicator ids the goal names (target and criteria) that its framework does not define. */
const unknownIndicators = (goal: GoalContent, context: GoalContext): string[] => {
  // Without the framework's indicators (not published to planning yet) nothing can be said.
  if (context.indicators.length === 0) return [];
  const defined = new Set(context.indicators.map((indicator) => indicator.indicatorId));
  const named = [
    ...goal.target.indicatorIds,
    ...goal.successCriteria.flatMap((criterion) => criterion.indicatorIds),
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

const specific = (goal: GoalContent, context: GoalContext): SmartCheck => {
  const weakSpotsKnown = goal.target.kind === 'competency' && context.weakestIndicators.length > 0;
  const unknown = unknownIndicators(goal, context);
  const stronger = strongerTargets(goal, context);
  const failure = !isConcrete(goal.behaviour)
    ? 'the behaviour to develop is not described concretely (at least a short sentence)'
    : !isConcrete(goal.situation)
      ? 'the work situation where the behaviour is practised is not described'
      : unknown.length > 0
        ? `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not an indicator of ${context.targetName} in the framework`
        : weakSpotsKnown && goal.target.indicatorIds.length === 0
          ? `the goal targets the whole competency while the measurement shows the weak indicators (${idList(context.weakestIndicators)}); target those`
          : stronger.length > 0 && !context.motivationNote?.trim()
            ? `${stronger.join(', ')} ${stronger.length === 1 ? 'is' : 'are'} not among the weaker indicators (${idList(context.weakestIndicators)}); target those, or say in the motivation why this one`
            : undefined;
  return check('specific', failure, 'names the behaviour, the work situation and what it targets');
};

const measurable = (goal: GoalContent): SmartCheck => {
  const vague = goal.successCriteria.find(
    (criterion) => criterion.metric === 'indicator-score' && criterion.indicatorIds.length === 0,
  );
  const failure =
    goal.successCriteria.length === 0
      ? 'there is no success criterion with an instrument, a metric and a target'
      : vague
        ? `criterion ${vague.criterionId} reads an indicator score but names no indicator`
        : undefined;
  return check(
    'measurable',
    failure,
    `${goal.successCriteria.length} success criterion(s), each with instrument, metric and target`,
  );
};

/** The starting score a criterion is read against: the weakest named indicator, else behaviour. */
export const baselineOf = (criterion: SuccessCriterion, context: GoalContext): number | null => {
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
): SmartCheck => {
  if (!goal.actions.some((action) => action.kind === 'on-the-job'))
    return check(
      'achievable',
      goal.actions.length === 0
        ? 'no action says how the behaviour will be practised; add at least one on-the-job action'
        : 'only formal learning: a training or reading alone rarely changes behaviour at work; add at least one on-the-job action that practises it',
      '',
    );
  const months = Math.max(0, monthsBetween(today, goal.deadline));
  const reachable = settings.maxGrowthPerMonth * months;
  for (const criterion of goal.successCriteria) {
    if (context.aptitude !== null && criterion.target > context.aptitude)
      return check(
        'achievable',
        `criterion ${criterion.criterionId} targets ${criterion.target}, above the aptitude of ${context.aptitude}`,
        '',
      );
    const baseline = baselineOf(criterion, context);
    if (baseline !== null && criterion.target - baseline > reachable)
      return check(
        'achievable',
        `criterion ${criterion.criterionId} asks ${criterion.target - baseline} points of growth (from ${baseline} to ${criterion.target}) in ${months.toFixed(1)} months; at most ${settings.maxGrowthPerMonth} points a month is realistic (${Math.floor(reachable)})`,
        '',
      );
  }
  return check(
    'achievable',
    undefined,
    context.aptitude === null
      ? `no measurement of ${context.targetName} bounds the targets; the manager judges feasibility`
      : `targets stay within aptitude ${context.aptitude} and ${settings.maxGrowthPerMonth} points a month of growth${measuredByText(context.measuredBy)}`,
  );
};

/** Which measurement bounded the targets, as far as it is known. */
const measuredByText = (measuredBy: GoalContext['measuredBy']): string =>
  measuredBy === null
    ? ''
    : measuredBy.instrument && measuredBy.measuredAt
      ? ` (measured by ${measuredBy.instrument} on ${measuredBy.measuredAt.slice(0, 10)})`
      : ` (measurement ${measuredBy.measurementId})`;

const relevant = (context: GoalContext): SmartCheck =>
  check(
    'relevant',
    context.requiredLevel === null && !context.motivationNote?.trim()
      ? `${context.targetName} is not in the role profile and no motivation explains why it matters`
      : undefined,
    context.requiredLevel !== null
      ? `the role profile requires ${context.targetName} at level ${context.requiredLevel}`
      : `motivated by the employee: ${context.motivationNote ?? ''}`.slice(0, 500),
  );

const timeBound = (goal: GoalContent, settings: SmartSettings, today: string): SmartCheck => {
  const earliest = addMonths(today, settings.deadlineMinMonths);
  const latest = addMonths(today, settings.deadlineMaxMonths);
  return check(
    'time-bound',
    goal.deadline < earliest || goal.deadline > latest
      ? `deadline ${goal.deadline} is outside the window ${earliest} – ${latest} (${settings.deadlineMinMonths}–${settings.deadlineMaxMonths} months)`
      : undefined,
    `deadline ${goal.deadline} lies within ${settings.deadlineMinMonths}–${settings.deadlineMaxMonths} months`,
  );
};

/** The five SMART properties of a goal, each with why it passed or failed. */
export const checkSmart = (
  goal: GoalContent,
  context: GoalContext,
  settings: SmartSettings,
  today: string,
): readonly SmartCheck[] => [
  specific(goal, context),
  measurable(goal),
  achievable(goal, context, settings, today),
  relevant(context),
  timeBound(goal, settings, today),
];

export const failedChecks = (checks: readonly SmartCheck[]) =>
  checks.filter((smart) => !smart.passed);

/**
 * The SMART check of an active goal after an adjustment. Every property is checked again on
 * the adjusted goal, except that the deadline is read as a new commitment from today: it must
 * lie ahead, and no further than the longest cycle allows (an adjustment late in a cycle may
 * well leave less than the shortest one).
 */
export const checkAdjustedSmart = (
  goal: GoalContent,
  context: GoalContext,
  settings: SmartSettings,
  today: string,
): readonly SmartCheck[] =>
  checkSmart(goal, context, settings, today).map((smart) =>
    smart.property === 'time-bound' ? adjustedTimeBound(goal, settings, today) : smart,
  );

const adjustedTimeBound = (goal: GoalContent, settings: SmartSettings, today: string) => {
  const latest = addMonths(today, settings.deadlineMaxMonths);
  return check(
    'time-bound',
    goal.deadline <= today || goal.deadline > latest
      ? `the adjusted deadline ${goal.deadline} is not between today and ${latest} (${settings.deadlineMaxMonths} months)`
      : undefined,
    `the adjusted deadline ${goal.deadline} lies ahead, within ${settings.deadlineMaxMonths} months`,
  );
};
