import type { Action, Criterion, GoalContent, Milestone } from './types';

/** A run of words the same in both texts, only in the previous one, or only in the current. */
export interface Segment {
  readonly kind: 'same' | 'removed' | 'added';
  readonly text: string;
}

/** Words and the spaces between them: joining the tokens gives the text back. */
const tokensOf = (text: string): string[] => text.match(/\s+|\S+/g) ?? [];

/** Longer texts are compared as a whole rather than word by word. */
const MAX_TOKENS = 1200;

const push = (segments: Segment[], kind: Segment['kind'], text: string) => {
  if (text === '') return;
  const last = segments[segments.length - 1];
  if (last?.kind === kind) segments[segments.length - 1] = { kind, text: last.text + text };
  else segments.push({ kind, text });
};

/**
 * How `current` differs from `previous`, word by word (a longest common subsequence of their
 * tokens): the previous text is the `same` and `removed` segments, the current `same` and `added`.
 */
export const wordDiff = (previous: string, current: string): Segment[] => {
  if (previous === current) return previous === '' ? [] : [{ kind: 'same', text: previous }];
  const a = tokensOf(previous);
  const b = tokensOf(current);
  const segments: Segment[] = [];
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) {
    push(segments, 'removed', previous);
    push(segments, 'added', current);
    return segments;
  }
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
  return segments;
};

/** The goal's fields in the order a reader meets them. */
export const goalFields = [
  'title',
  'target',
  'behaviour',
  'situation',
  'successCriteria',
  'actions',
  'milestones',
  'deadline',
] as const;
export type GoalField = (typeof goalFields)[number];

/** One item of a list field (criterion, action, milestone) in both versions. */
export interface ItemDiff<Item> {
  readonly key: string;
  readonly status: 'same' | 'changed' | 'added' | 'removed';
  readonly previous?: Item;
  readonly current?: Item;
}

export type FieldDiff =
  | {
      readonly field: 'title' | 'behaviour' | 'situation' | 'deadline' | 'target';
      readonly type: 'text';
      readonly changed: boolean;
      readonly previous: string;
      readonly current: string;
    }
  | {
      readonly field: 'successCriteria';
      readonly type: 'list';
      readonly changed: boolean;
      readonly items: readonly ItemDiff<Criterion>[];
    }
  | {
      readonly field: 'actions';
      readonly type: 'list';
      readonly changed: boolean;
      readonly items: readonly ItemDiff<Action>[];
    }
  | {
      readonly field: 'milestones';
      readonly type: 'list';
      readonly changed: boolean;
      readonly items: readonly ItemDiff<Milestone>[];
    };

/** A value's identity for comparison: the same content, whatever the order of its keys. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : inner,
  );

/**
 * The items of a list in both versions, matched on their key: in the current order, each
 * removed item after the current item that preceded it in the previous version.
 */
export const diffList = <Item>(
  previous: readonly Item[],
  current: readonly Item[],
  keyOf: (item: Item, index: number) => string,
): ItemDiff<Item>[] => {
  const before = new Map(previous.map((item, index) => [keyOf(item, index), item]));
  const now = new Set(current.map((item, index) => keyOf(item, index)));
  const result: ItemDiff<Item>[] = current.map((item, index) => {
    const key = keyOf(item, index);
    const old = before.get(key);
    if (old === undefined) return { key, status: 'added', current: item };
    return {
      key,
      status: canonical(old) === canonical(item) ? 'same' : 'changed',
      previous: old,
      current: item,
    };
  });
  previous.forEach((item, index) => {
    const key = keyOf(item, index);
    if (now.has(key)) return;
    const precedingKey = previous
      .slice(0, index)
      .map((other, at) => keyOf(other, at))
      .reverse()
      .find((candidate) => result.some((entry) => entry.key === candidate));
    const at = precedingKey === undefined ? 0 : result.findIndex((e) => e.key === precedingKey) + 1;
    result.splice(at, 0, { key, status: 'removed', previous: item });
  });
  return result;
};

const targetText = (goal: GoalContent): string =>
  [goal.target.competencyId, ...goal.target.indicatorIds].join(' ');

/**
 * Field by field, how the current version of a goal differs from the previous one: texts to
 * compare word by word, lists item by item (criteria and actions by id, milestones by place).
 */
export const diffGoals = (previous: GoalContent, current: GoalContent): FieldDiff[] =>
  goalFields.map((field): FieldDiff => {
    switch (field) {
      case 'successCriteria': {
        const items = diffList(
          previous.successCriteria,
          current.successCriteria,
          (c) => c.criterionId,
        );
        return { field, type: 'list', items, changed: items.some((i) => i.status !== 'same') };
      }
      case 'actions': {
        const items = diffList(previous.actions, current.actions, (a) => a.actionId);
        return { field, type: 'list', items, changed: items.some((i) => i.status !== 'same') };
      }
      case 'milestones': {
        const items = diffList(previous.milestones ?? [], current.milestones ?? [], (_m, index) =>
          String(index + 1),
        );
        return { field, type: 'list', items, changed: items.some((i) => i.status !== 'same') };
      }
      case 'target': {
        const [before, after] = [targetText(previous), targetText(current)];
        return { field, type: 'text', previous: before, current: after, changed: before !== after };
      }
      case 'title':
      case 'behaviour':
      case 'situation':
      case 'deadline': {
        const [before, after] = [previous[field], current[field]];
        return { field, type: 'text', previous: before, current: after, changed: before !== after };
      }
    }
  });

/** The fields that differ, in reading order (empty: the versions say the same). */
export const changedFields = (diff: readonly FieldDiff[]): GoalField[] =>
  diff.filter((entry) => entry.changed).map((entry) => entry.field);
