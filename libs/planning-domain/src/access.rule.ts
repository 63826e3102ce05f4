import { NotAllowed } from './goal.errors';

export interface Caller {
  readonly userId: string;
}

/**
 * Who reaches a goal at all is the access policy's decision (ACCESS-MATRIX.md); within that
 * reach, nobody acknowledges an adjustment of their own goal, even with the HR role: the
 * acknowledgement is the other side's agreement.
 */
export const requireNotOwnGoal = (caller: Caller, employeeId: string): void => {
  if (caller.userId === employeeId)
    throw new NotAllowed('the employee cannot acknowledge their own adjustment');
};

/** Closing a cycle is the other side's call too: nobody closes their own plan, even as HR. */
export const requireNotOwnPlan = (caller: Caller, employeeId: string): void => {
  if (caller.userId === employeeId)
    throw new NotAllowed('the employee cannot close their own plan');
};
