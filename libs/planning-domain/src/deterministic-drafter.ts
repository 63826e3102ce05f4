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

const phrases = {
  en: {
    title: (target: string, focus: string) => `Grow in ${target}: ${focus}`,
    wholeTarget: 'the basics',
    behaviour: (focus: string, next: string) => `Practise ${focus} deliberately: ${next}`.trim(),
    nextFallback: 'show the behaviour consistently and ask for feedback afterwards.',
    situation: 'In weekly team meetings, one-on-ones and project work with colleagues.',
    indicatorCriterion: (focus: string, target: number) =>
      `${focus} scores at least ${target} in the next 360° round.`,
    observedCriterion: (target: string) =>
      `The manager observes the new ${target} behaviour in most relevant situations.`,
    certificateCriterion: (target: string) =>
      `The ${target} certificate is obtained, with its number or a copy recorded as evidence.`,
    practice: (focus: string) => `Apply ${focus} in every relevant meeting and note one example.`,
    practiceFrequency: 'every week',
    feedback: 'Ask a colleague who sees you at work for feedback on this behaviour.',
    feedbackFrequency: 'once a month',
    formal: (target: string) => `Follow a short training or read up on ${target}.`,
    formalFrequency: 'once',
    halfway: 'Review progress with the manager and adjust the approach.',
  },
  nl: {
    title: (target: string, focus: string) => `Groeien in ${target}: ${focus}`,
    wholeTarget: 'de basis',
    behaviour: (focus: string, next: string) => `Oefen bewust met ${focus}: ${next}`.trim(),
    nextFallback: 'laat het gedrag consequent zien en vraag daarna om feedback.',
    situation: 'In wekelijkse teamoverleggen, één-op-ééngesprekken en projectwerk met collega’s.',
    indicatorCriterion: (focus: string, target: number) =>
      `${focus} scoort minstens ${target} in de volgende 360°-ronde.`,
    observedCriterion: (target: string) =>
      `De leidinggevende ziet het nieuwe gedrag rond ${target} in de meeste relevante situaties.`,
    certificateCriterion: (target: string) =>
      `Het certificaat ${target} is behaald, met het nummer of een kopie vastgelegd als bewijs.`,
    practice: (focus: string) =>
      `Pas ${focus} toe in elk relevant overleg en noteer één voorbeeld.`,
    practiceFrequency: 'elke week',
    feedback: 'Vraag een collega die je aan het werk ziet om feedback op dit gedrag.',
    feedbackFrequency: 'eens per maand',
    formal: (target: string) => `Volg een korte training of lees je in over ${target}.`,
    formalFrequency: 'eenmalig',
    halfway: 'Bespreek de voortgang met de leidinggevende en stel de aanpak bij.',
  },
} as const;

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
  const text = phrases[language];
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
          description: text.observedCriterion(context.targetName),
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
          description: text.certificateCriterion(context.targetName).slice(0, 500),
        }
      : {
          ...criterion,
          description: criterion.description || text.indicatorCriterion(focus, criterion.target),
        };

  const actions: DevelopmentAction[] = [
    {
      actionId: 'act-1',
      kind: 'on-the-job',
      description: text.practice(focus),
      frequency: text.practiceFrequency,
      estimatedHours: 2 * months * 4 * 0.5,
    },
    {
      actionId: 'act-2',
      kind: 'learning-from-others',
      description: text.feedback,
      frequency: text.feedbackFrequency,
      estimatedHours: months,
    },
  ];
  if (target.kind !== 'competency')
    actions.push({
      actionId: 'act-3',
      kind: 'formal-learning',
      description: text.formal(context.targetName),
      frequency: text.formalFrequency,
      estimatedHours: 8,
    });

  return {
    title: text
      .title(context.targetName, focusNames.length > 0 ? focusNames.join(', ') : text.wholeTarget)
      .slice(0, 200),
    target: {
      kind: target.kind,
      competencyId: target.competencyId,
      indicatorIds: focusScores.map((s) => s.indicatorId),
    },
    behaviour: text.behaviour(focus, nextLevel ?? text.nextFallback).slice(0, 2000),
    situation: text.situation,
    successCriteria: [successCriterion],
    actions,
    milestones: [{ description: text.halfway, dueOn: addMonths(today, Math.floor(months / 2)) }],
    deadline,
    language,
  };
};
