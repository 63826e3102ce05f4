import { bodyOf, PlanningTestApp, type Caller } from './testing/planning-test-app';

/** The manager in execution: check-ins, ticks and adjustment refusals, over HTTP on a real app. */

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
    const adjustDeadline = async (employee: Caller, goalId: string) => {
      const [adjusted] = await bodyOf<EventBody[]>(
        await service.request('POST', `/goals/${goalId}/adjust`, employee, {
          changes: { deadline: '2026-07-31' },
          reason: 'Two months of leave moved the practice period.',
        }),
        201,
      );
      return String(adjusted.data.adjustmentId);
    };
    const refusal = { reason: 'The milestones cover the leave; keep the deadline.' };

    it('is refused by the manager with a reason: the goal is back as before it, and stays active', async () => {
      const { employee, goalId } = await reportsActiveGoal();
      const { content: before } = await goal(goalId, employee);
      const adjustmentId = await adjustDeadline(employee, goalId);
      const refuse = `/goals/${goalId}/adjustments/${adjustmentId}/refuse`;

      const refused = await bodyOf<EventBody[]>(
        await service.request('POST', refuse, manager, refusal),
        200,
      );

      expect(refused).toEqual([
        {
          type: 'GoalAdjustmentRefused',
          data: {
            adjustmentId,
            goalId,
            employeeId: employee.userId,
            reason: refusal.reason,
            restored: { deadline: before.deadline },
            refusedBy: manager.userId,
          },
        },
      ]);
      const after = await goal(goalId, employee);
      expect(after).toMatchObject({
        status: 'active',
        content: { deadline: before.deadline },
        unacknowledgedAdjustments: [],
      });
      expect(after.history.at(-1)).toMatchObject({
        event: 'GoalAdjustmentRefused',
        by: manager.userId,
        data: { reason: refusal.reason },
      });
      const acknowledge = `/goals/${goalId}/adjustments/${adjustmentId}/acknowledge`;
      for (const again of [refuse, acknowledge])
        expect(
          await bodyOf(await service.request('POST', again, manager, refusal), 409),
        ).toMatchObject({
          code: 'ADJUSTMENT_NOT_PENDING',
        });
    });

    it('is refused to the employee, another manager and a colleague (403), storing nothing', async () => {
      const { employee, goalId } = await reportsActiveGoal();
      const adjustmentId = await adjustDeadline(employee, goalId);
      const refuse = `/goals/${goalId}/adjustments/${adjustmentId}/refuse`;
      const before = await service.storedEventCount();

      const statuses = await Promise.all(
        [employee, otherManager, { userId: 'emp-9999' }].map(
          async (caller) => (await service.request('POST', refuse, caller, refusal)).status,
        ),
      );

      expect(statuses).toEqual([403, 403, 403]);
      expect(await service.storedEventCount()).toBe(before);
    });

    it.each([
      ['no reason', {}],
      ['a reason under 10 characters', { reason: 'No.' }],
      ['a reason over 1000 characters', { reason: 'x'.repeat(1001) }],
      ['an unknown field', { ...refusal, restored: { deadline: '2027-01-31' } }],
    ])('with %s is refused with 422 problem+json, storing nothing', async (_, body) => {
      const { employee, goalId } = await reportsActiveGoal();
      const adjustmentId = await adjustDeadline(employee, goalId);
      const before = await service.storedEventCount();

      const refused = await service.request(
        'POST',
        `/goals/${goalId}/adjustments/${adjustmentId}/refuse`,
        manager,
        body,
      );

      expect(refused.status).toBe(422);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(await service.storedEventCount()).toBe(before);
    });
  });
});
