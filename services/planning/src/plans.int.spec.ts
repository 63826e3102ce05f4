import { eventually } from '@talentloop/testing';
import {
  goalApproved,
  PlanningTestApp,
  measuredAgain,
  TENANT,
  type Caller,
} from '../testing/planning-test-app';

const manager: Caller = { userId: 'mgr-1', roles: 'manager' };
const hr: Caller = { userId: 'hr-1', roles: 'hr' };

interface PlanBody {
  planId: string;
  employeeId: string;
  cycle: string | null;
  maxActiveGoals: number;
  status: 'open' | 'closed';
  startedAt: string;
  closedAt: string | null;
  previousPlanId: string | null;
  nextPlanId: string | null;
  goals: { goalId: string; title: string; phase: string }[];
  carriedIn: { goalId: string; fromPlanId: string }[];
  carriedOut: { goalId: string; toPlanId: string }[];
  summary: {
    goals: { goalId: string; outcome: string }[];
    counts: Record<string, number>;
    growth: {
      competencyId: string;
      goalIds: string[];
      behaviour: unknown;
      indicators: { indicatorIds: string[]; baseline: number; remeasured: number }[];
    }[];
  } | null;
}
interface Problem {
  status: number;
  code: string;
  detail: string;
  committedGoals?: { goalId: string; phase: string }[];
  refused?: { goalId: string; reason: string }[];
}

