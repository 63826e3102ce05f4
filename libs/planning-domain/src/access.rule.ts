import { NotAllowed } from './goal.errors';

export interface Caller {
  readonly userId: string;
}

/**
 * Who reaches a goal at all is the access policy's decision (ACCESS-MATRIX.md); within that
 * reach, nobody takes the other side's part on their own goal, even with the HR role: an
 * acknowledgement is the other side's agreement, an early evaluation the other side's call.
 */
export const requireNotOwnGoal = (
  caller: Caller,
  employeeId: string,
  act = 'acknowledge their own adjustment',
): void => {
  if (caller.userId === employeeId) throw new NotAllowed(`the employee cannot ${act}`);
};
