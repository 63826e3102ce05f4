import type { GoalContent } from './types';

/** A run of words the same in both versions, only in the drafted one, or only in the edited one. */
export interface Segment {
  readonly kind: 'same' | 'removed' | 'added';
  readonly text: string;
}

/** Words and the spaces between them, so that joining the tokens gives the text back. */
const tokensOf = (text: string): string[] => text.match(/\s+|[^\s]+/g) ?? [];

/** Longer texts are compared as a whole (the API allows 2,000 characters: ~700 tokens). */
const MAX_TOKENS = 1500;

const push = (segments: Segment[], kind: Segment['kind'], text: string) => {
  if (text === '') return;
  const last = segments[segments.length - 1];
  if (last?.kind === kind) segments[segments.length - 1] = { kind, text: last.text + text };
  else segments.push({ kind, text });
};

/**
 * How `after` differs from `before`, word by word (a longest common subsequence of their
 * tokens): the drafted text is `same` + `removed`, the edited text `same` + `added`.
 */
export const wordDiff = (before: string, after: string): Segment[] => {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  const a = tokensOf(before);
  const b = tokensOf(after);
  const segments: Segment[] = [];
  if (a.length * b.length > MAX_TOKENS * MAX_TOKENS || a.length > MAX_TOKENS) {
    push(segments, 'removed', before);
    push(segments, 'added', after);
    return segments;
  }
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      lengths[i][j] =
        a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(segments, 'same', a[i]);
      i += 1;
      j += 1;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
      push(segments, 'removed', a[i]);
      i += 1;
    } else {
      push(segments, 'added', b[j]);
      j += 1;
    }
  }
  for (; i < a.length; i += 1) push(segments, 'removed', a[i]);
  for (; j < b.length; j += 1) push(segments, 'added', b[j]);
  return tidy(segments);
};

/**
 * Reads as a person would: a lone space kept between two changes joins them, so that
 * "team meetings" → "design reviews" is one phrase removed and one added, not word by word.
 */
const tidy = (segments: readonly Segment[]): Segment[] => {
  const result: Segment[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    push(result, 'removed', removed);
    push(result, 'added', added);
    removed = '';
    added = '';
  };
  segments.forEach((segment, index) => {
    const inChange = removed !== '' || added !== '';
    const next = segments[index + 1];
    if (segment.kind === 'removed') removed += segment.text;
    else if (segment.kind === 'added') added += segment.text;
    else if (inChange && /^\s+$/.test(segment.text) && next && next.kind !== 'same') {
      removed += segment.text;
      added += segment.text;
    } else {
      flush();
      push(result, 'same', segment.text);
    }
  });
  flush();
  return result;
};

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

const targetText = (content: GoalContent) =>
  [content.target.competencyId, ...content.target.indicatorIds].join(' ');

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
      segments: wordDiff(was.text, text),
    };
  });
  for (const { key, text } of before)
    if (!after.some((item) => item.key === key))
      items.push({ key, status: 'removed', segments: [{ kind: 'removed', text }] });
  return items.some((item) => item.status !== 'same') ? { field, kind: 'list', items } : undefined;
};

const textChange = (field: ContentField, before: string, after: string): FieldChange | undefined =>
  before === after ? undefined : { field, kind: 'text', segments: wordDiff(before, after) };

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
