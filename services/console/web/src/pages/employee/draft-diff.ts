import { targetText, type GoalContent } from '../../lib/goal';
import { phraseDiff, type Segment } from '../../lib/text-diff';

/** The fields of a goal the employee sees compared, in the order the goal reads. */
export type ContentField =
  | 'title'
  | 'target'
  | 'behaviour'
  | 'situation'
  | 'successCriteria'
  | 'actions'
  | 'milestones'
  | 'deadline'
  | 'language';

/** One item of a list field (a criterion, an action, a milestone) against its drafted self. */
export interface ItemChange {
  readonly key: string;
  readonly status: 'same' | 'changed' | 'added' | 'removed';
  readonly segments: readonly Segment[];
}

export type FieldChange =
  | { readonly field: ContentField; readonly kind: 'text'; readonly segments: readonly Segment[] }
  | { readonly field: ContentField; readonly kind: 'list'; readonly items: readonly ItemChange[] };

const listOf = (field: 'successCriteria' | 'actions' | 'milestones', content: GoalContent) => {
  switch (field) {
    case 'successCriteria':
      return content.successCriteria.map((criterion) => ({
        key: criterion.criterionId,
        text:
          criterion.target === undefined
            ? criterion.description
            : `${criterion.description} (≥ ${criterion.target})`,
      }));
    case 'actions':
      return content.actions.map((action) => ({
        key: action.actionId,
        text: `${action.description} — ${action.frequency}`,
      }));
    case 'milestones':
      return (content.milestones ?? []).map((milestone, index) => ({
        key: String(index + 1),
        text: `${milestone.description} (${milestone.dueOn})`,
      }));
  }
};

const listChange = (
  field: 'successCriteria' | 'actions' | 'milestones',
  drafted: GoalContent,
  current: GoalContent,
): FieldChange | undefined => {
  const before = listOf(field, drafted);
  const after = listOf(field, current);
  const items: ItemChange[] = after.map(({ key, text }) => {
    const was = before.find((item) => item.key === key);
    if (!was) return { key, status: 'added', segments: [{ kind: 'added', text }] };
    return {
      key,
      status: was.text === text ? 'same' : 'changed',
      segments: phraseDiff(was.text, text),
    };
  });
  for (const { key, text } of before)
    if (!after.some((item) => item.key === key))
      items.push({ key, status: 'removed', segments: [{ kind: 'removed', text }] });
  return items.some((item) => item.status !== 'same') ? { field, kind: 'list', items } : undefined;
};

const textChange = (field: ContentField, before: string, after: string): FieldChange | undefined =>
  before === after ? undefined : { field, kind: 'text', segments: phraseDiff(before, after) };

/**
 * What the employee changed in the drafter's proposal, field by field in reading order: each
 * text word by word, each list item by its id. Fields left as drafted are not listed.
 */
export const changesSinceDraft = (drafted: GoalContent, current: GoalContent): FieldChange[] =>
  [
    textChange('title', drafted.title, current.title),
    textChange('target', targetText(drafted), targetText(current)),
    textChange('behaviour', drafted.behaviour, current.behaviour),
    textChange('situation', drafted.situation, current.situation),
    listChange('successCriteria', drafted, current),
    listChange('actions', drafted, current),
    listChange('milestones', drafted, current),
    textChange('deadline', drafted.deadline, current.deadline),
    textChange('language', drafted.language, current.language),
  ].filter((change) => change !== undefined);
