import { ApiError } from '../../lib/problem';

/** A decision form's fields the service may name in its problem. */
export type DecisionField = 'feedback' | 'checkInCadence' | 'note';

export interface DecisionProblem {
  /** Messages to show at each field, in the service's words. */
  readonly fields: Readonly<Partial<Record<DecisionField, readonly string[]>>>;
  /** The problem itself, when none of it belongs at a field (shown above the form). */
  readonly general?: Error;
}

/** Problem codes about one field, whose detail is shown at that field. */
const fieldOfCode: Readonly<Record<string, DecisionField>> = {
  FEEDBACK_TOO_VAGUE: 'feedback',
  FEEDBACK_TOO_LONG: 'feedback',
  FEEDBACK_REQUIRED: 'feedback',
  CHECK_IN_CADENCE_MISMATCH: 'checkInCadence',
};

const knownFields: readonly DecisionField[] = ['feedback', 'checkInCadence', 'note'];

/** The field a validation message names (`feedback`, `/feedback`, `body.feedback`). */
const fieldOf = (name: string): DecisionField | undefined =>
  knownFields.find((field) => name.replace(/^.*[./]/, '') === field);

/**
 * Where to show what the service said about a decision: validation messages and field-specific
 * codes at their field; anything else (a conflict, a refusal) as the form's problem.
 */
export const decisionProblem = (error: Error): DecisionProblem => {
  if (!(error instanceof ApiError)) return { fields: {}, general: error };
  const fields: Partial<Record<DecisionField, string[]>> = {};
  const add = (field: DecisionField, message: string) => {
    const list = (fields[field] ??= []);
    if (!list.includes(message)) list.push(message);
  };
  const others: { field: string; message: string }[] = [];
  for (const entry of error.fields) {
    const field = fieldOf(entry.field);
    if (field) add(field, entry.message);
    else others.push(entry);
  }
  const coded = error.code === undefined ? undefined : fieldOfCode[error.code];
  if (coded && error.fields.length === 0) add(coded, error.detail ?? error.title);
  const placed = Object.keys(fields).length > 0;
  if (placed && others.length === 0) return { fields };
  return {
    fields,
    general: placed
      ? new ApiError(error.status, error.title, error.detail, others, error.code)
      : error,
  };
};
