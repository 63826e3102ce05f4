import { GoalDrafted } from '@talentloop/contracts';
import { changesSinceDraft } from './draft-changes';
import { applyChanges, contentOf } from './goal-content';

describe('what the employee changed in the draft', () => {
  describe('given a draft nobody edited', () => {
    it('shows no change', () => expect(changesSinceDraft(drafted, drafted)).toEqual([]));
  });

  describe('given edits to the draft', () => {
    it('shows each changed field with the drafted and the current value, in content order', () =>
      expect(
        changesSinceDraft(
          drafted,
          applyChanges(drafted, { situation: 'Client calls.', title: 'Listen first' }),
        ),
      ).toEqual([
        { field: 'title', drafted: drafted.title, current: 'Listen first' },
        { field: 'situation', drafted: drafted.situation, current: 'Client calls.' },
      ]));

    it('shows a list changed in one item as the whole list, drafted and current', () => {
      const actions = [{ ...drafted.actions[0], estimatedHours: 12 }];
      expect(changesSinceDraft(drafted, applyChanges(drafted, { actions }))).toEqual([
        { field: 'actions', drafted: drafted.actions, current: actions },
      ]);
    });

    it('does not count a field edited back to its drafted value', () =>
      expect(
        changesSinceDraft(
          drafted,
          applyChanges(applyChanges(drafted, { title: 'Other' }), { title: drafted.title }),
        ),
      ).toEqual([]));

    it('does not count the same value with its keys in another order', () =>
      expect(
        changesSinceDraft(
          drafted,
          applyChanges(drafted, {
            target: {
              indicatorIds: drafted.target.indicatorIds,
              competencyId: drafted.target.competencyId,
              kind: drafted.target.kind,
            },
          }),
        ),
      ).toEqual([]));
  });
});

const drafted = contentOf(GoalDrafted.example);
