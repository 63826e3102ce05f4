import { type Goal } from './types';

/** Whether the employee may still edit, agree to and submit the goal. */
export const revisable = (goal: Pick<Goal, 'status'>): boolean =>
  goal.status === 'draft' || goal.status === 'rejected' || goal.status === 'revised';

/** Whether the goal is over: evaluated or withdrawn, nothing more to do on it. */
export const closed = (goal: Pick<Goal, 'status'>): boolean =>
  goal.status === 'evaluated' || goal.status === 'withdrawn';
