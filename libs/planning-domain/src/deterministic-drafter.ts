import { text, translatorOf } from '@talentloop/i18n';
import { addMonths, monthsBetween } from './dates';
import type {
  DevelopmentAction,
  GoalContent,
  GoalContext,
  Language,
  SmartSettings,
  SuccessCriterion,
} from './goal-content';

export interface DraftRequest {
  readonly target: {
    readonly kind: GoalContent['target']['kind'];
    readonly competencyId: string;
  };
  readonly context: GoalContext;
  readonly language: Language;
  /** YYYY-MM-DD the draft is made on; deadlines count from it. */
  readonly today: string;
  /**
   * On a redraft after a rejection: the manager's feedback, only where the tenant opted in to
   * sharing it with a model; otherwise absent.
   */
  readonly rejectionFeedback?: string;
}

/** The draft's phrases, in its language, from the catalogue's `drafting.deterministic`. */
const phrasesOf = (language: Language) => {
  const say = translatorOf(language);
  return {
    title: (target: string, focus: string) =>
      say(text('drafting.deterministic.title', { target, focus })),
    wholeTarget: say(text('drafting.deterministic.wholeTarget')),
    behaviour: (focus: string, next: string) =>
      say(text('drafting.deterministic.behaviour', { focus, next })).trim(),
    nextFallback: say(text('drafting.deterministic.nextFallback')),
    situation: say(text('drafting.deterministic.situation')),
    indicatorCriterion: (focus: string, target: number) =>
      say(text('drafting.deterministic.indicatorCriterion', { focus, target })),
    observedCriterion: (target: string) =>
      say(text('drafting.deterministic.observedCriterion', { target })),
    certificateCriterion: (target: string) =>
      say(text('drafting.deterministic.certificateCriterion', { target })),
    practice: (focus: string) => say(text('drafting.deterministic.practice', { focus })),
    practiceFrequency: say(text('drafting.deterministic.practiceFrequency')),
    feedback: say(text('drafting.deterministic.feedback')),
    feedbackFrequency: say(text('drafting.deterministic.feedbackFrequency')),
    formal: (target: string) => say(text('drafting.deterministic.formal', { target })),
    formalFrequency: say(text('drafting.deterministic.formalFrequency')),
    halfway: say(text('drafting.deterministic.halfway')),
  };
};

/** The catalogue does not change: each language's phrases are said once, not on every draft. */
const phrasesByLanguage = new Map<Language, ReturnType<typeof phrasesOf>>();
const phrasesIn = (language: Language) => {
  let phrases = phrasesByLanguage.get(language);
  if (!phrases) phrasesByLanguage.set(language, (phrases = phrasesOf(language)));
  return phrases;
};

/** Four months: inside the default 3–6 window with room to adjust either way. */
const PREFERRED_MONTHS = 4;
/** Aim below the reachable maximum, so a light edit upward still passes the check. */
const AMBITION = 0.8;
const OBSERVED_TARGET = 70;

const levelAbove = (score: number | null): '1' | '2' | '3' | '4' | '5' => {
  const level = score === null ? 3 : Math.min(5, Math.floor(score / 20) + 2);
  return String(level) as '1' | '2' | '3' | '4' | '5';
};

/**
 * A useful draft from the same context a language model gets, without one: it targets the
 * (at most two) weakest indicators, describes the next level of behaviour from the
 * framework, and sets a target within aptitude and the realistic growth rate.
 */
export const draftDeterministically = (
  { target, context, language, today }: DraftRequest,
  settings: SmartSettings,
): GoalContent => {
  const phrases = phrasesIn(language);
  const focusScores = context.weakestIndicators.slice(0, 2);
  const focusIndicators = focusScores.map((weak) =>
    context.indicators.find((known) => known.indicatorId === weak.indicatorId),
  );
  const focusNames = focusScores.map(
    (weak, index) => focusIndicators[index]?.name ?? weak.indicatorId,
  );
  const focus = focusNames.length > 0 ? focusNames.join(' & ') : context.targetName;
  const baseline =
    focusScores.length > 0 ? Math.min(...focusScores.map((s) => s.score)) : context.behaviour;
  const months = Math.min(
    settings.deadlineMaxMonths,
    Math.max(settings.deadlineMinMonths, PREFERRED_MONTHS),
  );
  const deadline = addMonths(today, months);
  const nextLevel = focusIndicators[0]?.levels[levelAbove(baseline)];

  const criterion =
    baseline === null
      ? {
          kind: 'measured' as const,
          criterionId: 'crit-1',
          instrument: 'manager-observation' as const,
          metric: 'observed-behaviour' as const,
          indicatorIds: [],
          target: Math.min(OBSERVED_TARGET, context.aptitude ?? OBSERVED_TARGET),
          description: phrases.observedCriterion(context.targetName),
        }
      : {
          kind: 'measured' as const,
          criterionId: 'crit-1',
          instrument: '360-round' as const,
          metric:
            focusScores.length > 0 ? ('indicator-score' as const) : ('behaviour-score' as const),
          indicatorIds: focusScores.map((s) => s.indicatorId),
          target: Math.round(
            Math.min(
              context.aptitude ?? 100,
              baseline + AMBITION * settings.maxGrowthPerMonth * monthsBetween(today, deadline),
            ),
          ),
          description: '',
        };
  // A certification is proven by its certificate, not by a score.
  const successCriterion: SuccessCriterion =
    target.kind === 'certification'
      ? {
          kind: 'evidence',
          criterionId: 'crit-1',
          evidence: 'certificate',
          description: phrases.certificateCriterion(context.targetName).slice(0, 500),
        }
      : {
          ...criterion,
          description: criterion.description || phrases.indicatorCriterion(focus, criterion.target),
        };

  const actions: DevelopmentAction[] = [
    {
      actionId: 'act-1',
      kind: 'on-the-job',
      description: phrases.practice(focus),
      frequency: phrases.practiceFrequency,
      estimatedHours: 2 * months * 4 * 0.5,
    },
    {
      actionId: 'act-2',
      kind: 'learning-from-others',
      description: phrases.feedback,
      frequency: phrases.feedbackFrequency,
      estimatedHours: months,
    },
  ];
  if (target.kind !== 'competency')
    actions.push({
      actionId: 'act-3',
      kind: 'formal-learning',
      description: phrases.formal(context.targetName),
      frequency: phrases.formalFrequency,
      estimatedHours: 8,
    });

  return {
    title: phrases
      .title(
        context.targetName,
        focusNames.length > 0 ? focusNames.join(', ') : phrases.wholeTarget,
      )
      .slice(0, 200),
    target: {
      kind: target.kind,
      competencyId: target.competencyId,
      indicatorIds: focusScores.map((s) => s.indicatorId),
    },
    behaviour: phrases.behaviour(focus, nextLevel ?? phrases.nextFallback).slice(0, 2000),
    situation: phrases.situation,
    successCriteria: [successCriterion],
    actions,
    milestones: [{ description: phrases.halfway, dueOn: addMonths(today, Math.floor(months / 2)) }],
    deadline,
    language,
  };
};
