import { EmployeeSynced, MeasurementRecorded, RoleProfileDefined } from '@talentloop/contracts';
import { eventually } from '@talentloop/testing';
import {
  adjustmentApproved,
  bodyOf,
  goalApproved,
  goalRejected,
  PlanningTestApp,
  measuredAgain,
  TENANT,
  type Caller,
} from '../testing/planning-test-app';

const employee: Caller = { userId: 'emp-1001' };
const manager: Caller = { userId: 'mgr-1', roles: 'manager' };
const answers = {
  whatWasDone: 'Summarised every speaker in two stand-ups.',
  whatGoesWellAndWhatIsHard: 'Summaries go well; holding back my own view is hard.',
  whatIsNext: 'Ask one deepening question per meeting.',
};

interface EventBody {
  type: string;
  data: Record<string, unknown>;
}
interface Problem {
  status: number;
  code: string;
  detail: string;
  smartChecks?: { property: string; passed: boolean; explanation: string }[];
}
interface GoalBody {
  status: string;
  content: { title: string; deadline: string; actions: { actionId: string }[] };
  drafted: { title: string };
  completedActionIds: string[];
  nextCheckInDueAt: string | null;
  unacknowledgedAdjustments: string[];
  rejection: { feedback: string } | null;
  history: { event: string; by: string; data: Record<string, unknown> }[];
}