describe('plans as entities over HTTP: view, close with a summary, carry goals over', () => {
  let service: PlanningTestApp;
  let employeeCounter = 0;

  beforeAll(async () => {
    service = await PlanningTestApp.start();
  });

  afterAll(() => service.stop());

  const json = async <T>(response: Response, status: number): Promise<T> => {
    const body = (await response.json()) as T;
    if (response.status !== status)
      throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(body)}`);
    return body;
  };

  const startPlan = (me: Caller, cycle: string, carryOver?: unknown) =>
    service.request('POST', '/plans', me, {
      employeeId: me.userId,
      cycle,
      ...(carryOver === undefined ? {} : { carryOver }),
    });

  /** A fresh employee with manager mgr-1 and a gap, known to planning, with a started plan. */
  const employeeWithPlan = async () => {
    const me: Caller = { userId: `emp-${5000 + ++employeeCounter}` };
    const gapId = `gap-${me.userId}`;
    await service.publishAssessmentOf(me.userId, 'mgr-1', gapId);
    await eventually('the gap reaches planning', async () =>
      Boolean(await service.readSide.gap(TENANT, gapId)),
    );
    const { planId } = await json<{ planId: string }>(await startPlan(me, '2026-H1'), 201);
    return { me, gapId, planId };
  };

  const draft = (me: Caller, planId: string, gapId: string) =>
    service.request('POST', `/plans/${planId}/goals/draft`, me, { gapId });

  const drafted = async (me: Caller, planId: string, gapId: string) =>
    (await json<{ goalId: string }>(await draft(me, planId, gapId), 201)).goalId;

  const goalStatus = async (goalId: string) =>
    (await service.readSide.goal(TENANT, goalId))?.state.status;

  const activeGoal = async (me: Caller, planId: string, gapId: string) => {
    const goalId = await drafted(me, planId, gapId);
    await json(await service.submit(me, goalId), 200);
    await service.publish(service.event('GoalApproved', goalApproved(goalId, me.userId, 1)));
    await eventually('the goal is active', async () => (await goalStatus(goalId)) === 'active');
    return goalId;
  };

  const withdrawn = async (me: Caller, planId: string, gapId: string) => {
    const goalId = await drafted(me, planId, gapId);
    const reason = 'Moved to a role without this competency.';
    await json(await service.request('POST', `/goals/${goalId}/withdraw`, me, { reason }), 200);
    return goalId;
  };

  const plan = async (planId: string, caller: Caller) =>
    json<PlanBody>(await service.request('GET', `/plans/${planId}`, caller), 200);

  const close = (planId: string, caller: Caller = manager) =>
    service.request('POST', `/plans/${planId}/close`, caller);

  it('shows the plan with its goals to the employee, their manager and HR only', async () => {
    const { me, gapId, planId } = await employeeWithPlan();
    const active = await activeGoal(me, planId, gapId);
    const draftGoal = await drafted(me, planId, gapId);

    const shown = await plan(planId, me);
    expect(shown).toMatchObject({
      planId,
      employeeId: me.userId,
      cycle: '2026-H1',
      maxActiveGoals: 3,
      status: 'open',
      closedAt: null,
      previousPlanId: null,
      nextPlanId: null,
      carriedIn: [],
      carriedOut: [],
      summary: null,
    });
    expect(shown.goals.map(({ goalId, phase }) => ({ goalId, phase }))).toEqual(
      expect.arrayContaining([
        { goalId: active, phase: 'active' },
        { goalId: draftGoal, phase: 'draft' },
      ]),
    );
    expect(shown.goals).toHaveLength(2);
    expect(shown.goals[0]?.title).toEqual(expect.any(String));

    await plan(planId, manager);
    await plan(planId, hr);
    const colleague = await service.request('GET', `/plans/${planId}`, { userId: 'emp-4999' });
    expect(colleague.status).toBe(403);
    const otherTenant = await service.request('GET', `/plans/${planId}`, {
      ...me,
      tenantId: 'globex',
    });
    expect(otherTenant.status).toBe(404);
    const unknown = await service.request('GET', '/plans/plan-unknown', hr);
    expect(unknown.status).toBe(404);
  });

  it('closes after remeasurement with the growth and outcomes, and then takes no goals', async () => {
    const { me, gapId, planId } = await employeeWithPlan();
    const active = await activeGoal(me, planId, gapId);
    const goneGoal = await withdrawn(me, planId, gapId);
    const leftBehind = await drafted(me, planId, gapId);

    // An active goal awaits remeasurement: the plan stays open, naming it; nothing is stored.
    const before = await service.storedEventCount();
    const blocked = await json<Problem>(await close(planId), 409);
    expect(blocked).toMatchObject({
      code: 'PLAN_HAS_UNFINISHED_GOALS',
      committedGoals: [{ goalId: active, phase: 'active' }],
    });
    expect(blocked.detail).toContain(active);
    expect(await service.storedEventCount()).toBe(before);
    // The employee does not close their own cycle.
    expect((await close(planId, me)).status).toBe(403);

    // The 360° round after the deadline evaluates the goal.
    await service.publish(
      service.event('MeasurementRecorded', measuredAgain(me.userId, '2026-12-31T10:00:00.000Z')),
    );
    await eventually(
      'the goal is evaluated',
      async () => (await goalStatus(active)) === 'evaluated',
    );

    const closed = await json<PlanBody>(await close(planId), 200);
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).toEqual(expect.any(String));
    expect(closed.summary?.counts).toEqual({
      achieved: 1,
      partlyAchieved: 0,
      notAchieved: 0,
      withdrawn: 1,
      notCommitted: 1,
      carriedOver: 0,
    });
    expect(closed.summary?.goals).toEqual(
      expect.arrayContaining([
        { goalId: active, outcome: 'achieved' },
        { goalId: goneGoal, outcome: 'withdrawn' },
        { goalId: leftBehind, outcome: 'not-committed' },
      ]),
    );
    // The contracts' remeasurement: active listening went from 45 to 62.
    expect(closed.summary?.growth).toEqual([
      expect.objectContaining({
        competencyId: 'collaboration',
        goalIds: [active],
        indicators: [
          { indicatorIds: ['active-listening'], baseline: 45, remeasured: 62, change: 17 },
        ],
      }),
    ]);
    expect(await plan(planId, me)).toEqual(closed);

    const stored = await service.storedEventCount();
    const refusedDraft = await json<Problem>(await draft(me, planId, gapId), 409);
    expect(refusedDraft.code).toBe('PLAN_CLOSED');
    const refusedSubmit = await json<Problem>(await service.submit(me, leftBehind), 409);
    expect(refusedSubmit.code).toBe('PLAN_CLOSED');
    // Closing again is a retry: the summary stays, nothing is added.
    expect(await json<PlanBody>(await close(planId, hr), 200)).toEqual(closed);
    expect(await service.storedEventCount()).toBe(stored);
  });

  it('starts the next cycle carrying over exactly the unfinished goals it names', async () => {
    const { me, gapId, planId: previous } = await employeeWithPlan();
    const active = await activeGoal(me, previous, gapId);
    const draftGoal = await drafted(me, previous, gapId);
    const goneGoal = await withdrawn(me, previous, gapId);
    const { planId: othersPlan, gapId: othersGap } = await employeeWithPlan();
    const othersGoal = await drafted(
      { userId: `emp-${5000 + employeeCounter}` },
      othersPlan,
      othersGap,
    );

    // Anything but unfinished goals of the previous plan refuses the whole start: nothing stored.
    const before = await service.storedEventCount();
    const refused = await json<Problem>(
      await startPlan(me, '2026-H2', [active, goneGoal, othersGoal]),
      422,
    );
    expect(refused.code).toBe('GOALS_NOT_CARRIABLE');
    expect(refused.refused?.map((goal) => goal.goalId)).toEqual([goneGoal, othersGoal]);
    for (const invalid of ['all', [active, active], ['not an id']])
      expect((await json<Problem>(await startPlan(me, '2026-H2', invalid), 422)).code).toBe(
        'VALIDATION_FAILED',
      );
    expect(await service.storedEventCount()).toBe(before);
    expect(await goalStatus(active)).toBe('active');

    const started = await json<{ planId: string; previousPlanId: string; carriedOver: string[] }>(
      await startPlan(me, '2026-H2', [active, draftGoal]),
      201,
    );
    expect(started).toMatchObject({ previousPlanId: previous, carriedOver: [active, draftGoal] });
    const next = started.planId;

    // The goal moved visibly, with its history and phase.
    const moved = await json<{
      status: string;
      planId: string;
      history: { event: string; data: unknown }[];
    }>(await service.request('GET', `/goals/${active}`, me), 200);
    expect(moved).toMatchObject({ status: 'active', planId: next });
    expect(moved.history.map((entry) => entry.event)).toEqual([
      'GoalDrafted',
      'GoalAgreed',
      'GoalSubmitted',
      'GoalActivated',
      'GoalCarriedOver',
    ]);
    expect(moved.history.at(-1)?.data).toEqual({
      goalId: active,
      employeeId: me.userId,
      fromPlanId: previous,
      toPlanId: next,
    });

    const nextPlan = await plan(next, me);
    expect(nextPlan).toMatchObject({
      cycle: '2026-H2',
      previousPlanId: previous,
      nextPlanId: null,
    });
    expect(nextPlan.goals.map((goal) => goal.goalId).sort()).toEqual([active, draftGoal].sort());
    expect(nextPlan.carriedIn).toEqual([
      { goalId: active, fromPlanId: previous },
      { goalId: draftGoal, fromPlanId: previous },
    ]);
    const previousPlan = await plan(previous, me);
    expect(previousPlan).toMatchObject({ nextPlanId: next, status: 'open' });
    expect(previousPlan.goals.map((goal) => goal.goalId)).toEqual([goneGoal]);
    expect(previousPlan.carriedOut.map((goal) => goal.goalId)).toEqual([active, draftGoal]);

    // Starting it again is a retry: nothing more is stored.
    const stored = await service.storedEventCount();
    await json(await startPlan(me, '2026-H2', [active, draftGoal]), 201);
    expect(await service.storedEventCount()).toBe(stored);

    // With its active goal carried over, the previous plan closes; the move is counted.
    const closed = await json<PlanBody>(await close(previous), 200);
    expect(closed.summary?.counts).toMatchObject({ withdrawn: 1, carriedOver: 2 });
    // The new plan keeps the slot and the cycle: the carried goal is still evaluated there.
    // The 360° round after the deadline evaluates the goal.
    await service.publish(
      service.event('MeasurementRecorded', measuredAgain(me.userId, '2026-12-31T10:00:00.000Z')),
    );
    await eventually(
      'the goal is evaluated',
      async () => (await goalStatus(active)) === 'evaluated',
    );
  });
});
