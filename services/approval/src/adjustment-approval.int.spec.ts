import { adjustmentRequestIdFor } from '@talentloop/approval-domain';
import { GoalAdjusted, GoalSubmitted } from '@talentloop/contracts';
import {
  ApprovalTestApp,
  employeeSynced,
  eventually,
  goalAdjusted,
  goalSubmitted,
  TENANT,
  type Caller,
} from '../testing/approval-test-app';

const manager: Caller = { userId: 'mgr-1' };
const hr: Caller = { userId: 'hr-1', roles: 'hr' };
const { reason } = GoalAdjusted.example;
const submittedDeadline = GoalSubmitted.example.goal.deadline;

interface InboxItem {
  requestId: string;
  kind: string;
  title?: string;
  submissionNumber?: number;
  overdue: boolean;
  pendingDays: number;
  adjustment?: {
    adjustmentId: string;
    changes: { field: string; before?: unknown; after: unknown }[];
    reason?: string;
  };
}

describe('the approval service, on adjustments of active goals', () => {
  let service: ApprovalTestApp;
  let goalCounter = 0;

  beforeAll(async () => {
    service = await ApprovalTestApp.start({ APPROVAL_OVERDUE_AFTER_DAYS: '5' });
    await service.publish(service.event('EmployeeSynced', employeeSynced('emp-1001', 'mgr-1')));
  });

  afterAll(() => service.stop());

  const inbox = async () =>
    (await (
      await service.request('GET', '/approval-requests/inbox', manager)
    ).json()) as InboxItem[];

  /** A submitted goal adjusted; waits until the request of the adjustment is open. */
  const adjustGoal = async (changes?: Record<string, unknown>) => {
    const goalId = `goal-adj-${++goalCounter}`;
    const adjustmentId = `adj-${goalCounter}`;
    const adjusted = service.event(
      'GoalAdjusted',
      goalAdjusted(goalId, 'emp-1001', adjustmentId, changes),
    );
    await service.publish(
      service.event('GoalSubmitted', goalSubmitted(goalId, 'emp-1001', 1, 'mgr-1')),
      adjusted,
    );
    const requestId = adjustmentRequestIdFor(TENANT, goalId, adjustmentId);
    return { goalId, adjustmentId, requestId, adjusted };
  };

  const opened = (requestId: string) =>
    eventually(async () =>
      expect((await inbox()).map((item) => item.requestId)).toContain(requestId),
    );

  it('opens a request of the adjustment, in the inbox with before → after and the reason', async () => {
    const { adjustmentId, requestId, adjusted } = await adjustGoal();
    await opened(requestId);

    expect((await inbox()).find((item) => item.requestId === requestId)).toEqual(
      expect.objectContaining({
        kind: 'adjustment',
        adjustment: {
          adjustmentId,
          changes: [{ field: 'deadline', before: submittedDeadline, after: '2026-09-30' }],
          reason,
        },
      }),
    );
    expect((await inbox()).find((item) => item.requestId === requestId)).not.toHaveProperty(
      'submissionNumber',
    );

    // delivered again: still one request, opened once
    await service.publish(adjusted);
    await service.publish(
      service.event('GoalSubmitted', goalSubmitted('goal-marker', 'emp-1001', 1, 'mgr-1')),
    );
    await eventually(async () =>
      expect((await inbox()).map((item) => item.title)).toContain('Goal goal-marker version 1'),
    );
    expect(await service.eventTypesOf(requestId)).toEqual(['AdjustmentApprovalRequested']);
  });

  it('opens nothing for an adjustment that needs no agreement', async () => {
    const { requestId } = await adjustGoal({ title: 'Listen first, then speak' });
    // One employee, one partition, in order: once a later request is open, this one was handled.
    const later = await adjustGoal();
    await opened(later.requestId);

    expect(await service.eventTypesOf(requestId)).toEqual([]);
    expect((await inbox()).filter((item) => item.requestId === requestId)).toEqual([]);
  });

  it('refuses feedback longer than the refusal holds (422), and takes it within', async () => {
    const { requestId } = await adjustGoal();
    await opened(requestId);
    const reject = (feedback: string) =>
      service.request('POST', `/approval-requests/${requestId}/reject`, manager, { feedback });

    const tooLong = await reject('Keep the deadline: the milestones cover it. '.repeat(30));
    expect(tooLong.status).toBe(422);
    expect(await tooLong.json()).toMatchObject({ code: 'FEEDBACK_TOO_LONG' });
    expect(await service.eventTypesOf(requestId)).toEqual(['AdjustmentApprovalRequested']);

    expect((await reject('Keep the deadline: the milestones cover the leave.')).status).toBe(200);
    expect(await service.eventTypesOf(requestId)).toEqual([
      'AdjustmentApprovalRequested',
      'AdjustmentRejected',
    ]);
  });

  it('is flagged overdue as a submission is, once', async () => {
    const { requestId } = await adjustGoal();
    await opened(requestId);
    service.clock.advanceDays(6);

    const check = () => service.request('POST', '/approval-requests/overdue-check', hr);
    expect(await (await check()).json()).toEqual({ flagged: expect.arrayContaining([requestId]) });
    await eventually(async () =>
      expect((await inbox()).find((item) => item.requestId === requestId)).toMatchObject({
        overdue: true,
        pendingDays: 6,
      }),
    );
    await check();
    expect(await service.eventTypesOf(requestId)).toEqual([
      'AdjustmentApprovalRequested',
      'ApprovalOverdue',
    ]);
  });
});
