import { goalOf } from '../goals';
import { line, step } from '../print';
import { employee } from '../organisation';
import { api, waitFor } from '../run';

/** Chloe edits her draft; returns the goal's status after the edit. */
export const editDraft = async (goalId: string) => {
  step('Chloe edits the draft (she owns it)');
  const situation =
    'In sprint planning, design reviews and the weekly stand-up with the platform team.';
  await api.call('planning', 'PATCH', `/goals/${goalId}`, employee, {
    body: { title: 'Listen first and give useful feedback in design reviews', situation },
  });
  const edited = await waitFor('the edit is readable', async () => {
    const goal = await goalOf(goalId);
    return goal.content.situation === situation ? goal : undefined;
  });
  line(`title → "${edited.content.title}"`);
  line(`situation → "${edited.content.situation}"`);
  return edited.status;
};
