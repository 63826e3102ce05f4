import { fuzzEndpoints, harnessFuzzTarget } from '@talentloop/testing';
import { AnalyticsTestApp, type Caller } from '../testing/analytics-test-app';

const employee: Caller = { userId: 'emp-1', roles: 'employee' };
const manager: Caller = { userId: 'mgr-1', roles: 'manager' };
const hr: Caller = { userId: 'hr-1', roles: 'hr' };
const admin: Caller = { userId: 'admin-1', roles: 'admin' };
const integrator: Caller = { userId: 'integrator-1', roles: 'integrator' };

describe('the analytics service, given invalid ids, query strings and headers', () => {
  let service: AnalyticsTestApp;

  beforeAll(async () => {
    service = await AnalyticsTestApp.start();
    for (const employeeId of [employee.userId, 'emp-2'])
      await service.record('EmployeeSynced', {
        employeeId,
        externalId: `hris-${employeeId}`,
        managerId: manager.userId,
      });
    await service.caughtUp();
  });

  afterAll(() => service.stop());

  it('answers every route below 500, as problem details without internals, and writes no event', async () => {
    const report = await fuzzEndpoints(harnessFuzzTarget(service), {
      callers: [hr, admin, integrator, manager, employee],
      knownIds: { employeeId: [employee.userId, 'emp-2'] },
    });
    // Cases got past authentication into validation, not only refused at the door.
    expect(report.byStatus[422]).toBeGreaterThan(0);
  });
});
