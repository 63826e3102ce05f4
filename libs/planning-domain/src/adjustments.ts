import type { GoalChanges, GoalContent } from './goal-content';

type ContentField = keyof GoalContent;

/** An adjustment awaiting the manager: acknowledged, it stays; refused, it is set back. */
export interface PendingAdjustment {
  readonly adjustmentId: string;
  /** The fields it changed, with the values a refusal sets back. */
  readonly replaced: GoalChanges;
  /** Those of its fields a later adjustment changed again, each with the first that did. */
  readonly changedAgain: readonly { readonly field: ContentField; readonly by: string }[];
}

interface Adjustment {
  readonly adjustmentId: string;
  readonly changes: GoalChanges;
  readonly requiresAcknowledgement: boolean;
}

const fieldsOf = (changes: GoalChanges) => Object.keys(changes) as ContentField[];

const pick = (from: GoalChanges, fields: readonly ContentField[]): GoalChanges =>
  Object.fromEntries(fields.map((field) => [field, from[field]]));

const changedAgainBy = (pending: PendingAdjustment, field: ContentField) =>
  pending.changedAgain.find((entry) => entry.field === field)?.by;

/** The pending adjustments once another one changed `content` (the content before it). */
export const afterAdjustment = (
  pending: readonly PendingAdjustment[],
  content: GoalContent,
  adjustment: Adjustment,
): readonly PendingAdjustment[] => {
  const changed = fieldsOf(adjustment.changes);
  const marked = pending.map((earlier) => {
    const again = changed.filter(
      (field) => field in earlier.replaced && changedAgainBy(earlier, field) === undefined,
    );
    return again.length === 0
      ? earlier
      : {
          ...earlier,
          changedAgain: [
            ...earlier.changedAgain,
            ...again.map((field) => ({ field, by: adjustment.adjustmentId })),
          ],
        };
  });
  return adjustment.requiresAcknowledgement
    ? [
        ...marked,
        {
          adjustmentId: adjustment.adjustmentId,
          replaced: pick(content, changed),
          changedAgain: [],
        },
      ]
    : marked;
};

/** What refusing an adjustment sets back: the fields it changed that no later one changed again. */
export const restoredBy = (refused: PendingAdjustment): GoalChanges =>
  pick(
    refused.replaced,
    fieldsOf(refused.replaced).filter((field) => changedAgainBy(refused, field) === undefined),
  );

/**
 * The pending adjustments once one was refused. A later one made on a field of the refused one
 * now sets it back to what the refused one would have: the value from before both. An earlier
 * one whose field the refused one changed again owns that field again once it is set back, or
 * else is changed again by whoever changed the refused one's.
 */
export const afterRefusal = (
  pending: readonly PendingAdjustment[],
  adjustmentId: string,
): readonly PendingAdjustment[] => {
  const refused = pending.find((candidate) => candidate.adjustmentId === adjustmentId);
  if (!refused) return pending;
  return pending
    .filter((other) => other !== refused)
    .map((other) => {
      const inherited = refused.changedAgain
        .filter((entry) => entry.by === other.adjustmentId)
        .map((entry) => entry.field);
      return {
        ...other,
        replaced: { ...other.replaced, ...pick(refused.replaced, inherited) },
        changedAgain: other.changedAgain.flatMap((entry) => {
          if (entry.by !== adjustmentId) return [entry];
          const next = changedAgainBy(refused, entry.field);
          return next === undefined ? [] : [{ field: entry.field, by: next }];
        }),
      };
    });
};

/** The pending adjustments once one was acknowledged: it is in force, nothing to set back. */
export const afterAcknowledgement = (
  pending: readonly PendingAdjustment[],
  adjustmentId: string,
): readonly PendingAdjustment[] =>
  pending.filter((candidate) => candidate.adjustmentId !== adjustmentId);