describe('the planning service over HTTP', () => {
  let service: PlanningTestApp;
  let employeeCounter = 0;

  beforeAll(async () => {
    service = await PlanningTestApp.start({ PLANNING_MAX_ACTIVE_GOALS: '{"globex":2}' });
  });

  afterAll(() => service.stop());

  const json = bodyOf;

  /** A fresh employee with manager mgr-1 and a gap, known to planning, with a started plan. */
  const employeeWithPlan = () => service.employeeWithPlan(`emp-${2000 + ++employeeCounter}`);
  const draft = (me: Caller, planId: string, gapId: string) => service.draft(me, planId, gapId);
  const submit = (me: Caller, goalId: string) => service.submit(me, goalId);
  const goal = async (goalId: string, caller: Caller = employee) =>
    json<GoalBody>(await service.request('GET', `/goals/${goalId}`, caller), 200);
  const goalStatus = (goalId: string) => service.goalStatus(goalId);
  const activeGoal = (me: Caller, planId: string, gapId: string) =>
    service.activeGoal(me, planId, gapId);

  it('runs draft → edit → submit → approval → check-ins → adjustment → remeasurement → evaluation', async () => {
    await service.publishAssessmentOf(employee.userId, 'mgr-1', 'gap-7001');
    await eventually('the gap reaches planning', async () =>
      Boolean(await service.readSide.gap(TENANT, 'gap-7001')),
    );
    const { planId } = await json<{ planId: string }>(
      await service.request('POST', '/plans', employee, {
        employeeId: employee.userId,
        cycle: '2026-H1',
      }),
      201,
    );

    const drafted = await draft(employee, planId, 'gap-7001');
    expect(drafted.drafter).toEqual({
      kind: 'deterministic',
      model: null,
      fallbackReason: null,
      promptVersion: null,
      contextGiven: [],
    });
    expect(drafted.smartChecks.every((check) => check.passed)).toBe(true);
    const { goalId } = drafted;

    const title = 'Listen first in stand-ups and design reviews';
    await json(await service.request('PATCH', `/goals/${goalId}`, employee, { title }), 200);
    const submitted = await json<EventBody[]>(await submit(employee, goalId), 200);
    expect(submitted.map((event) => event.type)).toEqual(['GoalSubmitted']);
    expect(submitted[0].data).toMatchObject({ managerId: 'mgr-1', submissionNumber: 1 });

    await service.publish(service.event('GoalApproved', goalApproved(goalId, employee.userId, 1)));
    await eventually('the goal is active', async () => (await goalStatus(goalId)) === 'active');
    const active = await goal(goalId);
    expect(active.content.title).toBe(title);
    expect(active.drafted.title).not.toBe(title);
    expect(active.nextCheckInDueAt).toBe('2026-02-16T10:00:00.000Z');

    const [practice, feedback] = active.content.actions.map((action) => action.actionId);
    const checkIns: EventBody[][] = [];
    for (const [days, ticked] of [
      [14, []],
      [14, [practice]],
      [20, [feedback]],
    ] as const) {
      service.clock.advanceDays(days);
      checkIns.push(
        await json<EventBody[]>(
          await service.request('POST', `/goals/${goalId}/check-ins`, employee, {
            answers,
            durationMinutes: 20,
            actionsTicked: ticked,
          }),
          201,
        ),
      );
    }
    expect(checkIns.map((events) => events.map((event) => event.type))).toEqual([
      ['CheckInLogged'],
      ['ActionCompleted', 'CheckInLogged'],
      ['ActionCompleted', 'CheckInLogged'],
    ]);
    expect(checkIns.map((events) => events.at(-1)?.data.onTime)).toEqual([true, true, false]);
    expect(checkIns[2].at(-1)?.data.nextDueAt).toBe('2026-04-05T10:00:00.000Z');

    const [adjusted] = await json<EventBody[]>(
      await service.request('POST', `/goals/${goalId}/adjust`, employee, {
        changes: { deadline: '2026-07-31' },
        reason: 'The reorganisation took two months of stand-ups away.',
      }),
      201,
    );
    expect(adjusted.data.requiresAcknowledgement).toBe(true);
    const adjustmentId = String(adjusted.data.adjustmentId);
    await eventually('the manager sees the adjustment', async () =>
      Boolean((await service.readSide.goal(TENANT, goalId))?.state.pendingAdjustments.length),
    );
    expect((await goal(goalId, manager)).unacknowledgedAdjustments).toEqual([adjustmentId]);
    // The manager agrees in approval, whose decision planning records as acknowledged.
    await service.publish(
      service.event(
        'AdjustmentApproved',
        adjustmentApproved(goalId, employee.userId, adjustmentId),
      ),
    );
    await eventually('the agreement is recorded', async () =>
      (await goal(goalId)).history.some((entry) => entry.event === 'GoalAdjustmentAcknowledged'),
    );

    // A 360° round before the deadline is progress against the baseline frozen at activation;
    // the manager asks for the evaluation early.
    await service.publish(
      service.event(
        'MeasurementRecorded',
        measuredAgain(employee.userId, service.clock.now().toISOString()),
      ),
    );
    await eventually('the progress is recorded', async () =>
      (await goal(goalId)).history.some((entry) => entry.event === 'GoalProgressMeasured'),
    );
    const evaluate = `/goals/${goalId}/evaluate`;
    expect((await service.request('POST', evaluate, employee)).status).toBe(403);
    await json(await service.request('POST', evaluate, manager), 200);
    await eventually(
      'the goal is evaluated',
      async () => (await goalStatus(goalId)) === 'evaluated',
    );
    const evaluated = await goal(goalId, manager);
    expect(evaluated.completedActionIds).toEqual([practice, feedback]);
    expect(evaluated.history.map((entry) => entry.event)).toEqual([
      'GoalDrafted',
      'GoalEdited',
      'GoalAgreed',
      'GoalSubmitted',
      'GoalActivated',
      'CheckInLogged',
      'ActionCompleted',
      'CheckInLogged',
      'ActionCompleted',
      'CheckInLogged',
      'GoalAdjusted',
      'GoalAdjustmentAcknowledged',
      'GoalProgressMeasured',
      'GoalEvaluated',
    ]);
    expect(evaluated.history[1]).toMatchObject({
      by: employee.userId,
      data: { changes: { title } },
    });
    expect(evaluated.history.at(-1)?.data).toMatchObject({
      outcome: 'achieved',
      lessRobust: false,
      requestedEarly: true,
      criteria: [
        {
          met: true,
          baseline: 45,
          remeasured: 62,
          baselineMeasurementId: 'msr-5001',
          measurementId: 'msr-5090',
          indicators: [{ indicatorId: 'active-listening', baseline: 45, remeasured: 62 }],
        },
      ],
    });
  });

  it('runs reject → revise → resubmit, keeping the feedback', async () => {
    const { me, gapId, planId } = await employeeWithPlan();
    const { goalId } = await draft(me, planId, gapId);
    await json(await submit(me, goalId), 200);
    const rejection = service.event('GoalRejected', goalRejected(goalId, me.userId, 1));
    await service.publish(rejection);
    // The goal's stream records the rejection; the feedback comes with approval's event.
    await eventually(
      'the rejection reaches planning',
      async () =>
        (await goalStatus(goalId)) === 'rejected' &&
        Boolean(await service.readSide.rejectionOf(TENANT, goalId)),
    );
    const rejected = await goal(goalId, me);
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejection: { feedback: goalRejected(goalId, me.userId, 1).feedback },
    });
    // In the goal's own history: ids, the submission and when, never the feedback.
    expect(rejected.history.at(-1)).toMatchObject({
      event: 'GoalSubmissionRejected',
      by: rejection.metadata.actorId,
      data: {
        goalId,
        employeeId: me.userId,
        approvalRequestId: `apr-${goalId}`,
        submissionNumber: 1,
        rejectedBy: 'mgr-1',
        rejectedAt: rejection.metadata.occurredAt,
      },
    });
    expect(JSON.stringify(rejected.history)).not.toContain(
      goalRejected(goalId, me.userId, 1).feedback,
    );

    await json(
      await service.request('PATCH', `/goals/${goalId}`, me, {
        situation: 'In every sprint review with the client.',
      }),
      200,
    );
    await eventually('the goal is revised', async () => (await goalStatus(goalId)) === 'revised');
    const [resubmitted] = await json<EventBody[]>(await submit(me, goalId), 200);
    expect(resubmitted.data.submissionNumber).toBe(2);
  });

  it('refuses illegal transitions with 409 naming the state', async () => {
    const { me, gapId, planId } = await employeeWithPlan();
    const { goalId } = await draft(me, planId, gapId);
    const checkIn = await service.request('POST', `/goals/${goalId}/check-ins`, me, {
      answers,
      durationMinutes: 20,
      actionsTicked: [],
    });
    expect(await json<Problem>(checkIn, 409)).toMatchObject({
      code: 'ILLEGAL_GOAL_TRANSITION',
      detail: 'a draft goal cannot be checked in on',
      currentState: 'draft',
    });
    await json(await submit(me, goalId), 200);
    await eventually(
      'the goal is submitted',
      async () => (await goalStatus(goalId)) === 'submitted',
    );
    expect(
      await json<Problem>(
        await service.request('PATCH', `/goals/${goalId}`, me, { title: 'Another title' }),
        409,
      ),
    ).toMatchObject({ detail: 'a submitted goal cannot be edited', currentState: 'submitted' });
  });

  it("accepts check-ins far outside 15–30 minutes and flags them in the goal's history", async () => {
    // given an active goal
    const { me, gapId, planId } = await employeeWithPlan();
    const goalId = await activeGoal(me, planId, gapId);

    // when check-ins of 5, 20 and 90 minutes are logged
    for (const durationMinutes of [5, 20, 90]) {
      const [logged] = await json<EventBody[]>(
        await service.request('POST', `/goals/${goalId}/check-ins`, me, {
          answers,
          durationMinutes,
          actionsTicked: [],
        }),
        201,
      );
      expect(logged.data.durationMinutes).toBe(durationMinutes);
    }

    // then each is in the history with its duration, the short and long ones flagged
    const { history } = await goal(goalId, me);
    const expectedMinutes = { min: 15, max: 30 };
    expect(history.filter((entry) => entry.event === 'CheckInLogged')).toMatchObject([
      {
        data: { durationMinutes: 5 },
        checkInLength: {
          durationMinutes: 5,
          length: 'short',
          outsideExpectedRange: true,
          expectedMinutes,
        },
      },
      {
        checkInLength: {
          durationMinutes: 20,
          length: 'within',
          outsideExpectedRange: false,
          expectedMinutes,
        },
      },
      {
        checkInLength: {
          durationMinutes: 90,
          length: 'long',
          outsideExpectedRange: true,
          expectedMinutes,
        },
      },
    ]);
    expect(history.find((entry) => entry.event === 'GoalActivated')).not.toHaveProperty(
      'checkInLength',
    );
  });

  it('refuses to submit while a SMART check fails, with 422 listing the failed checks', async () => {
    const { me, gapId, planId } = await employeeWithPlan();
    const { goalId } = await draft(me, planId, gapId);
    await json(
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
    await json(await service.agree(me, goalId), 200);
    const before = await service.storedEventCount();
    const refusal = await json<Problem>(await submit(me, goalId), 422);
    expect(refusal.code).toBe('SMART_CHECK_FAILED');
    expect(refusal.smartChecks?.filter((c) => !c.passed).map((c) => c.property)).toEqual([
      'specific',
      'time-bound',
    ]);
    expect(refusal.detail).toMatch(/specific: .*; time-bound: deadline 2027-06-30/);
    expect(await service.storedEventCount()).toBe(before);
  });

  it('answers in the language Accept-Language asks for, the codes unchanged', async () => {
    const { me, gapId, planId } = await employeeWithPlan();
    const dutch = {
      authorization: `Bearer ${await service.token(me)}`,
      'accept-language': 'nl-NL,nl;q=0.9,en;q=0.5',
    };
    const drafted = await json<{
      goalId: string;
      smartChecks: NonNullable<Problem['smartChecks']>;
    }>(
      await service.requestWithHeaders('POST', `/plans/${planId}/goals/draft`, dutch, { gapId }),
      201,
    );
    expect(drafted.smartChecks.find((c) => c.property === 'time-bound')?.explanation).toMatch(
      /^deadline \S+ valt binnen 3–6 maanden$/,
    );
    await json(
      await service.request('PATCH', `/goals/${drafted.goalId}`, me, {
        behaviour: 'Listening',
        deadline: '2027-06-30',
      }),
      200,
    );
    await eventually(
      'the edit is read',
      async () =>
        (await service.readSide.goal(TENANT, drafted.goalId))?.state.content.behaviour ===
        'Listening',
    );
    const path = `/goals/${drafted.goalId}/submit`;
    const refusal = await json<Problem>(await service.requestWithHeaders('POST', path, dutch), 422);
    expect(refusal.code).toBe('SMART_CHECK_FAILED');
    expect(refusal.detail).toMatch(
      /^het doel is nog niet SMART: specifiek: het gedrag .*; tijdgebonden: deadline 2027-06-30 valt buiten/,
    );
    expect(refusal.smartChecks?.[0]?.explanation).toMatch(/^het gedrag dat je wilt ontwikkelen/);
    const english = await json<Problem>(await submit(me, drafted.goalId), 422);
    expect(english.detail).toMatch(/^the goal is not SMART yet: specific: the behaviour/);
  });

  it("submits a goal only with its employee's agreement to it as it stands (acceptable)", async () => {
    const { me, planId, gapId } = await employeeWithPlan();
    const { goalId } = await draft(me, planId, gapId);
    const agreement = (caller: Caller, motivation: unknown) =>
      service.request('POST', `/goals/${goalId}/agreement`, caller, { motivation });
    const submitNow = () => service.request('POST', `/goals/${goalId}/submit`, me);

    // Not agreed yet: refused, naming the agreement, nothing stored.
    const before = await service.storedEventCount();
    const refused = await json<Problem>(await submitNow(), 422);
    expect(refused.code).toBe('SMART_CHECK_FAILED');
    expect(refused.detail).toMatch(/acceptable: the employee has not agreed to the goal/);
    expect(refused.smartChecks?.find((c) => c.property === 'acceptable')?.passed).toBe(false);
    // Nobody agrees for the employee; a motivation of a word is not one; nothing is stored.
    await json(await agreement(manager, 'They will do well at this.'), 403);
    const tooShort = await json<Problem>(await agreement(me, 'ok'), 422);
    expect(tooShort.status).toBe(422);
    expect(await service.storedEventCount()).toBe(before);

    const motivation = 'My team asked me to let them finish before I answer.';
    const agreed = await json<EventBody[]>(await agreement(me, motivation), 200);
    expect(agreed.map((event) => event.type)).toEqual(['GoalAgreed']);
    // A change after the agreement asks for it again.
    await json(
      await service.request('PATCH', `/goals/${goalId}`, me, {
        title: 'Listen first, then answer',
      }),
      200,
    );
    expect((await json<Problem>(await submitNow(), 422)).detail).toMatch(/acceptable/);
    await json(await agreement(me, motivation), 200);
    const [submitted] = await json<EventBody[]>(await submitNow(), 200);
    const checks = submitted?.data.smartChecks as { property: string; passed: boolean }[];
    expect(checks.map((check) => check.property)).toContain('acceptable');
    expect(checks.every((check) => check.passed)).toBe(true);

    // The manager reads the motivation with the goal; lists and read models keep none.
    const seen = await json<GoalBody & { agreement: { motivation: string; agreedBy: string } }>(
      await service.request('GET', `/goals/${goalId}`, manager),
      200,
    );
    expect(seen.agreement).toEqual({ motivation, agreedBy: me.userId });
    await eventually('the submission is read', async () =>
      (await service.readSide.goalsOf(TENANT, me.userId)).some(
        ({ state }) => state.goalId === goalId && state.status === 'submitted',
      ),
    );
    const listed = await service.readSide.goalsOf(TENANT, me.userId);
    expect(listed.find(({ state }) => state.goalId === goalId)?.state.agreement).toEqual({
      motivation: null,
      agreedBy: me.userId,
    });
    // Submitted, it is no longer agreed to: that is what the submission carried.
    await json(await agreement(me, motivation), 409);
  });

  it('bounds a goal drafted from a target by the latest measurement and the current role', async () => {
    const { me, planId } = await employeeWithPlan();
    // The employee moved to a role whose profile asks level 3; a manager observation followed.
    await service.publish(
      service.event('EmployeeSynced', {
        ...EmployeeSynced.example,
        employeeId: me.userId,
        managerId: 'mgr-1',
        roleId: 'analyst',
      }),
      service.event('RoleProfileDefined', {
        ...RoleProfileDefined.example,
        roleId: 'analyst',
        name: 'Analyst',
        requiredCompetencies: [{ competencyId: 'collaboration', requiredLevel: 3, weight: 0.5 }],
      }),
      service.event('MeasurementRecorded', {
        ...MeasurementRecorded.example,
        measurementId: `msr-${me.userId}`,
        employeeId: me.userId,
        instrument: 'manager-observation',
        robustness: 'less-robust',
        aptitude: 60,
        behaviour: 50,
        measuredAt: '2026-02-20T10:00:00.000Z',
      }),
    );
    await eventually(
      'the measurement and the role profile reach planning',
      async () =>
        (await service.readSide.latestMeasurement(TENANT, me.userId, 'collaboration'))
          ?.measurementId === `msr-${me.userId}` &&
        (await service.readSide.currentRoleProfile(TENANT, me.userId))?.requiredCompetencies.some(
          (required) => required.competencyId === 'collaboration' && required.requiredLevel === 3,
        ) === true,
    );

    const target = { kind: 'competency', competencyId: 'collaboration', indicatorIds: [] };
    const drafted = await json<{
      goalId: string;
      smartChecks: NonNullable<Problem['smartChecks']>;
    }>(await service.request('POST', `/plans/${planId}/goals/draft`, me, { target }), 201);
    const explanationOf = (property: string) =>
      drafted.smartChecks.find((check) => check.property === property)?.explanation;
    expect(explanationOf('achievable')).toMatch(
      /^targets stay within aptitude 60 .* \(measured by manager-observation on 2026-02-20\)$/,
    );
    expect(explanationOf('relevant')).toBe('the role profile requires Collaboration at level 3');

    // Asking 80 of someone measured at aptitude 60 is refused at submission.
    const { content } = await json<{ content: { successCriteria: { target: number }[] } }>(
      await service.request('GET', `/goals/${drafted.goalId}`, me),
      200,
    );
    const successCriteria = content.successCriteria.map((criterion) => ({
      ...criterion,
      target: 80,
    }));
    await json(
      await service.request('PATCH', `/goals/${drafted.goalId}`, me, { successCriteria }),
      200,
    );
    await json(await service.agree(me, drafted.goalId), 200);
    const before = await service.storedEventCount();
    const refusal = await json<Problem>(await submit(me, drafted.goalId), 422);
    expect(refusal.smartChecks?.find((check) => !check.passed)).toMatchObject({
      property: 'achievable',
      explanation: expect.stringMatching(/targets 80, above the aptitude of 60$/) as unknown,
    });
    expect(await service.storedEventCount()).toBe(before);
  });

  it('keeps the motivation given with the draft: it makes the goal relevant at submission too', async () => {
    const { me, planId } = await employeeWithPlan();
    // The employee's role does not ask for collaboration: only their motivation makes it relevant.
    await service.publish(
      service.event('EmployeeSynced', {
        ...EmployeeSynced.example,
        employeeId: me.userId,
        managerId: 'mgr-1',
        roleId: 'designer',
      }),
      service.event('RoleProfileDefined', {
        ...RoleProfileDefined.example,
        roleId: 'designer',
        name: 'Designer',
        requiredCompetencies: [{ competencyId: 'communication', requiredLevel: 3, weight: 1 }],
      }),
    );
    await eventually(
      'the role profile reaches planning',
      async () =>
        (await service.readSide.currentRoleProfile(TENANT, me.userId))?.roleId === 'designer',
    );
    const target = { kind: 'competency', competencyId: 'collaboration', indicatorIds: [] };
    const motivationNote = 'I lead the design critiques and want people to feel heard.';
    const motivated = await json<{ goalId: string }>(
      await service.request('POST', `/plans/${planId}/goals/draft`, me, { target, motivationNote }),
      201,
    );
    const unmotivated = await json<{ goalId: string }>(
      await service.request('POST', `/plans/${planId}/goals/draft`, me, { target }),
      201,
    );

    await json(await submit(me, motivated.goalId), 200);
    expect(
      await json<{ motivationNote: string | null }>(
        await service.request('GET', `/goals/${motivated.goalId}`, manager),
        200,
      ),
    ).toMatchObject({ motivationNote });
    const refusal = await json<Problem>(await submit(me, unmotivated.goalId), 422);
    expect(refusal.smartChecks?.filter((check) => !check.passed)).toEqual([
      {
        property: 'relevant',
        passed: false,
        explanation:
          'Collaboration is not in the role profile and no motivation explains why it matters',
      },
    ]);
  });

  it('evaluates a goal by itself on a measurement at its deadline, against the frozen baseline', async () => {
    const { me, gapId, planId } = await employeeWithPlan();
    const goalId = await activeGoal(me, planId, gapId);
    const { content } = await goal(goalId, me);
    // A round closed after approval is progress; the one at the deadline is the evaluation.
    await service.publish(
      service.event('MeasurementRecorded', {
        ...measuredAgain(me.userId, '2026-03-01T10:00:00.000Z'),
        measurementId: `msr-${me.userId}-interim`,
        behaviour: 50,
      }),
      service.event(
        'MeasurementRecorded',
        measuredAgain(me.userId, `${content.deadline}T16:00:00.000Z`),
      ),
    );
    await eventually(
      'the goal is evaluated',
      async () => (await goalStatus(goalId)) === 'evaluated',
    );
    const { history } = await goal(goalId, me);
    expect(history.map((entry) => entry.event).slice(-2)).toEqual([
      'GoalProgressMeasured',
      'GoalEvaluated',
    ]);
    expect(history.at(-1)?.data).toMatchObject({
      requestedEarly: false,
      criteria: [{ baseline: 45, baselineMeasurementId: 'msr-5001', measurementId: 'msr-5090' }],
    });
  });

  it('refuses a fourth committed goal, naming the cap', async () => {
    const { me, gapId, planId } = await employeeWithPlan();
    for (let n = 0; n < 3; n++) await activeGoal(me, planId, gapId);
    const { goalId } = await draft(me, planId, gapId);
    expect(await json<Problem>(await submit(me, goalId), 409)).toMatchObject({
      code: 'ACTIVE_GOAL_CAP_REACHED',
      detail: expect.stringContaining('already has 3 active or pending goal(s)') as unknown,
    });
  });

  it('holds the cap under ten concurrent submissions, and every accepted one activates', async () => {
    const { me, gapId, planId } = await employeeWithPlan();
    const goalIds: string[] = [];
    for (let n = 0; n < 10; n++) goalIds.push((await draft(me, planId, gapId)).goalId);
    await eventually('the drafts are read', async () =>
      (await Promise.all(goalIds.map(goalStatus))).every((status) => status === 'draft'),
    );

    const responses = await Promise.all(goalIds.map((goalId) => submit(me, goalId)));
    const statuses = responses.map((response) => response.status);
    // As many as fit are accepted (the default cap is 3); the others are told why.
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    expect(statuses.filter((status) => status === 409)).toHaveLength(7);
    for (const response of responses.filter((r) => r.status === 409))
      expect(await json<Problem>(response, 409)).toMatchObject({
        code: 'ACTIVE_GOAL_CAP_REACHED',
      });

    // The manager approves every accepted one: each becomes active, none is left behind.
    const accepted = goalIds.filter((_, index) => statuses[index] === 200);
    for (const goalId of accepted)
      await service.publish(service.event('GoalApproved', goalApproved(goalId, me.userId, 1)));
    await eventually('every approved goal is active', async () =>
      (await Promise.all(accepted.map(goalStatus))).every((status) => status === 'active'),
    );
    const refused = goalIds.filter((_, index) => statuses[index] === 409);
    expect(await Promise.all(refused.map(goalStatus))).toEqual(refused.map(() => 'draft'));
  });

  it('frees a slot when a goal is withdrawn or its submission rejected', async () => {
    const { me, gapId, planId } = await employeeWithPlan();
    const [first, second, third, fourth, fifth] = await Promise.all(
      [1, 2, 3, 4, 5].map(async () => (await draft(me, planId, gapId)).goalId),
    );
    for (const goalId of [first, second, third]) await json(await submit(me, goalId), 200);
    await json<Problem>(await submit(me, fourth), 409);

    // Withdrawn, then at once the fourth: the slot is free without waiting for the documents.
    await json(
      await service.request('POST', `/goals/${first}/withdraw`, me, { reason: 'Changed role.' }),
      200,
    );
    await json(await submit(me, fourth), 200);
    await json<Problem>(await submit(me, fifth), 409);

    // The manager rejects the second: its slot is free for the fifth, and the second can no
    // longer be resubmitted while the set is full.
    await service.publish(service.event('GoalRejected', goalRejected(second, me.userId, 1)));
    await eventually(
      'the rejection reaches planning',
      async () => (await goalStatus(second)) === 'rejected',
    );
    await json(await submit(me, fifth), 200);
    expect(await json<Problem>(await submit(me, second), 409)).toMatchObject({
      code: 'ACTIVE_GOAL_CAP_REACHED',
    });
  });

  it('refuses bad input with a 4xx and stores nothing', async () => {
    const { me, gapId, planId } = await employeeWithPlan();
    const { goalId } = await draft(me, planId, gapId);
    await eventually('the draft is read', async () => (await goalStatus(goalId)) === 'draft');
    const before = await service.storedEventCount();
    const responses = await Promise.all([
      service.request('POST', '/plans', me, { employeeId: 'not an id!', cycle: '2026-H1' }),
      service.request('POST', `/plans/${planId}/goals/draft`, me, { gapId: 'gap-unknown' }),
      service.request('POST', `/plans/${planId}/goals/draft`, me, {}),
      service.request('PATCH', `/goals/${goalId}`, me, { deadline: '31-07-2026' }),
      service.request('PATCH', `/goals/${goalId}`, me, {}),
      service.request('PATCH', `/goals/${goalId}`, { userId: 'emp-9999' }, { title: 'Mine now' }),
      service.request('POST', `/goals/${goalId}/actions`, me, {
        actionId: 'act-9',
        kind: 'reading',
        description: 'Read a book',
        frequency: 'once',
        estimatedHours: 3,
      }),
      service.request('POST', '/goals/goal-unknown/submit', me),
    ]);
    expect(responses.map((response) => response.status)).toEqual([
      422, 404, 422, 422, 422, 403, 422, 404,
    ]);
    expect(await service.storedEventCount()).toBe(before);
  });

  it('activates a goal once when GoalApproved is delivered twice', async () => {
    const { me, gapId, planId } = await employeeWithPlan();
    const { goalId } = await draft(me, planId, gapId);
    const { goalId: laterGoalId } = await draft(me, planId, gapId);
    await json(await submit(me, goalId), 200);
    await json(await submit(me, laterGoalId), 200);
    const approval = service.event('GoalApproved', goalApproved(goalId, me.userId, 1));
    await service.publish(approval);
    await eventually('the goal is active', async () => (await goalStatus(goalId)) === 'active');
    const before = await service.storedEventCount();

    // The redelivery, a second approval of the same submission, then (same employee, so same
    // partition and order) an approval of another goal: once that one is active, the
    // duplicates were handled.
    await service.publish(
      approval,
      service.event('GoalApproved', goalApproved(goalId, me.userId, 1)),
      service.event('GoalApproved', goalApproved(laterGoalId, me.userId, 1)),
    );
    await eventually(
      'the later goal is active',
      async () => (await goalStatus(laterGoalId)) === 'active',
    );

    expect(await service.storedEventCount()).toBe(before + 1);
    const { history } = await goal(goalId, me);
    expect(history.filter((entry) => entry.event === 'GoalActivated')).toHaveLength(1);
  });
});

