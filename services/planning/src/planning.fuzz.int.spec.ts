import {
  eventually,
  expectRefusedWithoutEvent,
  fuzzEndpoints,
  harnessFuzzTarget,
} from '@talentloop/testing';
import { goalApproved, PlanningTestApp, TENANT, type Caller } from '../testing/planning-test-app';

const employee: Caller = { userId: 'emp-1001' };
const manager: Caller = { userId: 'mgr-1', roles: 'manager' };
const hr: Caller = { userId: 'hr-1', roles: 'hr' };
const admin: Caller = { userId: 'admin-1', roles: 'admin' };

describe('the planning service, given invalid bodies, ids, query strings and headers', () => {
  let service: PlanningTestApp;
  const known = { planId: '', draftGoalId: '', activeGoalId: '', actionId: '', adjustmentId: '' };

  const json = async <T>(response: Promise<Response>, status: number): Promise<T> => {
    const answer = await response;
    const body = (await answer.json()) as T;
    if (answer.status !== status)
      throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(body)}`);
    return body;
  };

  beforeAll(async () => {
    service = await PlanningTestApp.start();
    await service.publishAssessmentOf(employee.userId, manager.userId, 'gap-7001');
    await eventually('the gap reaches planning', async () =>
      Boolean(await service.readSide.gap(TENANT, 'gap-7001')),
    );
    ({ planId: known.planId } = await json<{ planId: string }>(
      service.request('POST', '/plans', employee, {
        employeeId: employee.userId,
        cycle: '2026-H1',
      }),
      201,
    ));
    const draft = () =>
      json<{ goalId: string }>(
        service.request('POST', `/plans/${known.planId}/goals/draft`, employee, {
          gapId: 'gap-7001',
        }),
        201,
      );
    ({ goalId: known.draftGoalId } = await draft());
    ({ goalId: known.activeGoalId } = await draft());
    await json(service.submit(employee, known.activeGoalId), 200);
    await service.publish(
      service.event('GoalApproved', goalApproved(known.activeGoalId, employee.userId, 1)),
    );
    await eventually(
      'the goal is active',
      async () =>
        (await service.readSide.goal(TENANT, known.activeGoalId))?.state.status === 'active',
    );
    const [adjusted] = await json<{ data: { adjustmentId: string } }[]>(
      service.request('POST', `/goals/${known.activeGoalId}/adjust`, employee, {
        changes: { deadline: '2026-07-31' },
        reason: 'The reorganisation took two months of stand-ups away.',
      }),
      201,
    );
    known.adjustmentId = adjusted?.data.adjustmentId ?? '';
    known.actionId =
      (await service.readSide.goal(TENANT, known.activeGoalId))?.state.content.actions[0]
        ?.actionId ?? '';
  });

  afterAll(() => service.stop());

  /** A POST as the employee with exactly this content type and raw body. */
  const post = async (path: string, contentType: string, payload: string) =>
    fetch(`${service.base}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await service.token(employee)}`,
        'content-type': contentType,
      },
      body: payload,
    });

  const refused = (response: Promise<Response>, status: number) =>
    expectRefusedWithoutEvent(service.store, () => response, status);

  // What the fuzzer found, kept as fixed examples.
  describe('regressions', () => {
    it('given a body over the size limit, answers 413 (was a 500)', () =>
      refused(
        post(
          `/goals/${known.draftGoalId}/withdraw`,
          'application/json',
          `{"reason":"${'x'.repeat(120_000)}"}`,
        ),
        413,
      ));

    it('given an unsupported charset, answers 415 (was a 500)', () =>
      refused(
        post(`/goals/${known.draftGoalId}/withdraw`, 'application/json; charset=bogus', '{}'),
        415,
      ));

    it('given 2000 nested arrays, answers 422 (was a stack overflow, a 500)', () =>
      refused(
        post(
          `/goals/${known.activeGoalId}/check-ins`,
          'application/json',
          `${'['.repeat(2000)}${']'.repeat(2000)}`,
        ),
        422,
      ));

    it('given an adjustment without its changes, answers 422 (was a TypeError, a 500)', () =>
      refused(
        post(
          `/goals/${known.activeGoalId}/adjust`,
          'application/json',
          JSON.stringify({ reason: 'The reorganisation took two months away.' }),
        ),
        422,
      ));

    it('given a check-in without its answers, answers 422', () =>
      refused(
        post(
          `/goals/${known.activeGoalId}/check-ins`,
          'application/json',
          JSON.stringify({ durationMinutes: 20, actionsTicked: [] }),
        ),
        422,
      ));

    it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])(
      'given the unknown field %s, answers 422 (it passed the whitelist and withdrew the goal)',
      (key) =>
        refused(
          post(
            `/goals/${known.draftGoalId}/withdraw`,
            'application/json',
            `{"${key}":"x","reason":"Changed my mind."}`,
          ),
          422,
        ),
    );
  });

  it('answers every route below 500, as problem details without internals, and writes no event', async () => {
    const report = await fuzzEndpoints(harnessFuzzTarget(service), {
      callers: [employee, manager, hr, admin],
      knownIds: {
        planId: [known.planId],
        goalId: [known.draftGoalId, known.activeGoalId],
        actionId: [known.actionId],
        adjustmentId: [known.adjustmentId],
        employeeId: [employee.userId],
      },
    });
    // Cases got past authentication into validation, not only refused at the door.
    expect(report.byStatus[422]).toBeGreaterThan(0);
  });
});
