import { approvalRequestIdFor } from '@talentloop/approval-domain';
import {
  ApprovalTestApp,
  employeeSynced,
  eventually,
  goalSubmitted,
  TENANT,
  type Caller,
} from '../testing/approval-test-app';

const manager: Caller = { userId: 'mgr-1' };
const employee: Caller = { userId: 'emp-1001', roles: 'employee' };

interface Problem {
  readonly code: string;
  readonly detail: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
}

describe('approval in Dutch', () => {
  let service: ApprovalTestApp;
  let requestId: string;

  beforeAll(async () => {
    service = await ApprovalTestApp.start();
    await service.publish(
      service.event('EmployeeSynced', employeeSynced('emp-1001', 'mgr-1')),
      service.event('GoalSubmitted', goalSubmitted('goal-nl-1', 'emp-1001', 1, 'mgr-1')),
    );
    requestId = approvalRequestIdFor(TENANT, 'goal-nl-1');
    await eventually(async () =>
      expect(
        (await service.request('GET', `/approval-requests/${requestId}`, manager)).status,
      ).toBe(200),
    );
  });

  afterAll(() => service.stop());

  const inDutch = async (caller: Caller, decision: 'approve' | 'reject', body: unknown) => {
    const response = await service.requestWithHeaders(
      'POST',
      `/approval-requests/${requestId}/${decision}`,
      { authorization: `Bearer ${await service.token(caller)}`, 'accept-language': 'nl' },
      body,
    );
    return { status: response.status, body: (await response.json()) as Problem };
  };

  it('refuses placeholder feedback in Dutch, the code unchanged', async () => {
    const refused = await inDutch(manager, 'reject', { feedback: 'rejected' });
    expect(refused).toEqual({
      status: 422,
      body: expect.objectContaining({
        code: 'FEEDBACK_TOO_VAGUE',
        detail: 'de feedback is leeg of een opvuller; zeg wat de medewerker moet veranderen',
      }) as Problem,
    });
  });

  it('says in Dutch who may decide, and that nobody decides on their own goal', async () => {
    const asEmployee = await inDutch(employee, 'approve', { checkInCadence: 'weekly' });
    expect(asEmployee.status).toBe(403);
    expect(asEmployee.body.detail).toBe(
      'dit is voor manager (voor hun directe medewerkers), hr (voor iedereen in de organisatie)',
    );
    const ownGoal = await inDutch({ ...employee, roles: 'hr' }, 'approve', {
      checkInCadence: 'weekly',
    });
    expect(ownGoal.status).toBe(403);
    expect(ownGoal.body.detail).toBe('een medewerker kan niet besluiten over een eigen doel');
  });

  it('names every bad field of a decision in Dutch', async () => {
    const refused = await inDutch(manager, 'approve', { checkInCadence: 'daily', note: 7 });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      {
        field: 'checkInCadence',
        message: expect.stringMatching(
          /^checkInCadence moet een van deze waarden zijn: /,
        ) as string,
      },
      { field: 'note', message: 'note mag hooguit 2000 tekens lang zijn' },
      { field: 'note', message: 'note moet tekst zijn' },
    ]);
  });
});
