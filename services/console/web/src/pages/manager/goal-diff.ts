import {
  targetText,
  type Action,
  type Criterion,
  type GoalContent,
  type Milestone,
} from '../../lib/goal';

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
