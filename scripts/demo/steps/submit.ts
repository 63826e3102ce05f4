import { agreeTo } from '../goals';
import { line, step } from '../print';
import { employee, manager } from '../organisation';
import type { EventBody, InboxItem } from '../responses';
import { api, pause, waitFor } from '../run';

/** Why Chloe agrees to the goal, each time she submits it. */
export const motivation =
  'The team asked me to let them finish before I answer; I want them to feel heard.';

/**
 * Chloe agrees to the goal and submits it; returns the approval request it opened and the
 * submission's events (type and submission number).
 */
export const agreeAndSubmit = async (goalId: string) => {
  step('Chloe agrees to the goal and says why, then submits it for approval');
  await agreeTo(goalId, motivation);
  line(`GoalAgreed: "${motivation}"`);
  const submitted = await api.call<EventBody[]>(
    'planning',
    'POST',
    `/goals/${goalId}/submit`,
    employee,
    { expect: 200 },
  );
  line(
    `${submitted.map((event) => event.type).join(', ')}: submission ${String(submitted[0]?.data.submissionNumber)} to ${String(submitted[0]?.data.managerId)}`,
  );
  await pause('submitted');
  const inboxItem = await waitFor(
    'GoalSubmitted → request in the manager’s approval inbox',
    async () => {
      const inbox = await api.call<InboxItem[]>(
        'approval',
        'GET',
        '/approval-requests/inbox',
        manager,
      );
      return inbox.find((item) => item.goalId === goalId);
    },
  );
  const requestId = inboxItem.requestId;
  line(`approval request ${requestId} is pending with ${manager.userId}`);
  return {
    requestId,
    submission: submitted.map((event) => [event.type, event.data.submissionNumber]),
  };
};
