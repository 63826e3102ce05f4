import { GoalSubmitted } from '@talentloop/contracts';
import { adjustedFields, valuesBefore, withChanges } from './adjustment-changes';

const content = GoalSubmitted.example.goal;
const later = '2026-09-30';

describe('the changes of an adjustment, as the manager reads them', () => {
  it('name each changed field with the value before it and the one after', () => {
    // given a goal and an adjustment of its deadline
    const changes = { deadline: later };

    // when the values it replaces are taken from the goal before it
    const fields = adjustedFields(changes, valuesBefore(content, changes));

    // then the deadline reads from the old date to the new one
    expect(fields).toEqual([{ field: 'deadline', before: content.deadline, after: later }]);
  });

  it('leave the value before out where approval does not know it', () => {
    // given an adjustment approval saw no goal for, and one that also changes the actions
    const changes = { deadline: later, actions: content.actions };

    // then the deadline has no value before; nor do the actions, which approval does not follow
    expect(adjustedFields(changes, undefined)).toEqual([
      { field: 'deadline', after: later },
      { field: 'actions', after: content.actions },
    ]);
    expect(adjustedFields(changes, valuesBefore(content, changes))).toEqual([
      { field: 'deadline', before: content.deadline, after: later },
      { field: 'actions', after: content.actions },
    ]);
  });

  it('follow the goal through an adjustment and the refusal that sets it back', () => {
    // given the deadline adjusted, and then set back by a refusal
    const adjusted = withChanges(content, { deadline: later });
    const restored = withChanges(adjusted, { deadline: content.deadline });

    // then a later adjustment reads from the adjusted deadline, or from the restored one
    expect(valuesBefore(adjusted, { deadline: '2026-10-31' })).toEqual({ deadline: later });
    expect(valuesBefore(restored, { deadline: '2026-10-31' })).toEqual({
      deadline: content.deadline,
    });
  });
});
