import {
  fingerprintOf,
  IDEMPOTENCY_COLLECTION,
  idempotencyRecordIdOf,
  inFlightRecord,
  READ_MODEL_STORE,
  type IdempotencyRecord,
} from '@talentloop/service-kit';
import type { ReadModelStore } from '@talentloop/read-models';
import { eventually } from '@talentloop/testing';
import { randomUUID } from 'node:crypto';
import { PlanningTestApp, TENANT, type Caller } from '../testing/planning-test-app';

interface Drafted {
  goalId: string;
}
interface Problem {
  status: number;
  code: string;
}

describe('safe retries of planning POSTs with an Idempotency-Key', () => {
  let service: PlanningTestApp;
  let employeeCounter = 0;

  beforeAll(async () => {
    service = await PlanningTestApp.start();
  });

  afterAll(() => service.stop());

  const readModels = () => service.app.get<ReadModelStore>(READ_MODEL_STORE);

  /** A POST as the caller, with the key when one is given. */
  const post = async (path: string, caller: Caller, body: unknown, key?: string) =>
    service.requestWithHeaders(
      'POST',
      path,
      {
        authorization: `Bearer ${await service.token(caller)}`,
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      body,
    );

  /** A fresh employee with manager mgr-1 and a gap, known to planning, with a started plan. */
  const employeeWithPlan = async () => {
    const me: Caller = { userId: `emp-${3000 + ++employeeCounter}` };
    const gapId = `gap-${me.userId}`;
    await service.publishAssessmentOf(me.userId, 'mgr-1', gapId);
    await eventually('the gap reaches planning', async () =>
      Boolean(await service.readSide.gap(TENANT, gapId)),
    );
    const started = await service.request('POST', '/plans', me, {
      employeeId: me.userId,
      cycle: '2026-H1',
    });
    expect(started.status).toBe(201);
    const { planId } = (await started.json()) as { planId: string };
    return { me, gapId, planId, draftPath: `/plans/${planId}/goals/draft` };
  };

  /** The goals drafted into the plan, as the store has them. */
  const draftedGoalIds = async (planId: string) =>
    (await service.store.readAll())
      .filter((event) => event.type === 'GoalDrafted')
      .map((event) => event.data as { planId: string; goalId: string })
      .filter((data) => data.planId === planId)
      .map((data) => data.goalId);

  /** Where the key of the caller's draft request is recorded. */
  const recordIdOf = (me: Caller, path: string, key: string) =>
    idempotencyRecordIdOf({ tenantId: TENANT, userId: me.userId, method: 'POST', path }, key);

  it('answers a retried draft with the first response, marked as replayed, and drafts one goal', async () => {
    const { me, gapId, planId, draftPath } = await employeeWithPlan();
    const key = randomUUID();

    const first = await post(draftPath, me, { gapId }, key);
    const retry = await post(draftPath, me, { gapId }, key);

    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const body = (await first.json()) as Drafted;
    expect(await retry.json()).toEqual(body);
    expect(await draftedGoalIds(planId)).toEqual([body.goalId]);
  });

  it('refuses the key with another body (422) and appends nothing', async () => {
    const { me, gapId, draftPath } = await employeeWithPlan();
    const key = randomUUID();
    expect((await post(draftPath, me, { gapId }, key)).status).toBe(201);
    const stored = await service.storedEventCount();

    const reused = await post(draftPath, me, { gapId, language: 'de' }, key);

    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await reused.json()).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await service.storedEventCount()).toBe(stored);
  });

  it('drafts two goals from two requests without a key, as before', async () => {
    const { me, gapId, planId, draftPath } = await employeeWithPlan();

    const responses = [await post(draftPath, me, { gapId }), await post(draftPath, me, { gapId })];

    expect(responses.map((response) => response.status)).toEqual([201, 201]);
    expect(await draftedGoalIds(planId)).toHaveLength(2);
  });

  it('drafts one goal from ten concurrent requests with one key; the others replay it or are told to retry', async () => {
    const { me, gapId, planId, draftPath } = await employeeWithPlan();
    const key = randomUUID();

    const headers = { authorization: `Bearer ${await service.token(me)}`, 'idempotency-key': key };

    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        service.requestWithHeaders('POST', draftPath, headers, { gapId }),
      ),
    );

    const answered = responses.filter((response) => response.status === 201);
    const inUse = responses.filter((response) => response.status === 409);
    expect(answered.length + inUse.length).toBe(10);
    expect(
      answered.filter((response) => !response.headers.has('idempotent-replayed')),
    ).toHaveLength(1);
    const goalIds = new Set(
      await Promise.all(
        answered.map(async (response) => ((await response.json()) as Drafted).goalId),
      ),
    );
    for (const response of inUse) {
      expect(response.headers.get('retry-after')).toBe('1');
      expect(await response.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_USE' });
    }
    expect(await draftedGoalIds(planId)).toEqual([...goalIds]);
  });

  it.each([
    ['longer than 255 characters', 'k'.repeat(256)],
    ['not ASCII', 'clé'],
  ])('refuses a key %s with 400, doing nothing', async (_, key) => {
    const { me, gapId, planId, draftPath } = await employeeWithPlan();

    const response = await post(draftPath, me, { gapId }, key);

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID' });
    expect(await draftedGoalIds(planId)).toEqual([]);
  });

  it('leaves no record for a request refused with 401 or 403: the key then runs for its caller', async () => {
    const { me, gapId, draftPath } = await employeeWithPlan();
    const key = randomUUID();
    const records = await readModels().count(IDEMPOTENCY_COLLECTION);

    const unauthenticated = await service.requestWithHeaders(
      'POST',
      draftPath,
      { authorization: 'Bearer not-a-token', 'idempotency-key': key },
      { gapId },
    );
    const forbidden = await post(draftPath, { userId: 'emp-9999' }, { gapId }, key);

    expect([unauthenticated.status, forbidden.status]).toEqual([401, 403]);
    expect(await readModels().count(IDEMPOTENCY_COLLECTION)).toBe(records);
    const mine = await post(draftPath, me, { gapId }, key);
    expect(mine.status).toBe(201);
    expect(mine.headers.get('idempotent-replayed')).toBeNull();
  });

  it('runs a retry after an error again: the corrected request under the same key drafts the goal', async () => {
    const { me, gapId, planId, draftPath } = await employeeWithPlan();
    const key = randomUUID();

    const invalid = await post(draftPath, me, { gapId, colour: 'blue' }, key);
    const corrected = await post(draftPath, me, { gapId }, key);

    // Only successes are kept: the failed request's record went with its error.
    expect(invalid.status).toBe(422);
    expect((await invalid.json()) as Problem).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get('idempotent-replayed')).toBeNull();
    expect(await draftedGoalIds(planId)).toEqual([((await corrected.json()) as Drafted).goalId]);
  });

  it('tells a retry while the first request is in flight to come back (409, Retry-After)', async () => {
    const { me, gapId, planId, draftPath } = await employeeWithPlan();
    const key = randomUUID();
    // The first request, still running somewhere (another instance, say).
    const fingerprint = fingerprintOf({ parsed: true, body: { gapId }, query: {} });
    await readModels().write(IDEMPOTENCY_COLLECTION, [
      {
        id: recordIdOf(me, draftPath, key),
        doc: inFlightRecord(fingerprint, Date.now()),
        sources: {},
        expectedVersion: 0,
      },
    ]);

    const retry = await post(draftPath, me, { gapId }, key);

    expect(retry.status).toBe(409);
    expect(retry.headers.get('retry-after')).toBe('1');
    expect(await retry.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_USE' });
    expect(await draftedGoalIds(planId)).toEqual([]);
  });

  it('takes the key over from a process that died after appending, and appends nothing twice', async () => {
    const { me, gapId, planId, draftPath } = await employeeWithPlan();
    const key = randomUUID();
    const first = await post(draftPath, me, { gapId }, key);
    const answer = (await first.json()) as Drafted;
    // The process died between the append and the record: the record is still in flight, and
    // was started longer ago than any request takes.
    const id = recordIdOf(me, draftPath, key);
    const stored = (await readModels().load<IdempotencyRecord>(IDEMPOTENCY_COLLECTION, [id])).get(
      id,
    );
    await readModels().write(IDEMPOTENCY_COLLECTION, [
      {
        id,
        doc: inFlightRecord(stored!.doc.fingerprint, Date.now() - 10 * 60_000),
        sources: {},
        expectedVersion: stored!.version,
      },
    ]);

    const retry = await post(draftPath, me, { gapId }, key);

    // It ran again, under the key's ids: the same goal, drafted once, the same answer.
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await retry.json()).toEqual(answer);
    expect(await draftedGoalIds(planId)).toEqual([answer.goalId]);
  });
});
