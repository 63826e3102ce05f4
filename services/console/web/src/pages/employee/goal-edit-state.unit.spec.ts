import { listeningGoal } from '../../lib/goal.fixtures';
import { changesOf, editStateOf, formFieldOf, withAction, withCriterion } from './goal-edit-state';

describe('editing a goal’s texts', () => {
  it('given a goal left as it was, when its changes are asked, then there are none', () => {
    // given
    const edit = editStateOf(listeningGoal);
    // when / then
    expect(changesOf(listeningGoal, edit)).toEqual({});
  });

  it('given a new title and action frequency, when the changes are asked, then only those go, the action whole', () => {
    // given
    const edit = withAction(
      { ...editStateOf(listeningGoal), title: 'Listen first' },
      0,
      'frequency',
      'every review',
    );
    // when
    const changes = changesOf(listeningGoal, edit);
    // then
    expect(changes).toEqual({
      title: 'Listen first',
      actions: [{ ...listeningGoal.actions[0], frequency: 'every review' }],
    });
  });

  it('given a criterion described anew, when the changes are asked, then the criteria go with it', () => {
    // given
    const edit = withCriterion(editStateOf(listeningGoal), 0, 'Listening scores 60');
    // when
    const changes = changesOf(listeningGoal, edit);
    // then
    expect(changes).toEqual({
      successCriteria: [
        { ...listeningGoal.successCriteria[0], description: 'Listening scores 60' },
      ],
    });
  });

  it('given the API’s field names, when mapped to the form, then criteria and actions land on their fields', () => {
    // given
    const fields = ['successCriteria.0.description', 'actions.1.frequency', 'title'];
    // when
    const formFields = fields.map(formFieldOf);
    // then
    expect(formFields).toEqual(['criteria.0', 'actions.1.frequency', 'title']);
  });
});
