import { EmployeeSynced, GapIdentified } from '@talentloop/contracts';
import { eventually } from '@talentloop/testing';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PlanningTestApp, TENANT, type Caller } from '../testing/planning-test-app';

const MODEL = 'test-model-1';
const TIMEOUT_MS = 300;

/** What the model answers to the next request: content (or a refusal), after a delay. */
interface Answer {
  readonly content: string | null;
  readonly refusal?: string;
  readonly delayMs?: number;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** A local server speaking the OpenAI chat-completions protocol; never the real service. */
class FakeChatCompletions {
  readonly requests: { path: string; body: string }[] = [];
  answer: Answer = { content: '{}' };
  private readonly server: Server = createServer((request, response) => {
    void this.respond(request, response);
  });

  static async start(): Promise<FakeChatCompletions> {
    const fake = new FakeChatCompletions();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get baseURL(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.requests.push({ path: request.url ?? '', body: await readBody(request) });
    const { content, refusal = null, delayMs = 0 } = this.answer;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (response.destroyed) return;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 1_767_225_600,
        model: MODEL,
        choices: [
          { index: 0, message: { role: 'assistant', content, refusal }, finish_reason: 'stop' },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

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
    });
    await service.publishAssessmentOf(employee.userId, 'mgr-1', 'gap-7001');
    await eventually('the gap reaches planning', async () =>
      Boolean(await service.directory.gap(TENANT, 'gap-7001')),
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
    return (await response.json()) as {
      goal: { title: string };
      drafter: { kind: string; model: string | null; fallbackReason: string | null };
      smartChecks: { passed: boolean }[];
    };
  };

  it('uses a draft that passes the SMART check, recording the model', async () => {
    const draft = await draftWith({ content: JSON.stringify(smartDraft) });
    expect(draft.drafter).toEqual({ kind: 'ai', model: MODEL, fallbackReason: null });
    expect(draft.goal.title).toBe(smartDraft.title);
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
        await service.directory.motivation(
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
      expect(draft.smartChecks.every((check) => check.passed)).toBe(true);
    },
  );
});
