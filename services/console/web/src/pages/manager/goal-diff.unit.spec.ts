import type { GoalContent } from '../../lib/goal';
import { listeningGoal } from '../../lib/goal.fixtures';
import { changedFields, diffGoals, diffList } from './goal-diff';

const version1 = listeningGoal;

describe('the previous version of a goal against the current one', () => {
  it('given a resubmission that changed the situation only, when the versions are compared, then only the situation is changed', () => {
    // given
    const version2 = { ...version1, situation: 'In the Tuesday design review.' };
    // when
    const diff = diffGoals(version1, version2);
    // then
    expect(changedFields(diff)).toEqual(['situation']);
    const situation = diff.find((entry) => entry.field === 'situation');
    expect(situation).toMatchObject({
      type: 'text',
      previous: version1.situation,
      current: 'In the Tuesday design review.',
    });
  });

  it('given an action added, a criterion changed and the deadline moved, when compared, then each shows in reading order', () => {
    // given
    const version2: GoalContent = {
      ...version1,
      successCriteria: [{ ...version1.successCriteria[0], target: 64 }],
      actions: [
        ...version1.actions,
        {
          actionId: 'act-2',
          kind: 'learning-from-others',
          description: 'Ask a colleague for feedback',
          frequency: 'once a month',
          estimatedHours: 2,
        },
      ],
      deadline: '2027-05-07',
    };
    // when
    const diff = diffGoals(version1, version2);
    // then
    expect(changedFields(diff)).toEqual(['successCriteria', 'actions', 'deadline']);
    const actions = diff.find((entry) => entry.field === 'actions');
    expect(actions?.type === 'list' && actions.items.map((item) => item.status)).toEqual([
      'same',
      'added',
    ]);
    const criteria = diff.find((entry) => entry.field === 'successCriteria');
    expect(criteria?.type === 'list' && criteria.items[0]?.status).toBe('changed');
  });

  it('given an item removed from the middle of a list, when diffed, then it stays where it was, marked removed', () => {
    // given
    const previous = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const current = [{ id: 'a' }, { id: 'c' }];
    // when
    const items = diffList(previous, current, (item) => item.id);
    // then
    expect(items.map((item) => [item.key, item.status])).toEqual([
      ['a', 'same'],
      ['b', 'removed'],
      ['c', 'same'],
    ]);
  });

  it('given the same content with its keys in another order, when compared, then nothing changed', () => {
    // given
    const [criterion] = version1.successCriteria;
    const reordered = Object.fromEntries(Object.entries(criterion).reverse()) as typeof criterion;
    // when
    const diff = diffGoals(version1, { ...version1, successCriteria: [reordered] });
    // then
    expect(changedFields(diff)).toEqual([]);
  });
});
