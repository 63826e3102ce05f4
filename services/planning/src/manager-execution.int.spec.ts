import { eventually } from '@talentloop/testing';
import {
  adjustmentApproved,
  adjustmentRejected,
  bodyOf,
  PlanningTestApp,
  type Caller,
} from '../testing/planning-test-app';

/**
 * The manager in execution: check-ins, ticks, and approval's decisions on adjustments, over
 * HTTP and the bus on a real app.
 */

const manager: Caller = { userId: 'mgr-1', roles: 'manager' };
const otherManager: Caller = { userId: 'mgr-2', roles: 'manager' };
const hr: Caller = { userId: 'hr-1', roles: 'hr' };
const answers = {
  whatWasDone: 'Summarised every speaker in two stand-ups.',
  whatGoesWellAndWhatIsHard: 'Summaries go well; holding back my own view is hard.',
  whatIsNext: 'Ask one deepening question per meeting.',
};
const managerNotes = 'Clearly calmer in the stand-ups; next, try it in the design review.';

interface EventBody {
  type: string;
  data: Record<string, unknown>;
}
interface GoalBody {
  status: string;
  unacknowledgedAdjustments: string[];
  completedActionIds: string[];
  content: { deadline: string; actions: { actionId: string }[] };
  history: { event: string; by: string; data: Record<string, unknown> }[];
}

