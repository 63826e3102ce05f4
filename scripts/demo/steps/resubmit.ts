import { agreeTo } from '../goals';
import { line, step } from '../print';
import { employee, manager } from '../organisation';
import type { EventBody, Thread } from '../responses';
import { api, waitFor } from '../run';
import { motivation } from './submit';

/**
 * Chloe agrees to the revised goal and submits it again, and approval reopens the request;
 * returns the submission's events (type and submission number).
 */
export const resubmit = async (goalId: string, requestId: string) => {
  step('Resubmit (the revision asks for her agreement again)');
  await agreeTo(goalId, motivation);
  line('GoalAgreed to the revised goal');
  const resubmitted = await api.call<EventBody[]>(
    'planning',
    'POST',
    `/goals/${goalId}/submit`,
    employee,
    { expect: 200 },
  );
  line(
    `${resubmitted.map((event) => event.type).join(', ')}: submission ${String(resubmitted[0]?.data.submissionNumber)}`,
  );
  await waitFor('GoalSubmitted → request reopened in approval', async () => {
    const thread = await api.call<Thread>(
      'approval',
      'GET',
      `/approval-requests/${requestId}`,
      manager,
    );
    return thread.status === 'pending' && thread.submissionNumber === 2 ? thread : undefined;
  });
  return resubmitted.map((event) => [event.type, event.data.submissionNumber]);
};
