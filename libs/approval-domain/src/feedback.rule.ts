/** The contract's floor (GoalRejected.feedback minLength); shorter feedback cannot be published. */
export const MIN_FEEDBACK_LENGTH = 20;
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
export const feedbackProblem = (feedback: string): string | undefined => {
  const trimmed = feedback.trim();
  const words = normalise(trimmed).split(' ').filter(Boolean);
  const phrase = words.join(' ');
  if (phrase === '' || placeholders.has(phrase))
    return 'feedback is empty or a placeholder; say what the employee should change';
  if (trimmed.length < MIN_FEEDBACK_LENGTH)
    return `feedback must be at least ${MIN_FEEDBACK_LENGTH} characters; say what the employee should change`;
  const distinct = new Set(words.filter((word) => /\p{L}{2,}/u.test(word)));
  if (distinct.size < MIN_DISTINCT_WORDS || [...distinct].every((word) => placeholders.has(word)))
    return `feedback must use at least ${MIN_DISTINCT_WORDS} different words; say what the employee should change`;
  return undefined;
};
