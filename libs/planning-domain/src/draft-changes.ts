import type { GoalContent } from './goal-content';

/** One field of a goal whose value is no longer the one the drafter wrote. */
export interface ChangeSinceDraft {
  readonly field: keyof GoalContent;
  readonly drafted: unknown;
  readonly current: unknown;
}

const fieldsInOrder: readonly (keyof GoalContent)[] = [
  'title',
  'target',
  'behaviour',
  'situation',
  'successCriteria',
  'actions',
  'milestones',
  'deadline',
  'language',
];

/** Equal as JSON values, whatever the order of an object's keys. */
const sameValue = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysOfA = Object.keys(a);
  const keysOfB = Object.keys(b);
  return (
    keysOfA.length === keysOfB.length &&
    keysOfA.every((key) =>
      sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
};

/**
 * What the goal says now against what the drafter (a model or the deterministic drafter)
 * wrote, field by field: the provenance of a goal the employee owns. A field edited and
 * edited back to the drafted value is not a change.
 */
export const changesSinceDraft = (drafted: GoalContent, current: GoalContent): ChangeSinceDraft[] =>
  fieldsInOrder
    .filter((field) => !sameValue(drafted[field], current[field]))
    .map((field) => ({ field, drafted: drafted[field], current: current[field] }));
