import { changedFields, diffGoals, diffList, wordDiff } from './goal-diff';
import type { GoalContent } from './types';

const version1: GoalContent = {
  title: 'Listen first in design reviews',
  language: 'en',
  target: { kind: 'competency', competencyId: 'collaboration', indicatorIds: ['collab-listening'] },
  behaviour: 'Summarise what the speaker said before answering.',
  situation: 'In sprint planning and the weekly stand-up.',
  successCriteria: [
    {
      kind: 'measured',
      criterionId: 'crit-1',
      instrument: '360-round',
      metric: 'indicator-score',
      indicatorIds: ['collab-listening'],
      target: 56,
      description: 'Listening scores at least 56 in the next 360° round.',
    },
  ],
  actions: [
    {
      actionId: 'act-1',
      kind: 'on-the-job',
      description: 'Summarise before replying',
      frequency: 'every meeting',
      estimatedHours: 4,
    },
  ],
  milestones: [{ description: 'Review with the manager', dueOn: '2027-02-07' }],
  deadline: '2027-04-07',
};

describe('the previous version of a goal against the current one', () => {
  it('given two texts, when diffed word by word, then the removed and added words are marked and each side reads back', () => {
    // given
    const previous = 'In sprint planning and the weekly stand-up.';
    const current = 'In the Tuesday design review and sprint planning.';
    // when
    const segments = wordDiff(previous, current);
    // then
    const side = (kind: 'removed' | 'added') =>
      segments
        .filter((s) => s.kind === 'same' || s.kind === kind)
        .map((s) => s.text)
        .join('');
    expect(side('removed')).toBe(previous);
    expect(side('added')).toBe(current);
    expect(segments.filter((s) => s.kind === 'added').map((s) => s.text.trim())).toContain(
      'Tuesday',
    );
    expect(segments.filter((s) => s.kind === 'removed').map((s) => s.text)).toContain('stand-up.');
  });

  it('given the same text twice, when diffed, then it is one unchanged segment', () => {
    // given / when
    const segments = wordDiff('Same words', 'Same words');
    // then
    expect(segments).toEqual([{ kind: 'same', text: 'Same words' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

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
      successCriteria: [{ ...version1.successCriteria[0], target: 60 }],
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
