import { text } from '@talentloop/i18n';
import { NotAllowed } from './goal.errors';

export interface Caller {
  readonly userId: string;
}

/**
 * Who reaches a goal at all is the access policy's decision (ACCESS-MATRIX.md); within that
 * reach, nobody takes the other side's part on their own goal, even with the HR role: an
 * early evaluation is asked for by the other side (an adjustment is agreed in approval).
 */
export const requireNotOwnGoal = (caller: Caller, employeeId: string, act: string): void => {
  if (caller.userId === employeeId) throw new NotAllowed(`the employee cannot ${act}`);
};

/** Closing a cycle is the other side's call too: nobody closes their own plan, even as HR. */
export const requireNotOwnPlan = (caller: Caller, employeeId: string): void => {
  if (caller.userId === employeeId) throw new NotAllowed(text('planning.ownPlan'));
};
