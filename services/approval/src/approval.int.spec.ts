import { approvalRequestIdFor } from '@talentloop/approval-domain';
import { approvalRequestStream } from './approval-request.stream';
import {
  ApprovalTestApp,
  employeeSynced,
  eventually,
  goalSubmitted,
  TENANT,
  type Caller,
} from '../testing/approval-test-app';

const employee: Caller = { userId: 'emp-1001', roles: 'employee' };
const manager: Caller = { userId: 'mgr-1' };
const newManager: Caller = { userId: 'mgr-2' };
const otherManager: Caller = { userId: 'mgr-9' };
const hr: Caller = { userId: 'hr-1', roles: 'hr' };
const feedback = 'Name the meetings where you will practise, and make the target 60.';

interface Thread {
  status: string;
  managerId: string | null;
  addressedTo: string;
  submissionNumber: number;
  exchange: { event: string; feedback?: string }[];
  versions: { submissionNumber: number }[];
}

describe('the approval service over HTTP', () => {
  let service: ApprovalTestApp;
  let goalCounter = 0;

  beforeAll(async () => {
    service = await ApprovalTestApp.start({ APPROVAL_OVERDUE_AFTER_DAYS: '5' });
    await service.publish(service.event('EmployeeSynced', employeeSynced('emp-1001', 'mgr-1')));
  });

  afterAll(() => service.stop());

  const thread = async (requestId: string, caller: Caller = hr) => {
    const response = await service.request('GET', `/approval-requests/${requestId}`, caller);
    return { status: response.status, body: (await response.json()) as Thread };
  };

  /** Submits a new goal and waits until its request is open. */
  const submitGoal = async (submissionNumber = 1, goalId = `goal-${++goalCounter}`) => {
    await service.publish(
      service.event('GoalSubmitted', goalSubmitted(goalId, 'emp-1001', submissionNumber, 'mgr-1')),
    );
    const requestId = approvalRequestIdFor(TENANT, goalId);
    await eventually(async () => {
      const { body } = await thread(requestId);
      expect(body).toMatchObject({ status: 'pending', submissionNumber });
    });
    return { goalId, requestId };
  };

  const changeManager = (
    previousManagerId: string | null,
    newManagerId: string | null,
    employeeId = 'emp-1001',
  ) =>
    service.publish(
      service.event('ReportingLineChanged', {
        employeeId,
        previousManagerId,
        newManagerId,
        effectiveAt: service.clock.now().toISOString(),
      }),
    );

  const decide = (
    requestId: string,
    caller: Caller,
    decision: 'approve' | 'reject',
    body: unknown,
  ) => service.request('POST', `/approval-requests/${requestId}/${decision}`, caller, body);

  it('opens a request for a submitted goal and lets the manager approve it', async () => {
    const { requestId } = await submitGoal();
    service.clock.advanceDays(1);

    const response = await decide(requestId, manager, 'approve', {
      checkInCadence: 'fortnightly',
      note: 'Good focus on the kick-offs.',
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      type: 'GoalApproved',
      data: { decidedBy: 'mgr-1', decidedAs: 'manager', turnaroundSeconds: 86_400 },
    });
    expect(await service.eventTypesOf(requestId)).toEqual(['ApprovalRequested', 'GoalApproved']);
  });

  it("continues the submission's trace: the approval request is opened in the same trace", async () => {
    const traceId = 'a3ce929d0e0e47364bf92f3577b34da6';
    const submitted = service.event(
      'GoalSubmitted',
      goalSubmitted(`goal-${++goalCounter}`, 'emp-1001', 1, 'mgr-1'),
    );
    await service.publish({
      ...submitted,
      metadata: { ...submitted.metadata, traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    const requestId = approvalRequestIdFor(TENANT, (submitted.data as { goalId: string }).goalId);
    await eventually(async () => {
      const [opened] = await service.store.readStream(approvalRequestStream(TENANT, requestId));
      expect(opened?.type).toBe('ApprovalRequested');
      expect(opened?.metadata.traceparent).toMatch(new RegExp(`^00-${traceId}-[\\da-f]{16}-01$`));
    });
  });

  it('runs reject → revise → resubmit → approve on one thread that all parties can read', async () => {
    const { goalId, requestId } = await submitGoal();

    const vague = await decide(requestId, manager, 'reject', { feedback: 'rejected' });
    expect(vague.status).toBe(422);
    expect(await vague.json()).toMatchObject({ code: 'FEEDBACK_TOO_VAGUE' });

    expect((await decide(requestId, manager, 'reject', { feedback })).status).toBe(200);
    await submitGoal(2, goalId);
    expect(
      (
        await decide(requestId, manager, 'approve', {
          checkInCadence: 'weekly',
          submissionNumber: 2,
        })
      ).status,
    ).toBe(200);

    await eventually(async () => {
      for (const reader of [employee, manager, hr]) {
        const { status, body } = await thread(requestId, reader);
        expect(status).toBe(200);
        expect(body.status).toBe('approved');
        expect(body.exchange.map((step) => step.event)).toEqual([
          'ApprovalRequested',
          'GoalRejected',
          'ApprovalRequested',
          'GoalApproved',
        ]);
        expect(body.exchange[1].feedback).toBe(feedback);
        expect(body.versions.map((version) => version.submissionNumber)).toEqual([1, 2]);
      }
    });
    expect((await thread(requestId, otherManager)).status).toBe(403);
  });

  it('refuses the employee, another manager and another tenant, writing nothing', async () => {
    const { requestId } = await submitGoal();
    const approve = { checkInCadence: 'monthly' };

    const refusals = await Promise.all([
      decide(requestId, employee, 'approve', approve),
      decide(requestId, otherManager, 'approve', approve),
      decide(requestId, { ...manager, tenantId: 'globex' }, 'approve', approve),
    ]);

    // The access guard refuses before the domain is asked; another tenant's request is unknown.
    expect(refusals.map((response) => response.status)).toEqual([403, 403, 404]);
    const bodies = (await Promise.all(refusals.map((r) => r.json()))) as { detail: string }[];
    expect(bodies.map((body) => body.detail)).toEqual([
      'this is for manager (their direct reports), hr (anyone in the tenant)',
      'this is for manager (their direct reports), hr (anyone in the tenant)',
      'no such resource in your tenant',
    ]);
    expect(await service.eventTypesOf(requestId)).toEqual(['ApprovalRequested']);
  });

  it('lets HR decide as delegate, recorded as such', async () => {
    const { requestId } = await submitGoal();
    const response = await decide(requestId, hr, 'approve', { checkInCadence: 'monthly' });
    expect(await response.json()).toMatchObject({
      data: { decidedBy: 'hr-1', decidedAs: 'hr-delegate' },
    });
  });

  it('moves an open request to the new manager when the reporting line changes', async () => {
    const { requestId } = await submitGoal();

    await changeManager('mgr-1', 'mgr-2');
    await eventually(async () => expect((await thread(requestId)).body.managerId).toBe('mgr-2'));

    const oldInbox = await service.request('GET', '/approval-requests/inbox', manager);
    const newInbox = await service.request('GET', '/approval-requests/inbox', newManager);
    expect((await oldInbox.json()) as unknown[]).not.toContainEqual(
      expect.objectContaining({ requestId }),
    );
    expect((await newInbox.json()) as unknown[]).toContainEqual(
      expect.objectContaining({ requestId }),
    );
    expect((await decide(requestId, manager, 'approve', { checkInCadence: 'weekly' })).status).toBe(
      403,
    );
    expect(
      (await decide(requestId, newManager, 'approve', { checkInCadence: 'weekly' })).status,
    ).toBe(200);
    expect(await service.eventTypesOf(requestId)).toEqual([
      'ApprovalRequested',
      'ApprovalReassigned',
      'GoalApproved',
    ]);
    // Later goals of this employee go to the new manager straight away.
    await changeManager('mgr-2', 'mgr-1');
  });

  describe('an employee without a manager', () => {
    const orphan = 'emp-2002';
    const delegatedInbox = async (caller: Caller = hr) =>
      (await service.request('GET', '/approval-requests/inbox/delegated', caller)).json();
    const lineOfOrphan = (previousManagerId: string | null, newManagerId: string | null) =>
      changeManager(previousManagerId, newManagerId, orphan);
    const submitOrphanGoal = async (goalId: string) => {
      // Planning knows no manager either: the submission names none.
      await service.publish(service.event('GoalSubmitted', goalSubmitted(goalId, orphan, 1)));
      const requestId = approvalRequestIdFor(TENANT, goalId);
      await eventually(async () => expect((await thread(requestId)).status).toBe(200));
      return requestId;
    };

    beforeAll(() => service.publish(service.event('EmployeeSynced', employeeSynced(orphan, null))));

    it('addresses the request to HR as delegate, in HR’s delegated inbox, until a manager is named', async () => {
      const requestId = await submitOrphanGoal('goal-orphan-1');

      expect((await thread(requestId)).body).toMatchObject({
        status: 'pending',
        managerId: null,
        addressedTo: 'hr-delegate',
        exchange: [{ event: 'ApprovalRequested', addressedTo: 'hr-delegate' }],
      });
      expect(await delegatedInbox()).toEqual([
        expect.objectContaining({ requestId, employeeId: orphan, addressedTo: 'hr-delegate' }),
      ]);
      const asManager = await service.request('GET', '/approval-requests/inbox/delegated', manager);
      expect(asManager.status).toBe(403);
      expect(
        (await decide(requestId, manager, 'approve', { checkInCadence: 'weekly' })).status,
      ).toBe(403);

      await lineOfOrphan(null, 'mgr-2');
      await eventually(async () =>
        expect((await thread(requestId)).body).toMatchObject({
          managerId: 'mgr-2',
          addressedTo: 'manager',
        }),
      );
      expect(await delegatedInbox()).toEqual([]);
      const inbox = await service.request('GET', '/approval-requests/inbox', newManager);
      expect(await inbox.json()).toContainEqual(expect.objectContaining({ requestId }));
      expect(
        (await decide(requestId, newManager, 'approve', { checkInCadence: 'weekly' })).status,
      ).toBe(200);
      expect(await service.eventTypesOf(requestId)).toEqual([
        'ApprovalRequested',
        'ApprovalReassigned',
        'GoalApproved',
      ]);
    });

    it('moves an open request to HR when the HRIS removes the manager', async () => {
      const requestId = await submitOrphanGoal('goal-orphan-2');
      expect((await thread(requestId)).body.managerId).toBe('mgr-2');

      await lineOfOrphan('mgr-2', null);
      await eventually(async () =>
        expect((await thread(requestId)).body).toMatchObject({
          managerId: null,
          addressedTo: 'hr-delegate',
        }),
      );
      expect(await delegatedInbox()).toEqual([expect.objectContaining({ requestId })]);
      expect(
        (await decide(requestId, newManager, 'approve', { checkInCadence: 'weekly' })).status,
      ).toBe(403);
      const decided = await decide(requestId, hr, 'approve', { checkInCadence: 'weekly' });
      expect(await decided.json()).toMatchObject({ data: { decidedAs: 'hr-delegate' } });
    });
  });

  it('lets exactly one of two simultaneous decisions win; the other gets 409', async () => {
    const { requestId } = await submitGoal();

    const responses = await Promise.all([
      decide(requestId, manager, 'approve', { checkInCadence: 'weekly' }),
      decide(requestId, manager, 'reject', { feedback }),
    ]);

    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    const types = await service.eventTypesOf(requestId);
    expect(types).toHaveLength(2);
    expect(types[0]).toBe('ApprovalRequested');
  });

  it('answers a second decision on a decided request with 409 and the request status, writing nothing', async () => {
    const { requestId } = await submitGoal();
    expect((await decide(requestId, manager, 'approve', { checkInCadence: 'weekly' })).status).toBe(
      200,
    );

    // The double click: the same decision again, then the other one.
    for (const [decision, body] of [
      ['approve', { checkInCadence: 'weekly' }],
      ['reject', { feedback }],
    ] as const) {
      const response = await decide(requestId, manager, decision, body);
      expect(response.status).toBe(409);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({
        status: 409,
        code: 'APPROVAL_NOT_PENDING',
        requestStatus: 'approved',
      });
    }
    expect(await service.eventTypesOf(requestId)).toEqual(['ApprovalRequested', 'GoalApproved']);
  });

  it('closes the request of a goal withdrawn while it awaits a decision', async () => {
    const { goalId, requestId } = await submitGoal();
    const inbox = async () =>
      (await (await service.request('GET', '/approval-requests/inbox', manager)).json()) as {
        goalId: string;
      }[];
    expect((await inbox()).map((item) => item.goalId)).toContain(goalId);

    const withdrawn = service.event('GoalWithdrawn', {
      goalId,
      employeeId: 'emp-1001',
      reason: 'Folded into another goal.',
      withdrawnBy: 'emp-1001',
    });
    await service.publish(withdrawn, withdrawn);
    await eventually(async () => expect((await thread(requestId)).body.status).toBe('withdrawn'));
    expect((await inbox()).map((item) => item.goalId)).not.toContain(goalId);
    const late = await decide(requestId, manager, 'approve', { checkInCadence: 'weekly' });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({
      code: 'APPROVAL_NOT_PENDING',
      requestStatus: 'withdrawn',
    });
    expect(await service.eventTypesOf(requestId)).toEqual([
      'ApprovalRequested',
      'ApprovalWithdrawn',
    ]);
  });

  it('opens one request however often GoalSubmitted is delivered', async () => {
    const goalId = `goal-${++goalCounter}`;
    const submitted = service.event('GoalSubmitted', goalSubmitted(goalId, 'emp-1001', 1, 'mgr-1'));
    // The same message redelivered, and the same submission published again under a new id.
    await service.publish(submitted, submitted, { ...submitted, id: `${submitted.id}-again` });
    const requestId = approvalRequestIdFor(TENANT, goalId);

    await eventually(async () =>
      expect(await service.eventTypesOf(requestId)).toEqual(['ApprovalRequested']),
    );
    // Give the late deliveries a chance to (wrongly) append.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await service.eventTypesOf(requestId)).toEqual(['ApprovalRequested']);
  });

  it('marks requests pending too long as overdue, emitting ApprovalOverdue once', async () => {
    const { requestId } = await submitGoal();
    service.clock.advanceDays(6);

    const check = () => service.request('POST', '/approval-requests/overdue-check', hr);
    expect(await (await check()).json()).toEqual({ flagged: expect.arrayContaining([requestId]) });
    await eventually(async () =>
      expect((await check()).json() as Promise<{ flagged: string[] }>).resolves.toEqual({
        flagged: [],
      }),
    );

    const inbox = (await (
      await service.request('GET', '/approval-requests/inbox', manager)
    ).json()) as {
      requestId: string;
      overdue: boolean;
      pendingDays: number;
    }[];
    expect(inbox.find((item) => item.requestId === requestId)).toMatchObject({
      overdue: true,
      pendingDays: 6,
    });
    expect(await service.eventTypesOf(requestId)).toEqual(['ApprovalRequested', 'ApprovalOverdue']);
    expect(
      (await service.request('POST', '/approval-requests/overdue-check', manager)).status,
    ).toBe(403);
  });

  describe('with an Idempotency-Key', () => {
    const decideWithKey = async (requestId: string, key: string, body: unknown) =>
      service.requestWithHeaders(
        'POST',
        `/approval-requests/${requestId}/approve`,
        { authorization: `Bearer ${await service.token(manager)}`, 'idempotency-key': key },
        body,
      );

    it('answers an approval retried with the same key with the first answer, approving once', async () => {
      const { requestId } = await submitGoal();
      const key = 'approve-once-7f3a';

      const first = await decideWithKey(requestId, key, { checkInCadence: 'weekly' });
      const retry = await decideWithKey(requestId, key, { checkInCadence: 'weekly' });

      expect([first.status, retry.status]).toEqual([200, 200]);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await retry.json()).toEqual(await first.json());
      expect(await service.eventTypesOf(requestId)).toEqual(['ApprovalRequested', 'GoalApproved']);
    });
  });
});
