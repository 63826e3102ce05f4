import { readAccessMatrix, type MatrixCell } from '@talentloop/testing';
import { roles, type Role } from '../actor';
import {
  accessPolicy,
  decideAccess,
  isPublicEndpoint,
  needsManager,
  type AccessRule,
  type Caller,
  type Subject,
} from './access-policy';

const as = (role: Role, userId = 'u-1'): Caller => ({ userId, roles: [role] });

describe('decideAccess', () => {
  const goalRule: AccessRule = {
    subject: { of: 'goal', param: 'goalId' },
    reach: { employee: 'self', manager: 'reports', hr: 'tenant' },
  };

  describe('given an employee', () => {
    it('reaches their own goal', () =>
      expect(decideAccess(goalRule, as('employee'), ownedBy('u-1', 'm-1'))).toBe('allow'));
    it("is refused a colleague's goal", () =>
      expect(decideAccess(goalRule, as('employee'), ownedBy('u-2', 'm-1'))).toBe('forbidden'));
    it('learns that a goal unknown in their tenant is not found', () =>
      expect(decideAccess(goalRule, as('employee'), undefined)).toBe('not-found'));
  });

  describe('given a manager', () => {
    it("reaches a direct report's goal", () =>
      expect(decideAccess(goalRule, as('manager'), ownedBy('u-2', 'u-1'))).toBe('allow'));
    it("is refused the goal of someone else's report", () =>
      expect(decideAccess(goalRule, as('manager'), ownedBy('u-2', 'm-9'))).toBe('forbidden'));
    it('is refused a person whose manager the service does not know', () =>
      expect(decideAccess(goalRule, as('manager'), ownedBy('u-2', undefined))).toBe('forbidden'));
    it('is refused their own goal when the rule gives managers reports only', () =>
      expect(decideAccess(goalRule, as('manager'), ownedBy('u-1', 'm-1'))).toBe('forbidden'));
  });

  describe('given HR', () => {
    it("reaches anyone's goal in the tenant", () =>
      expect(decideAccess(goalRule, as('hr'), ownedBy('u-7', 'm-3'))).toBe('allow'));
  });

  describe('given a role the endpoint does not name', () => {
    it('is refused before existence is looked at, so it learns nothing', () =>
      expect(decideAccess(goalRule, as('integrator'), undefined)).toBe('forbidden'));
  });

  describe('given a caller holding several roles', () => {
    it('reaches what any of them reaches', () =>
      expect(
        decideAccess(
          goalRule,
          { userId: 'u-1', roles: ['employee', 'manager'] },
          ownedBy('u-2', 'u-1'),
        ),
      ).toBe('allow'));
  });

  describe('given a request whose body names no valid subject', () => {
    it('lets a role with any reach through to validation', () =>
      expect(decideAccess(goalRule, as('employee'), 'unnamed')).toBe('allow'));
    it('still refuses a role without reach', () =>
      expect(decideAccess(goalRule, as('admin'), 'unnamed')).toBe('forbidden'));
  });

  describe('given a tenant-wide endpoint', () => {
    const configuration: AccessRule = {
      subject: { of: 'tenant' },
      reach: { hr: 'tenant', admin: 'tenant' },
    };
    it('lets a tenant-wide role through', () =>
      expect(decideAccess(configuration, as('admin'), 'tenant')).toBe('allow'));
    it('refuses the others', () =>
      expect(decideAccess(configuration, as('employee'), 'tenant')).toBe('forbidden'));
  });
});

describe('needsManager', () => {
  const rule: AccessRule = {
    subject: { of: 'person', in: 'param', name: 'employeeId' },
    reach: { employee: 'self', manager: 'reports', hr: 'tenant' },
  };
  it('asks for the manager when a role reaches reports and the person is someone else', () =>
    expect(needsManager(rule, as('manager'), 'u-2')).toBe(true));
  it('does not for a caller about themself, nor for roles that do not reach reports', () => {
    expect(needsManager(rule, as('manager'), 'u-1')).toBe(false);
    expect(needsManager(rule, as('employee'), 'u-2')).toBe(false);
    expect(needsManager(rule, as('hr'), 'u-2')).toBe(false);
  });
});

/**
 * The written matrix derived from the policy: `own` is the caller themself (employee), a
 * direct report (manager) or a colleague (hr, admin, integrator); for a subject named by a
 * query parameter that defaults to the caller (the approval inbox), or a manager named in the
 * path (a manager's team), own is the caller's own.
 */
const derivedCell = (rule: AccessRule, role: Role): MatrixCell => {
  const caller = as(role, 'caller');
  const decide = (subject: Subject | 'tenant') => decideAccess(rule, caller, subject) === 'allow';
  const colleague: Subject = { employeeId: 'colleague', managerId: 'someone-else' };
  if (rule.subject.of === 'tenant')
    return { own: decide('tenant'), other: undefined, otherTenant: false };
  if (rule.subject.of === 'caller')
    return {
      own: decide({ employeeId: 'caller', managerId: undefined }),
      other: undefined,
      otherTenant: false,
    };
  const self: Subject = { employeeId: 'caller', managerId: 'someone-else' };
  const report: Subject = { employeeId: 'report', managerId: 'caller' };
  // A subject that names a manager (the inbox, a team) is the caller's own as a manager.
  const own =
    rule.subject.of === 'person' &&
    (rule.subject.in === 'query' || rule.subject.name === 'managerId')
      ? self
      : role === 'employee'
        ? self
        : role === 'manager'
          ? report
          : colleague;
  return { own: decide(own), other: decide(colleague), otherTenant: false };
};

describe('the written access matrix (ACCESS-MATRIX.md)', () => {
  const written = readAccessMatrix();

  it('names every endpoint of the policy, and no other', () =>
    expect([...written.keys()].sort()).toEqual(Object.keys(accessPolicy).sort()));

  it('states for every endpoint and role what the policy decides', () => {
    const differences: string[] = [];
    for (const [key, entry] of Object.entries(accessPolicy)) {
      const row = written.get(key as keyof typeof accessPolicy);
      if (row === undefined) continue;
      if (isPublicEndpoint(entry) !== row.public) differences.push(`${key}: public differs`);
      if (isPublicEndpoint(entry) || row.public) continue;
      for (const role of roles) {
        const derived = derivedCell(entry, role);
        if (JSON.stringify(derived) !== JSON.stringify(row.cells[role]))
          differences.push(
            `${key} × ${role}: written ${JSON.stringify(row.cells[role])}, policy ${JSON.stringify(derived)}`,
          );
      }
    }
    expect(differences).toEqual([]);
  });

  it('never lets a role reach another tenant', () => {
    const crossing = [...written.entries()].flatMap(([key, row]) =>
      row.public
        ? []
        : roles.filter((role) => row.cells[role].otherTenant).map((role) => `${key} × ${role}`),
    );
    expect(crossing).toEqual([]);
  });

  it('leaves health, metrics and the signed unsubscribe link as the only public endpoints', () =>
    expect([...written.entries()].filter(([, row]) => row.public).map(([key]) => key)).toEqual([
      'GET /health/live',
      'GET /health/ready',
      'GET /metrics',
      'GET /unsubscribe',
      'POST /unsubscribe',
    ]));
});

const ownedBy = (employeeId: string, managerId: string | null | undefined): Subject => ({
  employeeId,
  managerId,
});
