import { NotAllowed } from './goal.errors';

export interface Caller {
  readonly userId: string;
  readonly roles: readonly string[];
}

/** The employee owns their goals; HR may act for them. Until identity lands, user id = employee id. */
export const requireOwner = (caller: Caller, employeeId: string): void => {
  if (caller.userId !== employeeId && !caller.roles.includes('hr'))
    throw new NotAllowed('only the employee (or HR) can change their goals');
};

/** Only the employee's current manager (or HR as delegate) acknowledges an adjustment. */
export const requireManager = (
  caller: Caller,
  employeeId: string,
  managerId: string | null | undefined,
): void => {
  if (caller.userId === employeeId)
    throw new NotAllowed('the employee cannot acknowledge their own adjustment');
  if (caller.userId !== managerId && !caller.roles.includes('hr'))
    throw new NotAllowed("only the employee's current manager (or HR) can acknowledge");
};
