import { changesSinceDraft, wordDiff } from './draft-diff';
import type { GoalContent } from './types';

const drafted: GoalContent = {
  title: 'Listen actively in meetings',
  language: 'en',
  target: { kind: 'competency', competencyId: 'collaboration', indicatorIds: ['collab-listening'] },
  behaviour: 'Summarise what the speaker said before answering.',
  situation: 'In team meetings.',
  successCriteria: [
    {
      kind: 'measured',
      criterionId: 'crit-1',
      instrument: '360-round',
      metric: 'indicator-score',
      indicatorIds: ['collab-listening'],
      target: 60,
      description: 'Listening scores 60 in the next 360° round',
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
  milestones: [],
  deadline: '2027-03-01',
};

describe('the drafted goal against the edited one', () => {
  it('given two texts, when diffed word by word, then the drafted words removed and the new ones added are marked', () => {
    // given
    const before = 'Listen actively in meetings';
    const after = 'Listen first in design reviews';
    // when
    const segments = wordDiff(before, after);
    // then
    expect(segments).toEqual([
      { kind: 'same', text: 'Listen ' },
      { kind: 'removed', text: 'actively' },
      { kind: 'added', text: 'first' },
      { kind: 'same', text: ' in ' },
      { kind: 'removed', text: 'meetings' },
      { kind: 'added', text: 'design reviews' },
    ]);
    expect(
      segments
        .filter((s) => s.kind !== 'added')
        .map((s) => s.text)
        .join(''),
    ).toBe(before);
    expect(
      segments
        .filter((s) => s.kind !== 'removed')
        .map((s) => s.text)
        .join(''),
    ).toBe(after);
  });

  it('given the same text, when diffed, then it is one unchanged segment', () => {
    expect(wordDiff('same words', 'same words')).toEqual([{ kind: 'same', text: 'same words' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('given a goal as drafted, when nothing was edited, then no changes are listed', () => {
    expect(changesSinceDraft(drafted, drafted)).toEqual([]);
  });

  it('given an edited title and situation, when compared with the draft, then only those fields are listed in reading order', () => {
    // given
    const current = { ...drafted, situation: 'In design reviews.', title: 'Listen first' };
    // when
    const changes = changesSinceDraft(drafted, current);
    // then
    expect(changes.map((change) => change.field)).toEqual(['title', 'situation']);
    expect(changes[1]).toEqual({
      field: 'situation',
      kind: 'text',
      segments: [
        { kind: 'same', text: 'In ' },
        { kind: 'removed', text: 'team meetings.' },
        { kind: 'added', text: 'design reviews.' },
      ],
    });
  });

  it('given an action changed and one added, when compared, then each item says how it changed', () => {
    // given
    const current: GoalContent = {
      ...drafted,
      actions: [
        { ...drafted.actions[0], frequency: 'every review' },
        { ...drafted.actions[0], actionId: 'act-2', description: 'Ask for feedback' },
      ],
    };
    // when
    const [change] = changesSinceDraft(drafted, current);
    // then
    expect(change?.field).toBe('actions');
    expect(change?.kind === 'list' && change.items.map((item) => [item.key, item.status])).toEqual([
      ['act-1', 'changed'],
      ['act-2', 'added'],
    ]);
  });

  it('given a criterion removed, when compared, then it is listed as removed with its drafted text', () => {
    const current: GoalContent = { ...drafted, successCriteria: [] };
    const [change] = changesSinceDraft(drafted, current);
    expect(change).toEqual({
      field: 'successCriteria',
      kind: 'list',
      items: [
        {
          key: 'crit-1',
          status: 'removed',
          segments: [
            { kind: 'removed', text: 'Listening scores 60 in the next 360° round (≥ 60)' },
          ],
        },
      ],
    });
  });
});
