import {
  CompetencyFrameworkPublished,
  EmployeeSynced,
  GapIdentified,
  GoalRejected,
  MeasurementRecorded,
  RoleProfileDefined,
} from '@talentloop/contracts';
import { eventually } from '@talentloop/testing';
import {
  bodyOf,
  goalRejected,
  PlanningTestApp,
  TENANT,
  type Caller,
} from '../../testing/planning-test-app';
import { FakeChatCompletions, type Answer } from '../../testing/fake-chat-completions';
import { PROMPT_VERSION } from './draft-prompt';
import { NOT_OPTED_IN } from './goal-drafter';

const MODEL = 'test-model-1';
/** Opted in to AI drafting but not to giving the model a rejection's feedback. */
const WITHOUT_FEEDBACK = 'initech';
/** Not opted in to AI drafting. */
const NOT_OPTED = 'globex';
const TIMEOUT_MS = 300;

/** A draft for the example gap (aptitude 78, active listening at 45) that passes every check. */
const smartDraft = {
  title: 'Listen actively in project meetings',
  behaviour: 'Summarise what others said before giving my own view',
  situation: 'In weekly project meetings and client calls',
  indicatorIds: ['active-listening'],
  successCriteria: [
    {
      instrument: '360-round',
      metric: 'indicator-score',
      indicatorIds: ['active-listening'],
      target: 60,
      description: 'Active listening scores at least 60 in the next 360° round.',
    },
  ],
  actions: [
    {
      kind: 'on-the-job',
      description: 'Summarise the speaker before replying in every project meeting.',
      frequency: 'every meeting',
      estimatedHours: 10,
    },
  ],
  milestones: [{ description: 'Halfway review with the manager', dueOn: '2026-04-15' }],
  deadline: '2026-06-15',
};

