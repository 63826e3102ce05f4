import { eventually } from '@talentloop/testing';
import { bodyOf, goalApproved, PlanningTestApp, type Caller } from '../testing/planning-test-app';

/** A certification goal, met by its certificate: drafted, approved, evidenced, evaluated. */

const manager: Caller = { userId: 'mgr-1', roles: 'manager' };
const certification = { kind: 'certification', competencyId: 'psm-1', indicatorIds: [] };
const evidence = {
  description: 'Passed the Professional Scrum Master I exam with 92%.',
  reference: 'Certificate 1234-5678',
  obtainedOn: '2026-01-20',
};

interface EventBody {
  type: string;
  data: Record<string, unknown>;
}
interface GoalBody {
  status: string;
  content: { successCriteria: { kind: string; criterionId: string; evidence?: string }[] };
  evidence: Record<string, unknown>[];
  evaluation: { status: string; reasons: { code: string; effect: string }[] } | null;
  history: { event: string; data: Record<string, unknown> }[];
}

describe('a certification goal met by evidence', () => {
  let service: PlanningTestApp;
  let employeeCounter = 0;

  beforeAll(async () => {
    service = await PlanningTestApp.start();
  });

  afterAll(() => service.stop());

  const goal = async (goalId: string, caller: Caller) =>
    bodyOf<GoalBody>(await service.request('GET', `/goals/${goalId}`, caller), 200);

  /** A fresh report of mgr-1 with an approved, active certification goal. */
  const activeCertificationGoal = async () => {
    const { me, planId } = await service.employeeWithPlan(`emp-${7000 + ++employeeCounter}`);
    const { goalId } = await bodyOf<{ goalId: string }>(
      await service.request('POST', `/plans/${planId}/goals/draft`, me, {
        target: certification,
        motivationNote: 'Our team adopts Scrum; I want to facilitate it well.',
      }),
      201,
    );
    const [submitted] = await bodyOf<EventBody[]>(await service.submit(me, goalId), 200);
    expect(submitted).toMatchObject({
      type: 'GoalSubmitted',
      data: { goal: { successCriteria: [{ kind: 'evidence', evidence: 'certificate' }] } },
    });
    await service.publish(service.event('GoalApproved', goalApproved(goalId, me.userId, 1)));
    await eventually(
      'the goal is active',
      async () => (await service.goalStatus(goalId)) === 'active',
    );
    const [criterion] = (await goal(goalId, me)).content.successCriteria;
    return { me, goalId, criterionId: criterion?.criterionId ?? 'none' };
  };

  const recordEvidence = (goalId: string, criterionId: string, caller: Caller, body: object) =>
    service.request('POST', `/goals/${goalId}/criteria/${criterionId}/evidence`, caller, body);

  it('is evaluated as met once the employee recorded the certificate', async () => {
    const { me, goalId, criterionId } = await activeCertificationGoal();

    const [recorded] = await bodyOf<EventBody[]>(
      await recordEvidence(goalId, criterionId, me, evidence),
      201,
    );
    expect(recorded).toMatchObject({
      type: 'CriterionEvidenceRecorded',
      data: { criterionId, evidence: 'certificate', ...evidence, recordedBy: me.userId },
    });
    const shown = await goal(goalId, manager);
    expect(shown.evidence).toEqual([
      expect.objectContaining({ criterionId, evidence: 'certificate', ...evidence }),
    ]);
    expect(shown.evaluation).toEqual({ status: 'evaluable', reasons: [] });

    const [evaluated] = await bodyOf<EventBody[]>(
      await service.request('POST', `/goals/${goalId}/evaluate`, manager),
      200,
    );

    expect(evaluated).toMatchObject({
      type: 'GoalEvaluated',
      data: {
        outcome: 'achieved',
        criteria: [{ kind: 'evidence', criterionId, met: true, evidence: 'certificate' }],
        requestedEarly: true,
      },
    });
    expect((await goal(goalId, me)).status).toBe('evaluated');
  });

  it('without evidence is not evaluated, and says why', async () => {
    const { me, goalId } = await activeCertificationGoal();
    const before = await service.storedEventCount();

    const refused = await service.request('POST', `/goals/${goalId}/evaluate`, manager);

    expect(await bodyOf(refused, 409)).toMatchObject({
      code: 'NO_EVIDENCE_RECORDED',
      detail: expect.stringContaining('no evidence was recorded') as string,
    });
    expect(await service.storedEventCount()).toBe(before);
    expect((await goal(goalId, me)).evaluation).toMatchObject({
      status: 'awaiting-evidence',
      reasons: [
        { code: 'NO_EVIDENCE_RECORDED', effect: 'blocks-evaluation' },
        { code: 'EVIDENCE_NOT_RECORDED', effect: 'criterion-cannot-be-met' },
      ],
    });
  });

  it.each([
    ['no reference', { ...evidence, reference: undefined }, 422],
    ['an empty description', { ...evidence, description: '' }, 422],
    ['a date that is not one', { ...evidence, obtainedOn: '2026-02-30' }, 422],
    ['a date after today', { ...evidence, obtainedOn: '2027-01-01' }, 422],
  ])('with %s is refused, storing nothing', async (_, body, status) => {
    const { me, goalId, criterionId } = await activeCertificationGoal();
    const before = await service.storedEventCount();

    const refused = await recordEvidence(goalId, criterionId, me, body);

    expect(refused.status).toBe(status);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await service.storedEventCount()).toBe(before);
  });

  it('is refused for an unknown criterion (422) and for the manager (403), storing nothing', async () => {
    const { me, goalId, criterionId } = await activeCertificationGoal();
    const before = await service.storedEventCount();

    const unknown = await recordEvidence(goalId, 'crit-9', me, evidence);
    const byManager = await recordEvidence(goalId, criterionId, manager, evidence);

    expect(await bodyOf(unknown, 422)).toMatchObject({ code: 'UNKNOWN_CRITERION' });
    expect(byManager.status).toBe(403);
    expect(await service.storedEventCount()).toBe(before);
  });

  it('is refused for a measured criterion (422) and on a goal not active (409)', async () => {
    const { me, planId, gapId } = await service.employeeWithPlan(`emp-${7000 + ++employeeCounter}`);
    const { goalId } = await service.draft(me, planId, gapId);
    const before = await service.storedEventCount();

    const onDraft = await recordEvidence(goalId, 'crit-1', me, evidence);
    expect(await bodyOf(onDraft, 409)).toMatchObject({ code: 'ILLEGAL_GOAL_TRANSITION' });

    const activeGoalId = await service.activeGoal(me, planId, gapId);
    const afterActivation = await service.storedEventCount();
    const measured = await recordEvidence(activeGoalId, 'crit-1', me, evidence);

    expect(await bodyOf(measured, 422)).toMatchObject({ code: 'NOT_AN_EVIDENCE_CRITERION' });
    expect(afterActivation).toBeGreaterThan(before);
    expect(await service.storedEventCount()).toBe(afterActivation);
  });

  it('records a retried request once (same Idempotency-Key)', async () => {
    const { me, goalId, criterionId } = await activeCertificationGoal();
    const retry = async () =>
      service.requestWithHeaders(
        'POST',
        `/goals/${goalId}/criteria/${criterionId}/evidence`,
        {
          authorization: `Bearer ${await service.token(me)}`,
          'idempotency-key': `evidence-${goalId}`,
        },
        evidence,
      );

    const first = await retry();
    const again = await retry();

    expect([first.status, again.status]).toEqual([201, 201]);
    expect((await goal(goalId, me)).evidence).toHaveLength(1);
  });
});
