import { assertMayRead } from './access.rule';
import { NotAllowedToRead } from './approval-request.errors';

describe('reading an approval thread', () => {
  const parties = { employeeId: 'emp-1001', managerId: 'emp-0007' };

  it.each([
    ['the employee', { userId: 'emp-1001', roles: ['employee'] }],
    ['the current manager', { userId: 'emp-0007', roles: ['manager'] }],
    ['HR', { userId: 'hr-17', roles: ['hr'] }],
  ])('is allowed to %s', (_who, caller) =>
    expect(() => assertMayRead(parties, caller)).not.toThrow(),
  );

  it('is refused to another manager', () =>
    expect(() => assertMayRead(parties, { userId: 'emp-0099', roles: ['manager'] })).toThrow(
      NotAllowedToRead,
    ));
});