describe('AI drafting against an OpenAI-compatible endpoint', () => {
  let model: FakeChatCompletions;
  let service: PlanningTestApp;
  let planId: string;
  const employee: Caller = { userId: 'emp-1001' };
  const person = { ...EmployeeSynced.example, employeeId: employee.userId };

  beforeAll(async () => {
    model = await FakeChatCompletions.start();
    service = await PlanningTestApp.start({
      PLANNING_AI_MODEL: MODEL,
      PLANNING_AI_BASE_URL: model.baseURL,
      PLANNING_AI_API_KEY: 'test-key',
      PLANNING_AI_TIMEOUT_MS: String(TIMEOUT_MS),
      PLANNING_AI_DRAFTING: JSON.stringify({ [TENANT]: true, [WITHOUT_FEEDBACK]: true }),
      PLANNING_AI_REJECTION_FEEDBACK: JSON.stringify({ [TENANT]: true }),
    });
    await service.publishAssessmentOf(employee.userId, 'mgr-1', 'gap-7001');
    await service.publish(service.event('RoleProfileDefined', RoleProfileDefined.example));
    await eventually('the gap and the role profile reach planning', async () =>
      Boolean(
        (await service.readSide.gap(TENANT, 'gap-7001')) &&
          (await service.readSide.currentRoleProfile(TENANT, employee.userId)),
      ),
    );
    const response = await service.request('POST', '/plans', employee, {
      employeeId: employee.userId,
      cycle: '2026-H1',
    });
    ({ planId } = (await response.json()) as { planId: string });
  });

  afterAll(async () => {
    await service.stop();
    await model.stop();
  });

  const draftWith = async (answer: Answer) => {
    model.answer = answer;
    const response = await service.request('POST', `/plans/${planId}/goals/draft`, employee, {
      gapId: 'gap-7001',
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Drafted;
  };

  /** A message of the model's last request: the user's (as JSON text) or the system's. */
  const lastMessage = (role: 'user' | 'system') => {
    const body = JSON.parse(model.requests.at(-1)?.body ?? '{}') as {
      messages: { role: string; content: string }[];
    };
    return body.messages.find((message) => message.role === role)?.content ?? '';
  };
  const lastPrompt = () => lastMessage('user');

  it('uses a draft that passes the SMART check, recording the model, prompt version and context parts', async () => {
    const draft = await draftWith({ content: JSON.stringify(smartDraft) });
    expect(draft.drafter).toEqual({
      kind: 'ai',
      model: MODEL,
      fallbackReason: null,
      promptVersion: PROMPT_VERSION,
      contextGiven: [
        'target',
        'definition',
        'indicators',
        'scores',
        'weakest-indicators',
        'strongest-indicators',
        'role',
        'role-requirement',
        'facets',
      ],
    });
    expect(draft.goal.title).toBe(smartDraft.title);
    expect(draft.smartChecks.every((check) => check.passed)).toBe(true);
  });

  it('instructs the model in the language of the draft, the prompt version recorded', async () => {
    const draftIn = async (language: 'en' | 'nl') =>
      bodyOf<Drafted & { goal: { language: string } }>(
        await service.request('POST', `/plans/${planId}/goals/draft`, employee, {
          gapId: 'gap-7001',
          language,
        }),
        201,
      );
    model.answer = { content: JSON.stringify(smartDraft) };
    const english = await draftIn('en');
    expect(lastMessage('system')).toMatch(/^You help employees write SMART development goals/);
    expect(english.goal.language).toBe('en');
    model.answer = { content: JSON.stringify({ ...smartDraft, title: 'Actief luisteren' }) };
    const dutch = await draftIn('nl');
    expect(lastMessage('system')).toMatch(/^Je helpt medewerkers SMART-ontwikkeldoelen/);
    expect(JSON.parse(lastPrompt())).toMatchObject({
      task: 'Stel één SMART-ontwikkeldoel op als JSON.',
      writeIn: 'Dutch (Nederlands)',
    });
    expect(dutch.goal.language).toBe('nl');
    for (const draft of [english, dutch])
      expect(draft.drafter).toMatchObject({ kind: 'ai', promptVersion: 'goal-draft-3' });
  });

  it("gives the model the role's name and requirement and the facets with their scores", async () => {
    await draftWith({ content: JSON.stringify(smartDraft) });
    const prompt = JSON.parse(lastPrompt()) as Record<string, unknown>;
    expect(prompt).toMatchObject({
      role: RoleProfileDefined.example.name,
      roleRequiredLevel: RoleProfileDefined.example.requiredCompetencies[0].requiredLevel,
      talentFacets: [
        {
          name: 'Agreeableness',
          description: 'Warmth and trust.',
          score: MeasurementRecorded.example.facetScores[0].score,
        },
      ],
    });
  });

  it('drafts deterministically for a tenant that did not opt in, without asking the model', async () => {
    const { me, planId: theirPlan, gapId } = await employeeIn(NOT_OPTED, 'emp-2001');
    const asked = model.requests.length;
    model.answer = { content: JSON.stringify(smartDraft) };
    const draft = await bodyOf<Drafted>(
      await service.request('POST', `/plans/${theirPlan}/goals/draft`, me, { gapId }),
      201,
    );
    expect(model.requests).toHaveLength(asked);
    expect(draft.drafter).toEqual({
      kind: 'deterministic',
      model: null,
      fallbackReason: NOT_OPTED_IN,
      promptVersion: null,
      contextGiven: [],
    });
    expect(draft.smartChecks.every((check) => check.passed)).toBe(true);
  });

  it('sends the context but no personal data: no name, e-mail, id or motivation note', async () => {
    const note = 'Ik wil dat mijn team zich gehoord voelt, zei Sanne op dinsdag';
    await service.publish(
      service.event('MotivationRecorded', {
        employeeId: employee.userId,
        competencyId: GapIdentified.example.competencyId,
        energy: 5,
        note,
      }),
    );
    await eventually('the motivation reaches planning', async () =>
      Boolean(
        await service.readSide.motivation(
          TENANT,
          employee.userId,
          GapIdentified.example.competencyId,
        ),
      ),
    );
    await draftWith({ content: JSON.stringify(smartDraft) });
    const request = model.requests.at(-1);
    expect(request?.path).toBe('/chat/completions');
    const body = JSON.parse(request?.body ?? '{}') as { model: string; messages: unknown[] };
    expect(body.model).toBe(MODEL);
    const messages = JSON.stringify(body.messages);
    expect(messages).toContain('Active listening');
    // The model learns that the employee gave a reason, not the reason.
    expect(messages).toMatch(/employeeStatedAMotivation\\*":true/);
    for (const identifier of [
      person.employeeId,
      person.externalId,
      person.displayName,
      person.email,
      'mgr-1',
      note,
      'gehoord',
    ])
      expect(messages).not.toContain(identifier);
  });

  it.each([
    ['malformed JSON', { content: '{"title": "Listen' }, /malformed JSON/],
    ['a refusal', { content: null, refusal: 'I cannot help with that.' }, /refused: I cannot/],
    [
      'a draft of the wrong shape',
      { content: JSON.stringify({ title: 'Only a title' }) },
      /expected shape/,
    ],
    [
      'a draft that fails the SMART check',
      {
        content: JSON.stringify({
          ...smartDraft,
          successCriteria: [{ ...smartDraft.successCriteria[0], target: 95 }],
        }),
      },
      /failed the SMART check \(achievable: criterion crit-1 targets 95, above the aptitude of 78/,
    ],
    [
      'indicators the framework does not define',
      {
        content: JSON.stringify({
          ...smartDraft,
          indicatorIds: ['active-listening', 'mind-reading'],
          successCriteria: [{ ...smartDraft.successCriteria[0], indicatorIds: ['mind-reading'] }],
        }),
      },
      /the model named indicators the framework does not define for Collaboration: mind-reading$/,
    ],
    [
      'no answer within the timeout',
      { content: JSON.stringify(smartDraft), delayMs: TIMEOUT_MS * 4 },
      new RegExp(`did not answer within ${TIMEOUT_MS} ms`),
    ],
  ] as const)(
    'falls back to the deterministic draft on %s, with the reason',
    async (_, answer, reason) => {
      const draft = await draftWith(answer);
      expect(draft.drafter.kind).toBe('deterministic');
      expect(draft.drafter.fallbackReason).toMatch(reason);
      // The model was asked: the prompt it was given is on record.
      expect(draft.drafter.promptVersion).toBe(PROMPT_VERSION);
      expect(draft.drafter.contextGiven).toContain('role');
      expect(draft.smartChecks.every((check) => check.passed)).toBe(true);
    },
  );

  describe('a redraft after a rejection', () => {
    const feedback = GoalRejected.example.feedback;
    const redrafted = { ...smartDraft, title: 'Listen first in project meetings' };

    const rejectedGoalIn = async (tenantId: string, userId: string) => {
      const { me, planId: theirPlan, gapId } = await employeeIn(tenantId, userId);
      model.answer = { content: JSON.stringify(smartDraft) };
      const { goalId } = await bodyOf<{ goalId: string }>(
        await service.request('POST', `/plans/${theirPlan}/goals/draft`, me, { gapId }),
        201,
      );
      await bodyOf(await service.submit(me, goalId), 200);
      await service.publish(
        service.event('GoalRejected', goalRejected(goalId, userId, 1), tenantId),
      );
      // The goal's stream records it, the feedback comes with approval's event: both here.
      await eventually(
        'the rejection reaches planning',
        async () =>
          (await service.readSide.goal(tenantId, goalId))?.state.status === 'rejected' &&
          Boolean(await service.readSide.rejectionOf(tenantId, goalId)),
      );
      return { me, goalId };
    };

    const redraft = async (me: Caller, goalId: string) => {
      model.answer = { content: JSON.stringify(redrafted) };
      return bodyOf<Drafted & { proposal: { title: string }; differences: unknown[] }>(
        await service.request('POST', `/goals/${goalId}/redraft`, me),
        200,
      );
    };

    it("gives the model the manager's feedback where the tenant opted in", async () => {
      const { me, goalId } = await rejectedGoalIn(TENANT, 'emp-1002');
      const proposed = await redraft(me, goalId);
      expect(lastPrompt()).toContain(feedback);
      // The feedback is the manager's words; who wrote it and about whom stays out.
      for (const identifier of ['emp-1002', 'mgr-1', EmployeeSynced.example.email])
        expect(lastPrompt()).not.toContain(identifier);
      expect(proposed.drafter).toMatchObject({ kind: 'ai', promptVersion: PROMPT_VERSION });
      expect(proposed.drafter.contextGiven).toContain('rejection-feedback');
      expect(proposed.differences).toEqual([
        { field: 'title', now: smartDraft.title, proposed: redrafted.title },
      ]);
      // A proposal: the goal is as it was until the employee edits it.
      const goal = await bodyOf<{ content: { title: string } }>(
        await service.request('GET', `/goals/${goalId}`, me),
        200,
      );
      expect(goal.content.title).toBe(smartDraft.title);
    });

    it('gives the model no feedback where the tenant did not opt in to it', async () => {
      const { me, goalId } = await rejectedGoalIn(WITHOUT_FEEDBACK, 'emp-3001');
      const proposed = await redraft(me, goalId);
      expect(proposed.proposal.title).toBe(redrafted.title);
      expect(lastPrompt()).not.toContain(feedback);
      expect(lastPrompt()).not.toContain('previousSubmissionRejected');
      expect(proposed.drafter.contextGiven).not.toContain('rejection-feedback');
    });

    it('refuses to redraft a goal that was not rejected', async () => {
      model.answer = { content: JSON.stringify(smartDraft) };
      const response = await service.request('POST', `/plans/${planId}/goals/draft`, employee, {
        gapId: 'gap-7001',
      });
      const { goalId } = await bodyOf<{ goalId: string }>(response, 201);
      const refused = await bodyOf<{ code: string; currentState: string }>(
        await service.request('POST', `/goals/${goalId}/redraft`, employee),
        409,
      );
      expect(refused).toMatchObject({ code: 'GOAL_NOT_REJECTED', currentState: 'draft' });
    });
  });

  it('shows with the goal who drafted it and what the employee changed since', async () => {
    model.answer = { content: JSON.stringify(smartDraft) };
    const { goalId } = await bodyOf<{ goalId: string }>(
      await service.request('POST', `/plans/${planId}/goals/draft`, employee, {
        gapId: 'gap-7001',
      }),
      201,
    );
    const situation = 'In weekly project meetings, client calls and retrospectives';
    await bodyOf(await service.request('PATCH', `/goals/${goalId}`, employee, { situation }), 200);
    const goal = await bodyOf<{ draftedBy: unknown; changedSinceDraft: unknown }>(
      await service.request('GET', `/goals/${goalId}`, employee),
      200,
    );
    expect(goal.draftedBy).toMatchObject({
      kind: 'ai',
      model: MODEL,
      promptVersion: PROMPT_VERSION,
    });
    expect(goal.changedSinceDraft).toEqual([
      { field: 'situation', drafted: smartDraft.situation, current: situation },
    ]);
  });

  /** An employee of the tenant with a role, a measurement and a gap known to planning, and a plan. */
  const employeeIn = async (tenantId: string, userId: string) => {
    const me: Caller = { userId, tenantId };
    const gapId = `gap-${userId}`;
    await service.publish(
      service.event('CompetencyFrameworkPublished', CompetencyFrameworkPublished.example, tenantId),
      service.event('RoleProfileDefined', RoleProfileDefined.example, tenantId),
      service.event(
        'EmployeeSynced',
        { ...EmployeeSynced.example, employeeId: userId, managerId: 'mgr-1' },
        tenantId,
      ),
      service.event(
        'MeasurementRecorded',
        { ...MeasurementRecorded.example, measurementId: `msr-${userId}`, employeeId: userId },
        tenantId,
      ),
      service.event(
        'GapIdentified',
        { ...GapIdentified.example, gapId, employeeId: userId },
        tenantId,
      ),
    );
    await eventually('the gap and the role profile reach planning', async () =>
      Boolean(
        (await service.readSide.gap(tenantId, gapId)) &&
          (await service.readSide.currentRoleProfile(tenantId, userId)),
      ),
    );
    const { planId: theirPlan } = await bodyOf<{ planId: string }>(
      await service.request('POST', '/plans', me, { employeeId: userId, cycle: '2026-H1' }),
      201,
    );
    return { me, planId: theirPlan, gapId };
  };
});

interface Drafted {
  readonly goal: { readonly title: string };
  readonly drafter: {
    readonly kind: string;
    readonly model: string | null;
    readonly fallbackReason: string | null;
    readonly promptVersion: string | null;
    readonly contextGiven: readonly string[];
  };
  readonly smartChecks: readonly { readonly passed: boolean }[];
}
