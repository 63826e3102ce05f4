import { goalInStatus } from '../goals';
import { line, step } from '../print';
import { employee, manager } from '../organisation';
import type { EventBody, Thread } from '../responses';
import { api, pause, waitFor } from '../run';

/**
 * The manager approves the resubmission on a fortnightly cadence and planning activates the
 * goal; returns the active goal, the approval thread and the decision.
 */
export const approve = async (goalId: string, requestId: string) => {
  step('Manager approves, with a fortnightly check-in cadence');
  const approved = await api.call<EventBody>(
    'approval',
    'POST',
    `/approval-requests/${requestId}/approve`,
    manager,
    {
      expect: 200,
      body: {
        checkInCadence: 'fortnightly',
        note: 'Agreed — let us look at it every other Monday.',
        submissionNumber: 2,
      },
    },
  );
  line(
    `${approved.type} by ${String(approved.data.decidedBy)} as ${String(approved.data.decidedAs)}, turnaround ${String(approved.data.turnaroundSeconds)} s`,
  );
  await pause('approved');
  const active = await waitFor(
    'GoalApproved → goal active in planning',
    goalInStatus(goalId, 'active'),
  );
  line(`goal active; next check-in due ${active.nextCheckInDueAt ?? '—'}`);
  // Approval's own view of its decision is eventually consistent too: planning may show the
  // goal active (through the bus) before approval's read side has applied its own event.
  const thread = await waitFor('GoalApproved → the decision in the approval thread', async () => {
    const current = await api.call<Thread>(
      'approval',
      'GET',
      `/approval-requests/${requestId}`,
      employee,
    );
    return current.status === 'approved' ? current : undefined;
  });
  line(`approval thread: ${thread.exchange.map((entry) => entry.event).join(' → ')}`);
  return { active, thread, decision: approved.type };
};