describe('the AI drafting limit per caller', () => {
  const LIMIT = 3;
  let service: PlanningTestApp;

  beforeAll(async () => {
    service = await PlanningTestApp.start({
      PLANNING_DRAFT_RATE_LIMIT_PER_MINUTE: String(LIMIT),
    });
  });

  afterAll(() => service.stop());

  /** An employee known to planning, with a gap and a started plan. */
  const employeeWithPlan = async (userId: string) => {
    const me: Caller = { userId };
    const gapId = `gap-${userId}`;
    await service.publishAssessmentOf(userId, 'mgr-1', gapId);
    await eventually('the gap reaches planning', async () =>
      Boolean(await service.readSide.gap(TENANT, gapId)),
    );
    const started = await service.request('POST', '/plans', me, {
      employeeId: userId,
      cycle: '2026-H1',
    });
    expect(started.status).toBe(201);
    const { planId } = (await started.json()) as { planId: string };
    return {
      me,
      draft: () => service.request('POST', `/plans/${planId}/goals/draft`, me, { gapId }),
    };
  };

  it('given a caller drafted the limit this minute, when they draft once more, then 429 problem+json with Retry-After and nothing is stored; another caller still drafts', async () => {
    // given
    const first = await employeeWithPlan('emp-3001');
    const second = await employeeWithPlan('emp-3002');
    for (let n = 0; n < LIMIT; n++) expect((await first.draft()).status).toBe(201);
    const before = await service.storedEventCount();

    // when
    const refused = await first.draft();

    // then
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(await service.storedEventCount()).toBe(before);
    // The caller's other requests are not held to the drafting limit…
    expect((await service.request('GET', '/employees/emp-3001/goals', first.me)).status).toBe(200);
    // …and another caller has a limit of their own.
    expect((await second.draft()).status).toBe(201);
    // Probes are never limited.
    expect((await fetch(`${service.base}/health/live`)).status).toBe(200);
  });
});