describe("the manager's side of an active goal", () => {
  let service: PlanningTestApp;
  let employeeCounter = 0;

  beforeAll(async () => {
    service = await PlanningTestApp.start();
  });

  afterAll(() => service.stop());

  /** An active goal of a fresh report of mgr-1. */
  const reportsActiveGoal = async () => {
    const { me, gapId, planId } = await service.employeeWithPlan(`emp-${5000 + ++employeeCounter}`);
    return { employee: me, goalId: await service.activeGoal(me, planId, gapId) };
  };

  const checkIn = (goalId: string, caller: Caller, extra: Record<string, unknown> = {}) =>
    service.request('POST', `/goals/${goalId}/check-ins`, caller, {
      answers,
      durationMinutes: 25,
      actionsTicked: [],
      ...extra,
    });

  const goal = async (goalId: string, caller: Caller) =>
    bodyOf<GoalBody>(await service.request('GET', `/goals/${goalId}`, caller), 200);

  describe('a check-in', () => {
    it("is logged by the manager with both sides' notes, and read by everyone who reads the goal", async () => {
      const { employee, goalId } = await reportsActiveGoal();

      const [logged] = await bodyOf<EventBody[]>(
        await checkIn(goalId, manager, { managerNotes }),
        201,
      );

      expect(logged).toMatchObject({
        type: 'CheckInLogged',
        data: { loggedBy: manager.userId, managerNotes, answers, onTime: true },
      });
      for (const reader of [employee, manager, hr]) {
        const { history } = await goal(goalId, reader);
        expect(history.at(-1)).toMatchObject({
          event: 'CheckInLogged',
          by: manager.userId,
          data: { loggedBy: manager.userId, managerNotes, answers },
        });
      }
    });

    it('logged by the employee records them, without manager notes', async () => {
      const { employee, goalId } = await reportsActiveGoal();

      const [logged] = await bodyOf<EventBody[]>(await checkIn(goalId, employee), 201);

      expect(logged.data.loggedBy).toBe(employee.userId);
      expect(logged.data).not.toHaveProperty('managerNotes');
    });

    it("is refused to the employee carrying the manager's notes (403), storing nothing", async () => {
      const { employee, goalId } = await reportsActiveGoal();
      const before = await service.storedEventCount();

      const refused = await checkIn(goalId, employee, { managerNotes });

      expect(await bodyOf(refused, 403)).toMatchObject({
        code: 'NOT_ALLOWED',
        detail: "the employee cannot write the manager's notes",
      });
      expect(await service.storedEventCount()).toBe(before);
    });

    it('is refused to another manager and to a colleague (403), storing nothing', async () => {
      const { goalId } = await reportsActiveGoal();
      const before = await service.storedEventCount();

      const statuses = await Promise.all(
        [otherManager, { userId: 'emp-9999' }].map(
          async (caller) => (await checkIn(goalId, caller, {})).status,
        ),
      );

      expect(statuses).toEqual([403, 403]);
      expect(await service.storedEventCount()).toBe(before);
    });

    it.each([
      ['empty notes', { managerNotes: '' }],
      ['notes over 2000 characters', { managerNotes: 'x'.repeat(2001) }],
      ['notes that are not text', { managerNotes: 42 }],
      ['no answers', { answers: undefined }],
    ])('with %s is refused with 422 problem+json, storing nothing', async (_, extra) => {
      const { goalId } = await reportsActiveGoal();
      const before = await service.storedEventCount();

      const refused = await checkIn(goalId, manager, extra);

      expect(refused.status).toBe(422);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(await service.storedEventCount()).toBe(before);
    });
  });

  describe('an action', () => {
    it("is ticked off by the manager, named in the goal's history, and only once", async () => {
      const { employee, goalId } = await reportsActiveGoal();
      const { content } = await goal(goalId, employee);
      const [actionId] = content.actions.map((action) => action.actionId);
      const tick = `/goals/${goalId}/actions/${actionId}/complete`;

      const ticked = await bodyOf<EventBody[]>(await service.request('POST', tick, manager), 200);

      expect(ticked).toEqual([
        { type: 'ActionCompleted', data: { goalId, employeeId: employee.userId, actionId } },
      ]);
      const after = await goal(goalId, employee);
      expect(after.completedActionIds).toEqual([actionId]);
      expect(after.history.at(-1)).toMatchObject({ event: 'ActionCompleted', by: manager.userId });
      expect(await bodyOf(await service.request('POST', tick, employee), 409)).toMatchObject({
        code: 'ACTION_ALREADY_DONE',
      });
    });

    it('is refused to another manager and to a colleague (403), storing nothing', async () => {
      const { employee, goalId } = await reportsActiveGoal();
      const [actionId] = (await goal(goalId, employee)).content.actions.map((a) => a.actionId);
      const tick = `/goals/${goalId}/actions/${actionId}/complete`;
      const before = await service.storedEventCount();

      const statuses = await Promise.all(
        [otherManager, { userId: 'emp-9999' }].map(
          async (caller) => (await service.request('POST', tick, caller)).status,
        ),
      );

      expect(statuses).toEqual([403, 403]);
      expect(await service.storedEventCount()).toBe(before);
    });

    it('the goal does not have is refused with 422 UNKNOWN_ACTION, storing nothing', async () => {
      const { goalId } = await reportsActiveGoal();
      const before = await service.storedEventCount();

      const refused = await service.request(
        'POST',
        `/goals/${goalId}/actions/act-unknown/complete`,
        manager,
      );

      expect(await bodyOf(refused, 422)).toMatchObject({ code: 'UNKNOWN_ACTION' });
      expect(await service.storedEventCount()).toBe(before);
    });
  });

  describe('an adjustment', () => {
    const adjust = async (employee: Caller, goalId: string, changes: Record<string, unknown>) => {
      const [adjusted] = await bodyOf<EventBody[]>(
        await service.request('POST', `/goals/${goalId}/adjust`, employee, {
          changes,
          reason: 'Two months of leave moved the practice period.',
        }),
        201,
      );
      return adjusted;
    };
    const adjustDeadline = async (employee: Caller, goalId: string) =>
      String((await adjust(employee, goalId, { deadline: '2026-07-31' })).data.adjustmentId);
    const feedback = 'The milestones cover the leave; keep the deadline as agreed.';

    /** The goal as the employee reads it, once approval's decision on its adjustment is in. */
    const goalOnceDecided = async (employee: Caller, goalId: string) => {
      await eventually(
        'the decision on the adjustment reaches the goal',
        async () => (await goal(goalId, employee)).unacknowledgedAdjustments.length === 0,
      );
      return goal(goalId, employee);
    };

    it('rejected in approval is refused, the feedback its reason: the goal is back as before it', async () => {
      const { employee, goalId } = await reportsActiveGoal();
      const { content: before } = await goal(goalId, employee);
      const adjustmentId = await adjustDeadline(employee, goalId);
      expect((await goal(goalId, manager)).unacknowledgedAdjustments).toEqual([adjustmentId]);

      const rejected = service.event(
        'AdjustmentRejected',
        adjustmentRejected(goalId, employee.userId, adjustmentId, feedback),
      );
      await service.publish(rejected);

      const after = await goalOnceDecided(employee, goalId);
      expect(after).toMatchObject({ status: 'active', content: { deadline: before.deadline } });
      expect(after.history.at(-1)).toMatchObject({
        event: 'GoalAdjustmentRefused',
        by: 'integrator-1',
        data: {
          adjustmentId,
          reason: feedback,
          restored: { deadline: before.deadline },
          refusedBy: 'mgr-1',
        },
      });
      // Delivered again, or followed by an agreement on the same adjustment: nothing more. A
      // later adjustment agreed after them shows they were handled (one partition, in order).
      const later = await adjustDeadline(employee, goalId);
      await service.publish(
        rejected,
        service.event(
          'AdjustmentApproved',
          adjustmentApproved(goalId, employee.userId, adjustmentId),
        ),
        service.event('AdjustmentApproved', adjustmentApproved(goalId, employee.userId, later)),
      );
      const settled = await goalOnceDecided(employee, goalId);
      expect(
        settled.history
          .filter((step) => step.event.startsWith('GoalAdjustment'))
          .map((step) => [step.event, step.data['adjustmentId']]),
      ).toEqual([
        ['GoalAdjustmentRefused', adjustmentId],
        ['GoalAdjustmentAcknowledged', later],
      ]);
    });

    it('approved in approval is acknowledged: the adjusted deadline stays', async () => {
      const { employee, goalId } = await reportsActiveGoal();
      const adjustmentId = await adjustDeadline(employee, goalId);

      await service.publish(
        service.event(
          'AdjustmentApproved',
          adjustmentApproved(goalId, employee.userId, adjustmentId),
        ),
      );

      const after = await goalOnceDecided(employee, goalId);
      expect(after.content.deadline).toBe('2026-07-31');
      expect(after.history.at(-1)).toMatchObject({
        event: 'GoalAdjustmentAcknowledged',
        data: { adjustmentId, acknowledgedBy: 'mgr-1' },
      });
    });

    it('of the actions only needs no agreement: it is in force, nothing awaits the manager', async () => {
      const { employee, goalId } = await reportsActiveGoal();
      const { content } = await goal(goalId, employee);

      const adjusted = await adjust(employee, goalId, { actions: content.actions.slice(0, 1) });

      expect(adjusted.data.requiresAcknowledgement).toBe(false);
      expect((await goal(goalId, manager)).unacknowledgedAdjustments).toEqual([]);
    });

    it('is decided in approval only: the former acknowledge and refuse routes are gone', async () => {
      const { employee, goalId } = await reportsActiveGoal();
      const adjustmentId = await adjustDeadline(employee, goalId);
      const before = await service.storedEventCount();

      const statuses = await Promise.all(
        ['acknowledge', 'refuse'].map(
          async (decision) =>
            (
              await service.request(
                'POST',
                `/goals/${goalId}/adjustments/${adjustmentId}/${decision}`,
                manager,
                { reason: feedback },
              )
            ).status,
        ),
      );

      expect(statuses).toEqual([404, 404]);
      expect(await service.storedEventCount()).toBe(before);
    });
  });
});
