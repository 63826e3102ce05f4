import { eventually } from '@talentloop/testing';
import { bodyOf, PlanningTestApp, TENANT, type Caller } from '../testing/planning-test-app';

/**
 * The SMART check of a goal as it is now (`GET /goals/:goalId/smart-check`): its current
 * content checked on today's date, in the reader's language, for whoever reads the goal.
 */

interface SmartCheckBody {
  goalId: string;
  checkedOn: string;
  checks: { property: string; passed: boolean; explanation: string }[];
}
interface Problem {
  code: string;
  detail: string;
}

const manager: Caller = { userId: 'mgr-1', roles: 'manager' };
const otherManager: Caller = { userId: 'mgr-2', roles: 'manager' };
const hr: Caller = { userId: 'hr-1', roles: 'hr' };

describe('the SMART check of a goal as it is now', () => {
  let service: PlanningTestApp;
  let counter = 0;

  beforeAll(async () => {
    service = await PlanningTestApp.start();
  });

  afterAll(() => service.stop());

  const draftedGoal = async () => {
    const { me, planId, gapId } = await service.employeeWithPlan(`emp-${9100 + ++counter}`);
    const { goalId } = await service.draft(me, planId, gapId);
    return { me, goalId };
  };

  const smartCheck = async (goalId: string, caller: Caller, status = 200) =>
    bodyOf<SmartCheckBody>(
      await service.request('GET', `/goals/${goalId}/smart-check`, caller),
      status,
    );

  const failed = (body: SmartCheckBody) =>
    body.checks.filter((check) => !check.passed).map((check) => check.property);

  it('checks a drafted goal: SMART but for the agreement the employee has not given yet', async () => {
    const { me, goalId } = await draftedGoal();
    const body = await smartCheck(goalId, me);
    expect(body.goalId).toBe(goalId);
    expect(body.checkedOn).toBe('2026-02-02');
    expect(body.checks.map((check) => check.property)).toEqual([
      'specific',
      'measurable',
      'achievable',
      'acceptable',
      'relevant',
      'time-bound',
    ]);
    expect(failed(body)).toEqual(['acceptable']);
    await bodyOf(await service.agree(me, goalId), 200);
    expect(failed(await smartCheck(goalId, me))).toEqual([]);
  });

  it('says so after an edit breaks a property, and stores nothing', async () => {
    const { me, goalId } = await draftedGoal();
    await bodyOf(await service.agree(me, goalId), 200);
    await bodyOf(
      await service.request('PATCH', `/goals/${goalId}`, me, {
        behaviour: 'Listening',
        deadline: '2027-06-30',
      }),
      200,
    );
    await eventually(
      'the edit is read',
      async () =>
        (await service.readSide.goal(TENANT, goalId))?.state.content.behaviour === 'Listening',
    );
    const before = await service.storedEventCount();
    const body = await smartCheck(goalId, me);
    // The edit asks for the agreement again, as the submission would.
    expect(failed(body)).toEqual(['specific', 'acceptable', 'time-bound']);
    expect(body.checks.find((check) => check.property === 'time-bound')?.explanation).toMatch(
      /^deadline 2027-06-30 /,
    );
    expect(await service.storedEventCount()).toBe(before);
  });

  it('explains in Dutch with accept-language: nl, the properties unchanged', async () => {
    const { me, goalId } = await draftedGoal();
    const body = await bodyOf<SmartCheckBody>(
      await service.requestWithHeaders('GET', `/goals/${goalId}/smart-check`, {
        authorization: `Bearer ${await service.token(me)}`,
        'accept-language': 'nl',
      }),
      200,
    );
    expect(body.checks.find((check) => check.property === 'time-bound')?.explanation).toMatch(
      /^deadline \S+ valt binnen 3–6 maanden$/,
    );
    const english = await smartCheck(goalId, me);
    expect(english.checks.find((check) => check.property === 'time-bound')?.explanation).toMatch(
      /^deadline \S+ lies within 3–6 months$/,
    );
  });

  it('checks an active goal as an adjustment would, for its manager and HR', async () => {
    const { me, planId, gapId } = await service.employeeWithPlan(`emp-${9100 + ++counter}`);
    const goalId = await service.activeGoal(me, planId, gapId);
    for (const reader of [me, manager, hr])
      expect(failed(await smartCheck(goalId, reader))).toEqual([]);
  });

  it("refuses another employee and another manager's manager (403), as reading the goal does", async () => {
    const { goalId } = await draftedGoal();
    const colleague: Caller = { userId: 'emp-9199' };
    for (const caller of [colleague, otherManager]) {
      const refusal = await bodyOf<Problem>(
        await service.request('GET', `/goals/${goalId}/smart-check`, caller),
        403,
      );
      expect(refusal.code).toBe('FORBIDDEN');
      const goal = await service.request('GET', `/goals/${goalId}`, caller);
      expect(goal.status).toBe(403);
    }
    expect(failed(await smartCheck(goalId, manager))).toEqual(['acceptable']);
  });

  it('answers 404 problem+json for a goal unknown in the tenant', async () => {
    const { me } = await draftedGoal();
    const response = await service.request('GET', '/goals/goal-unknown/smart-check', me);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await bodyOf<Problem>(response, 404)).code).toBe('NOT_FOUND');
    const elsewhere = await draftedGoal();
    const otherTenant = await service.request('GET', `/goals/${elsewhere.goalId}/smart-check`, {
      userId: elsewhere.me.userId,
      tenantId: 'another-tenant',
    });
    expect(otherTenant.status).toBe(404);
  });
});
