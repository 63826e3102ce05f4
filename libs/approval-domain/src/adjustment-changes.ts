import type { AdjustmentApprovalRequested, GoalSubmitted } from '@talentloop/contracts';

type GoalContent = GoalSubmitted['data']['goal'];
export type AdjustmentChanges = AdjustmentApprovalRequested['data']['changes'];
type ContentField = keyof GoalContent;

/** One field an adjustment changes, as the manager reads it: from what, to what. */
export interface AdjustedField {
  readonly field: ContentField;
  /** Absent where approval does not know the value before the adjustment. */
  readonly before?: unknown;
  readonly after: unknown;
}

/**
 * The goal's content as approval can follow it: the submitted version, then every adjustment
 * and every refusal's restored fields. Actions are added and ticked off on an active goal by
 * events approval does not read, so their value before an adjustment is not known here.
 */
const followedFields = (changes: AdjustmentChanges): ContentField[] =>
  (Object.keys(changes) as ContentField[]).filter((field) => field !== 'actions');

/** The values an adjustment replaces, of the fields approval follows. */
export const valuesBefore = (content: GoalContent, changes: AdjustmentChanges): AdjustmentChanges =>
  Object.fromEntries(followedFields(changes).map((field) => [field, content[field]]));

/** The content after an adjustment, or after a refusal set fields back. */
export const withChanges = (content: GoalContent, changes: AdjustmentChanges): GoalContent => ({
  ...content,
  ...changes,
});

/** Each changed field with its new value and, where known, the one it replaces. */
export const adjustedFields = (
  changes: AdjustmentChanges,
  before: AdjustmentChanges | undefined,
): readonly AdjustedField[] =>
  (Object.keys(changes) as ContentField[]).map((field) => ({
    field,
    ...(before !== undefined && field in before ? { before: before[field] } : {}),
    after: changes[field],
  }));
