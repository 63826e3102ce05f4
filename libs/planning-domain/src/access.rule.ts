import { NotAllowed } from './goal.errors';

export interface Caller {
  readonly userId: string;
}

/**
 * Who reaches a goal at all is the access policy's decision (ACCESS-MATRIX.md); within that
 * reach, nobody acknowledges or refuses an adjustment of their own goal, even with the HR
 * role: the decision is the other side's.
 */
export const requireNotOwnGoal = (
  caller: Caller,
  employeeId: string,
  decision: 'acknowledge' | 'refuse',
): void => {
  if (caller.userId === employeeId)
    throw new NotAllowed(`the employee cannot ${decision} their own adjustment`);
};
