import type { GoalContent } from '../../lib/goal';
import { listeningGoal } from '../../lib/goal.fixtures';
import { changesSinceDraft } from './draft-diff';

const drafted = listeningGoal;

describe('the drafted goal against the edited one', () => {
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
