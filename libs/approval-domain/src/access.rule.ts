import { NotAllowedToDecide } from './approval-request.errors';
import { text } from '@talentloop/i18n';

/** Who is acting, as the domain needs to know it: the user and whether HR acts for them. */
export interface Caller {
  readonly userId: string;
  readonly roles: readonly string[];
}

/** The parties of a request: whose goal it is and who decides on it now. */
export interface RequestParties {
  readonly employeeId: string;
  readonly managerId: string;
}

export type DecidedAs = 'manager' | 'hr-delegate';

const isHr = (caller: Caller): boolean => caller.roles.includes('hr');

/**
 * Only the employee's current manager decides, or HR as delegate (recorded as such, so
 * analytics can tell delegated decisions apart). The employee never decides on their own
 * goal, even with the HR role; a former manager lost access when the request moved.
 */
export const decidingRole = (parties: RequestParties, caller: Caller): DecidedAs => {
  if (caller.userId === parties.employeeId)
    throw new NotAllowedToDecide(text('approval.ownGoal'), {
      employeeId: parties.employeeId,
    });
  if (caller.userId === parties.managerId) return 'manager';
  if (isHr(caller)) return 'hr-delegate';
  throw new NotAllowedToDecide(text('approval.onlyManagerOrHr', { managerId: parties.managerId }), {
    managerId: parties.managerId,
  });
};
