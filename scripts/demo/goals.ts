// Reading and agreeing to goals, and finding their requests in approval: shared by the steps.
import type { Caller } from './http';
import { employee, manager } from './organisation';
import type { Goal, InboxItem } from './responses';
import { api, waitFor } from './run';

export const goalOf = (goalId: string, caller: Caller = employee) =>
  api.call<Goal>('planning', 'GET', `/goals/${goalId}`, caller);

/** The employee agrees to the goal as it stands, in her words: needed before each submission. */
export const agreeTo = (goalId: string, motivation: string) =>
  api.call('planning', 'POST', `/goals/${goalId}/agreement`, employee, {
    expect: 200,
    body: { motivation },
  });

/** A probe for `waitFor`: the goal once it has the status. */
export const goalInStatus =
  (goalId: string, status: string, caller: Caller = employee) =>
  async () => {
    const goal = await goalOf(goalId, caller);
    return goal.status === status ? goal : undefined;
  };

/** The manager's pending approval request of an adjustment, once approval opened it. */
export const adjustmentInInbox = (adjustmentId: string) =>
  waitFor('GoalAdjusted → request in the manager’s approval inbox', async () => {
    const inbox = await api.call<InboxItem[]>(
      'approval',
      'GET',
      '/approval-requests/inbox',
      manager,
    );
    return inbox.find((item) => item.adjustment?.adjustmentId === adjustmentId);
  });

export const describeChanges = (item: InboxItem) =>
  (item.adjustment?.changes ?? [])
    .map(
      ({ field, before, after }) => `${field} ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
    )
    .join('; ');
