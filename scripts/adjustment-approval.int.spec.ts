import { eventually } from '@talentloop/testing';
import { ApprovalTestApp } from '../services/approval/testing/approval-test-app';
import {
  bodyOf,
  PlanningTestApp,
  type Caller,
} from '../services/planning/testing/planning-test-app';

/**
 * An adjustment is agreed through approval, as a submission is: planning and approval on one
 * embedded store and bus, as `npm start` runs them, driven over HTTP.
 */

const manager: Caller = { userId: 'mgr-1', roles: 'manager' };
const newManager: Caller = { userId: 'mgr-2', roles: 'manager' };
const hr: Caller = { userId: 'hr-1', roles: 'hr' };
const reason = 'Two months of leave moved the practice period.';
const feedback = 'The milestones cover the leave; keep the deadline we agreed on.';

interface EventBody {
  type: string;
  data: Record<string, unknown>;
}
interface GoalBody {
  status: string;
  unacknowledgedAdjustments: string[];
  content: { deadline: string; title: string };
  history: { event: string; data: Record<string, unknown> }[];
}
interface InboxItem {
  requestId: string;
  kind: string;
  goalId: string;
  addressedTo: string;
  title?: string;
  adjustment?: {
    adjustmentId: string;
    changes: { field: string; before?: unknown; after: unknown }[];
    reason?: string;
  };
}
interface Thread {
  status: string;
  kind: string;
  managerId: string | null;
  exchange: { event: string; reason?: string; feedback?: string }[];
  adjustment?: InboxItem['adjustment'];
}

