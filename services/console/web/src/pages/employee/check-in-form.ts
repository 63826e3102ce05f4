/**
 * The check-in form's rules, as the API's LogCheckInDto sets them: three answers of 1 to 2,000
 * characters, a whole number of minutes from 1 to 240 (15–30 expected: outside it the check-in
 * is accepted and flagged), at most 20 actions ticked, none twice.
 */
export const checkInLimits = {
  answerMaxLength: 2000,
  minMinutes: 1,
  maxMinutes: 240,
  expectedMinMinutes: 15,
  expectedMaxMinutes: 30,
  maxActionsTicked: 20,
} as const;

export const answerFields = ['whatWasDone', 'whatGoesWellAndWhatIsHard', 'whatIsNext'] as const;
export type AnswerField = (typeof answerFields)[number];
export type CheckInField = AnswerField | 'durationMinutes' | 'actionsTicked';

/** What the employee typed, as the form holds it. */
export interface CheckInInput {
  readonly whatWasDone: string;
  readonly whatGoesWellAndWhatIsHard: string;
  readonly whatIsNext: string;
  readonly durationMinutes: string;
  readonly actionsTicked: readonly string[];
}

/** The body of POST /goals/:goalId/check-ins. */
export interface CheckInBody {
  readonly answers: Readonly<Record<AnswerField, string>>;
  readonly durationMinutes: number;
  readonly actionsTicked: readonly string[];
}

export type CheckInProblem =
  | 'required'
  | 'tooLong'
  | 'notWholeMinutes'
  | 'tooFewMinutes'
  | 'tooManyMinutes'
  | 'tooManyActions';

export type CheckInValidation =
  | { readonly ok: true; readonly body: CheckInBody }
  | {
      readonly ok: false;
      readonly problems: Readonly<Partial<Record<CheckInField, CheckInProblem>>>;
    };

/** The form checked against the API's limits: the body to send, or a problem per field. */
export const validateCheckIn = (input: CheckInInput): CheckInValidation => {
  const problems: Partial<Record<CheckInField, CheckInProblem>> = {};
  for (const field of answerFields) {
    const answer = input[field];
    if (answer.trim() === '') problems[field] = 'required';
    else if (answer.length > checkInLimits.answerMaxLength) problems[field] = 'tooLong';
  }
  const minutesText = input.durationMinutes.trim();
  const minutes = Number(minutesText);
  if (minutesText === '') problems.durationMinutes = 'required';
  else if (!/^\d+$/.test(minutesText) || !Number.isSafeInteger(minutes))
    problems.durationMinutes = 'notWholeMinutes';
  else if (minutes < checkInLimits.minMinutes) problems.durationMinutes = 'tooFewMinutes';
  else if (minutes > checkInLimits.maxMinutes) problems.durationMinutes = 'tooManyMinutes';
  const ticked = [...new Set(input.actionsTicked)];
  if (ticked.length > checkInLimits.maxActionsTicked) problems.actionsTicked = 'tooManyActions';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      answers: {
        whatWasDone: input.whatWasDone.trim(),
        whatGoesWellAndWhatIsHard: input.whatGoesWellAndWhatIsHard.trim(),
        whatIsNext: input.whatIsNext.trim(),
      },
      durationMinutes: minutes,
      actionsTicked: ticked,
    },
  };
};

/** Where a length falls against the expected 15–30 minutes; undefined while it is no number. */
export const lengthNoteOf = (durationMinutes: string): 'short' | 'within' | 'long' | undefined => {
  const text = durationMinutes.trim();
  if (!/^\d+$/.test(text)) return undefined;
  const minutes = Number(text);
  if (minutes < checkInLimits.minMinutes || minutes > checkInLimits.maxMinutes) return undefined;
  if (minutes < checkInLimits.expectedMinMinutes) return 'short';
  return minutes > checkInLimits.expectedMaxMinutes ? 'long' : 'within';
};

/** The form field an API field error names (`answers.whatWasDone`, `durationMinutes`, …). */
export const checkInFieldOf = (apiField: string): CheckInField | undefined => {
  const name = apiField.replace(/^answers\./, '').replace(/\.\d+$/, '');
  return ([...answerFields, 'durationMinutes', 'actionsTicked'] as readonly string[]).includes(name)
    ? (name as CheckInField)
    : undefined;
};
