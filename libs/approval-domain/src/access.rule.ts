import { NotAllowedToDecide } from './approval-request.errors';
import { text } from '@talentloop/i18n';

/** Who is acting, as the domain needs to know it: the user and whether HR acts for them. */
export interface Caller {
  readonly userId: string;
  readonly roles: readonly string[];
}

/** The parties of a request: whose goal it is and who decides on it now (null: HR only). */
export interface RequestParties {
  readonly employeeId: string;
  readonly managerId: string | null;
}

export type DecidedAs = 'manager' | 'hr-delegate';
export type AddressedTo = 'manager' | 'hr-delegate';

/**
 * Whom a request waits on: the employee's manager, or HR as delegate when the reporting line
 * names none, so an employee without a manager is never left without someone to decide.
 */
export const addressedToFor = (managerId: string | null): AddressedTo =>
  managerId === null ? 'hr-delegate' : 'manager';

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
  if (parties.managerId === null)
    throw new NotAllowedToDecide(text('approval.noManagerHrDecides'), { managerId: null });
  throw new NotAllowedToDecide(text('approval.onlyManagerOrHr', { managerId: parties.managerId }), {
    managerId: parties.managerId,
  });
};
