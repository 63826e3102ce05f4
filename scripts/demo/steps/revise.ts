import { goalInStatus } from '../goals';
import { line, step } from '../print';
import { employee } from '../organisation';
import { api, waitFor } from '../run';

/** Chloe revises the rejected goal; returns its status. */
export const revise = async (goalId: string) => {
  step('Chloe revises');
  const revisedSituation =
    'In the Tuesday design review and the Thursday sprint planning; afterwards I ask one colleague for feedback.';
  await api.call('planning', 'PATCH', `/goals/${goalId}`, employee, {
    body: { situation: revisedSituation },
  });
  const revised = await waitFor('the goal is revised', goalInStatus(goalId, 'revised'));
  line(`situation → "${revised.content.situation}"`);
  return revised.status;
};
