import { render, text, type Language, type Text } from '@talentloop/i18n';

/** The contract's floor (GoalRejected.feedback minLength); shorter feedback cannot be published. */
export const MIN_FEEDBACK_LENGTH = 20;
/** The contract's ceiling on feedback about an adjustment (AdjustmentRejected.feedback). */
export const MAX_ADJUSTMENT_FEEDBACK_LENGTH = 1000;
const MIN_DISTINCT_WORDS = 3;

/**
 * Phrases that fill the field without telling the employee what to change. Compared after
 * lower-casing and stripping punctuation, so "N/A!!" and "n.a." are caught too.
 */
const placeholders: ReadonlySet<string> = new Set([
  'no',
  'na',
  'nvt',
  'none',
  'nope',
  'rejected',
  'reject',
  'denied',
  'not approved',
  'not good',
  'not good enough',
  'see above',
  'see comments',
  'as discussed',
  'tbd',
  'todo',
  'test',
  'lorem ipsum',
]);

const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Why the feedback does not yet say what to change, or undefined when it does. Rejection is
 * a conversation: the employee must be able to act on the feedback, so length alone is not
 * enough — "rejected rejected rejected" is long and says nothing.
 */
export const feedbackProblemText = (feedback: string): Text | undefined => {
  const trimmed = feedback.trim();
  const words = normalise(trimmed).split(' ').filter(Boolean);
  const phrase = words.join(' ');
  if (phrase === '' || placeholders.has(phrase)) return text('approval.feedbackPlaceholder');
  if (trimmed.length < MIN_FEEDBACK_LENGTH)
    return text('approval.feedbackTooShort', { min: MIN_FEEDBACK_LENGTH });
  const distinct = new Set(words.filter((word) => /\p{L}{2,}/u.test(word)));
  if (distinct.size < MIN_DISTINCT_WORDS || [...distinct].every((word) => placeholders.has(word)))
    return text('approval.feedbackTooFewWords', { min: MIN_DISTINCT_WORDS });
  return undefined;
};

/** Why the feedback does not yet say what to change, in the language. */
export const feedbackProblem = (
  feedback: string,
  language: Language = 'en',
): string | undefined => {
  const problem = feedbackProblemText(feedback);
  return problem === undefined ? undefined : render(language, problem);
};
