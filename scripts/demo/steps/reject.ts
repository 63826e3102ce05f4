import { goalInStatus } from '../goals';
import { line, step } from '../print';
import { manager } from '../organisation';
import type { EventBody } from '../responses';
import { api, waitFor } from '../run';

/** The manager rejects the submission with feedback; returns the decision and the goal's status. */
export const rejectWithFeedback = async (goalId: string, requestId: string) => {
  step('Manager rejects, with feedback');
  const feedback =
    'Good focus. Name the meetings where you will practise listening, and add how you will ask for feedback afterwards.';
  const rejected = await api.call<EventBody>(
    'approval',
    'POST',
    `/approval-requests/${requestId}/reject`,
    manager,
    {
      expect: 200,
      body: { feedback, submissionNumber: 1 },
    },
  );
  line(`${rejected.type} after ${String(rejected.data.turnaroundSeconds)} s: "${feedback}"`);
  // Revisable once its own stream records the rejection; the feedback comes with approval's event.
  const rejectedGoal = await waitFor('GoalRejected → goal revisable in planning', async () => {
    const goal = await goalInStatus(goalId, 'rejected')();
    return goal?.rejection ? goal : undefined;
  });
  line(
    `goal status ${rejectedGoal.status}; feedback kept: "${rejectedGoal.rejection?.feedback ?? '—'}"`,
  );
  return { decision: rejected.type, status: rejectedGoal.status };
};
