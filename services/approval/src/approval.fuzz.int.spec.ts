import { approvalRequestIdFor } from '@talentloop/approval-domain';
import { fuzzEndpoints, harnessFuzzTarget } from '@talentloop/testing';
import {
  ApprovalTestApp,
  employeeSynced,
  eventually,
  goalSubmitted,
  TENANT,
  type Caller,
} from '../testing/approval-test-app';

const employee: Caller = { userId: 'emp-1001', roles: 'employee' };
const manager: Caller = { userId: 'mgr-1', roles: 'manager' };
const hr: Caller = { userId: 'hr-1', roles: 'hr' };
const admin: Caller = { userId: 'admin-1', roles: 'admin' };

describe('the approval service, given invalid bodies, ids, query strings and headers', () => {
  let service: ApprovalTestApp;
  const goalId = 'goal-fuzz-1';
  const requestId = approvalRequestIdFor(TENANT, goalId);

  beforeAll(async () => {
    service = await ApprovalTestApp.start({ APPROVAL_OVERDUE_AFTER_DAYS: '5' });
    await service.publish(
      service.event('EmployeeSynced', employeeSynced(employee.userId, manager.userId)),
      service.event('GoalSubmitted', goalSubmitted(goalId, employee.userId, 1, manager.userId)),
    );
    await eventually(async () => {
      const response = await service.request('GET', `/approval-requests/${requestId}`, hr);
      expect(response.status).toBe(200);
    });
  });

  afterAll(() => service.stop());

  it('answers every route below 500, as problem details without internals, and writes no event', async () => {
    const report = await fuzzEndpoints(harnessFuzzTarget(service), {
      callers: [manager, hr, admin, employee],
      knownIds: { requestId: [requestId], goalId: [goalId] },
    });
    // Cases got past authentication into validation, not only refused at the door.
    expect(report.byStatus[422]).toBeGreaterThan(0);
  });
});