describe('an adjustment agreed through approval', () => {
  let planning: PlanningTestApp;
  let approval: ApprovalTestApp;
  let employeeCounter = 0;

  beforeAll(async () => {
    planning = await PlanningTestApp.start();
    approval = await ApprovalTestApp.start({}, undefined, planning.folder);
  });

  afterAll(async () => {
    await approval.stop(false);
    await planning.stop();
  });

  const goal = async (goalId: string, caller: Caller) =>
    bodyOf<GoalBody>(await planning.request('GET', `/goals/${goalId}`, caller), 200);

  const inbox = async (caller: Caller, path = '/approval-requests/inbox') =>
    bodyOf<InboxItem[]>(await approval.request('GET', path, caller), 200);

  /** The first request in the inbox that passes the check, once approval has opened it. */
  const awaitInInbox = async (
    caller: Caller,
    found: (item: InboxItem) => boolean,
    path?: string,
  ): Promise<InboxItem> => {
    let item: InboxItem | undefined;
    await eventually('the request reaches the inbox', async () => {
      item = (await inbox(caller, path)).find(found);
      return item !== undefined;
    });
    return item!;
  };

  const decide = (
    requestId: string,
    caller: Caller,
    decision: 'approve' | 'reject',
    body: unknown = {},
  ) => approval.request('POST', `/approval-requests/${requestId}/${decision}`, caller, body);

  /** A report of mgr-1 with a goal drafted, submitted and approved through approval. */
  const activeGoal = async () => {
    const { gapId, planId } = await planning.employeeWithPlan(`emp-${7000 + ++employeeCounter}`);
    const me: Caller = { userId: `emp-${7000 + employeeCounter}`, roles: 'employee' };
    const { goalId } = await planning.draft(me, planId, gapId);
    await bodyOf(await planning.submit(me, goalId), 200);
    const submission = await awaitInInbox(
      manager,
      (item) => item.goalId === goalId && item.kind === 'submission',
    );
    await bodyOf(
      await decide(submission.requestId, manager, 'approve', { checkInCadence: 'fortnightly' }),
      200,
    );
    await eventually(
      'the goal is active',
      async () => (await goal(goalId, me)).status === 'active',
    );
    return { employee: me, goalId };
  };

  const adjustDeadline = async (employee: Caller, goalId: string, deadline: string) => {
    const [adjusted] = await bodyOf<EventBody[]>(
      await planning.request('POST', `/goals/${goalId}/adjust`, employee, {
        changes: { deadline },
        reason,
      }),
      201,
    );
    expect(adjusted.data.requiresAcknowledgement).toBe(true);
    return String(adjusted.data.adjustmentId);
  };

  const decidedOn = async (employee: Caller, goalId: string) => {
    await eventually(
      "approval's decision reaches the goal",
      async () => (await goal(goalId, employee)).unacknowledgedAdjustments.length === 0,
    );
    return goal(goalId, employee);
  };

  const changeManager = (employee: Caller, from: string | null, to: string | null) =>
    planning.publish(
      planning.event('ReportingLineChanged', {
        employeeId: employee.userId,
        previousManagerId: from,
        newManagerId: to,
        effectiveAt: planning.clock.now().toISOString(),
      }),
    );

  it('reaches the manager with its changes and reason; rejected, the deadline is set back; approved, it stays', async () => {
    const { employee, goalId } = await activeGoal();
    const { content: agreed } = await goal(goalId, employee);

    // adjusted: the request is in the manager's inbox, with the change and the reason
    const first = await adjustDeadline(employee, goalId, '2026-07-31');
    const asked = await awaitInInbox(manager, (item) => item.adjustment?.adjustmentId === first);
    expect(asked).toMatchObject({
      kind: 'adjustment',
      goalId,
      addressedTo: 'manager',
      title: agreed.title,
      adjustment: {
        changes: [{ field: 'deadline', before: agreed.deadline, after: '2026-07-31' }],
        reason,
      },
    });

    // rejected with feedback (never by the employee): planning sets the deadline back
    expect((await decide(asked.requestId, employee, 'reject', { feedback })).status).toBe(403);
    expect(
      await bodyOf(await decide(asked.requestId, manager, 'reject', { feedback }), 200),
    ).toMatchObject({ type: 'AdjustmentRejected', data: { adjustmentId: first, feedback } });
    const refused = await decidedOn(employee, goalId);
    expect(refused).toMatchObject({ status: 'active', content: { deadline: agreed.deadline } });
    expect(refused.history.at(-1)).toMatchObject({
      event: 'GoalAdjustmentRefused',
      data: {
        adjustmentId: first,
        reason: feedback,
        restored: { deadline: agreed.deadline },
        refusedBy: manager.userId,
      },
    });
    await eventually('the thread shows the rejection', async () => {
      const thread = await bodyOf<Thread>(
        await approval.request('GET', `/approval-requests/${asked.requestId}`, employee),
        200,
      );
      return (
        thread.status === 'rejected' &&
        thread.kind === 'adjustment' &&
        thread.exchange[0]?.reason === reason &&
        thread.exchange[1]?.feedback === feedback &&
        thread.adjustment?.changes[0]?.after === '2026-07-31'
      );
    });

    // adjusted again, from the deadline set back, and approved: it stays in force
    const second = await adjustDeadline(employee, goalId, '2026-07-15');
    const again = await awaitInInbox(manager, (item) => item.adjustment?.adjustmentId === second);
    expect(again.adjustment?.changes).toEqual([
      { field: 'deadline', before: agreed.deadline, after: '2026-07-15' },
    ]);
    const withCadence = await decide(again.requestId, manager, 'approve', {
      checkInCadence: 'weekly',
    });
    expect(await bodyOf(withCadence, 422)).toMatchObject({ code: 'CHECK_IN_CADENCE_MISMATCH' });
    expect(await bodyOf(await decide(again.requestId, manager, 'approve'), 200)).toMatchObject({
      type: 'AdjustmentApproved',
      data: { adjustmentId: second, decidedAs: 'manager' },
    });
    const acknowledged = await decidedOn(employee, goalId);
    expect(acknowledged.content.deadline).toBe('2026-07-15');
    expect(acknowledged.history.at(-1)).toMatchObject({
      event: 'GoalAdjustmentAcknowledged',
      data: { adjustmentId: second, acknowledgedBy: manager.userId },
    });
    // Approval's own view of its decision follows its store, as planning follows the bus.
    await eventually(
      'the decided requests leave the inbox',
      async () => !(await inbox(manager)).some((item) => item.goalId === goalId),
    );
  });

  it('moves to the new manager with the reporting line: the former one gets 403', async () => {
    const { employee, goalId } = await activeGoal();
    const adjustmentId = await adjustDeadline(employee, goalId, '2026-07-31');
    const asked = await awaitInInbox(
      manager,
      (item) => item.adjustment?.adjustmentId === adjustmentId,
    );

    await changeManager(employee, manager.userId, newManager.userId);
    await awaitInInbox(newManager, (item) => item.requestId === asked.requestId);

    expect((await decide(asked.requestId, manager, 'approve')).status).toBe(403);
    await bodyOf(await decide(asked.requestId, newManager, 'approve'), 200);
    expect((await decidedOn(employee, goalId)).history.at(-1)).toMatchObject({
      event: 'GoalAdjustmentAcknowledged',
      data: { acknowledgedBy: newManager.userId },
    });
  });

  it('of an employee without a manager goes to HR as delegate', async () => {
    const { employee, goalId } = await activeGoal();
    await changeManager(employee, manager.userId, null);
    await eventually(
      'approval knows the employee has no manager',
      async () => (await approval.managerOf(employee.userId)) === null,
    );

    const adjustmentId = await adjustDeadline(employee, goalId, '2026-07-31');
    const asked = await awaitInInbox(
      hr,
      (item) => item.adjustment?.adjustmentId === adjustmentId,
      '/approval-requests/inbox/delegated',
    );

    expect(asked).toMatchObject({ kind: 'adjustment', addressedTo: 'hr-delegate' });
    expect((await decide(asked.requestId, manager, 'approve')).status).toBe(403);
    expect(await bodyOf(await decide(asked.requestId, hr, 'approve'), 200)).toMatchObject({
      data: { decidedBy: hr.userId, decidedAs: 'hr-delegate' },
    });
    expect((await decidedOn(employee, goalId)).history.at(-1)).toMatchObject({
      event: 'GoalAdjustmentAcknowledged',
      data: { acknowledgedBy: hr.userId },
    });
  });
});
