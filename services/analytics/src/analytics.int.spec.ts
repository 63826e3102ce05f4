import { KEPT_COUNTS_BYTES, type EmployeeFacts } from '@talentloop/analytics-domain';
import {
  activePointerKey,
  EmbeddedReadModelStore,
  rebuildProjection,
  type ReadModelStore,
} from '@talentloop/read-models';
import { join } from 'node:path';
import { employeeFactsProjection } from './projections/employee-facts.projection';
import { READ_MODEL_STORE } from '@talentloop/service-kit';
import { AnalyticsTestApp, type Caller } from '../testing/analytics-test-app';

const hr: Caller = { userId: 'hr-1', roles: 'hr' };

interface Figure {
  readonly status: 'shown' | 'withheld';
  readonly people?: number;
  readonly value?: { employeesWithActiveGoal: number; headcount: number; share: number };
  readonly reason?: string;
}

interface ActivePlans {
  readonly asOf: string;
  readonly total: Figure;
  readonly byDepartment: readonly { departmentId: string; figure: Figure }[];
}

/**
 * acme: sales (mgr-1's team: 7 leads, each with an active goal, and 2 analysts), engineering
 * (mgr-3's team: 6 engineers, 2 with active goals), legal (mgr-2's team: 3 people).
 * globex: 6 people, all with active goals, that acme must never see.
 */
const seedOrganisation = async (app: AnalyticsTestApp) => {
  const people: [string, string, string, string][] = [
    ...Array.from({ length: 7 }, (_, i): [string, string, string, string] => [
      `s${i + 1}`,
      'sales',
      'lead',
      'mgr-1',
    ]),
    ['s8', 'sales', 'analyst', 'mgr-1'],
    ['s9', 'sales', 'analyst', 'mgr-1'],
    ...Array.from({ length: 6 }, (_, i): [string, string, string, string] => [
      `e${i + 1}`,
      'engineering',
      'engineer',
      'mgr-3',
    ]),
    ['l1', 'legal', 'counsel', 'mgr-2'],
    ['l2', 'legal', 'counsel', 'mgr-2'],
    ['l3', 'legal', 'counsel', 'mgr-2'],
  ];
  for (const [employeeId, departmentId, roleId, managerId] of people)
    await app.record(
      'EmployeeSynced',
      {
        employeeId,
        externalId: `hris-${employeeId}`,
        departmentId,
        departmentName: departmentId.toUpperCase(),
        roleId,
        managerId,
        employmentStatus: 'active',
      },
      { at: '2026-01-05T09:00:00.000Z' },
    );
  const withActiveGoal = [
    ...people.filter(([, , role]) => role === 'lead'),
    ...people.slice(9, 11),
  ];
  for (const [employeeId] of withActiveGoal) await activeGoal(app, employeeId);
  for (let i = 1; i <= 6; i++) {
    await app.record(
      'EmployeeSynced',
      {
        employeeId: `g${i}`,
        externalId: `g${i}`,
        departmentId: 'sales',
        roleId: 'lead',
        managerId: 'gm',
      },
      { tenantId: 'globex', at: '2026-01-05T09:00:00.000Z' },
    );
    await activeGoal(app, `g${i}`, 'globex');
  }
  await app.caughtUp();
};

const activeGoal = async (app: AnalyticsTestApp, employeeId: string, tenantId = 'acme') => {
  const goalId = `goal-${employeeId}`;
  await app.record(
    'GoalDrafted',
    { goalId, employeeId, planId: `plan-${employeeId}` },
    { tenantId, at: '2026-02-01T09:00:00.000Z' },
  );
  await app.record(
    'GoalActivated',
    { goalId, employeeId, planId: `plan-${employeeId}` },
    { tenantId, at: '2026-02-10T09:00:00.000Z' },
  );
};

describe('the analytics service over HTTP', () => {
  let app: AnalyticsTestApp;

  beforeAll(async () => {
    app = await AnalyticsTestApp.start();
    await seedOrganisation(app);
  });

  afterAll(() => app.stop());

  describe('active plans', () => {
    it('gives HR the organisation-wide count and share', async () => {
      const { status, body } = await app.get<ActivePlans>('/analytics/active-plans', hr);
      expect(status).toBe(200);
      expect(body.total).toEqual({
        status: 'shown',
        people: 18,
        value: { employeesWithActiveGoal: 9, headcount: 18, share: 0.5 },
      });
      expect(BigInt(body.asOf)).toBeGreaterThan(0n);
    });

    it('withholds a department of fewer than 5 people, and the next smallest with it', async () => {
      const { body } = await app.get<ActivePlans>('/analytics/active-plans', hr);
      const row = (id: string) => body.byDepartment.find((entry) => entry.departmentId === id);
      expect(row('legal')?.figure.status).toBe('withheld');
      expect(row('legal')?.figure.reason).toMatch(/5/);
      expect(row('legal')?.figure).not.toHaveProperty('value');
      // total − sales − engineering would give legal away: engineering goes too.
      expect(row('engineering')?.figure.status).toBe('withheld');
      expect(row('sales')?.figure.status).toBe('shown');
    });

    it('withholds a figure that subtraction from a wider filter would reduce to 2 people', async () => {
      const sales = await app.get<ActivePlans>('/analytics/active-plans?department=sales', hr);
      const salesLeads = await app.get<ActivePlans>(
        '/analytics/active-plans?department=sales&role=lead',
        hr,
      );
      expect(sales.body.total).toMatchObject({ status: 'shown', people: 9 });
      expect(salesLeads.body.total.status).toBe('withheld');
      expect(salesLeads.body.total.reason).toMatch(/subtraction/);
    });

    it('says why a figure is withheld in the language Accept-Language asks for', async () => {
      const inDutch = async (path: string) =>
        (await (
          await app.requestWithHeaders('GET', path, {
            authorization: `Bearer ${await app.token(hr)}`,
            'accept-language': 'nl-NL,nl;q=0.9',
          })
        ).json()) as ActivePlans;
      const all = await inDutch('/analytics/active-plans');
      const legal = all.byDepartment.find((entry) => entry.departmentId === 'legal');
      expect(legal?.figure).toEqual({
        status: 'withheld',
        reason: 'beschrijft minder dan 5 mensen',
      });
      const salesLeads = await inDutch('/analytics/active-plans?department=sales&role=lead');
      expect(salesLeads.total).toEqual({
        status: 'withheld',
        reason:
          'zou door aftrekken van het cijfer zonder het filter op rol minder dan 5 mensen onthullen',
      });
      const english = await app.get<ActivePlans>('/analytics/active-plans', hr);
      expect(
        english.body.byDepartment.find((entry) => entry.departmentId === 'legal')?.figure.reason,
      ).toBe('describes fewer than 5 people');
    });

    it('shows a narrower figure whose difference from every wider one is 0 or at least 5', async () => {
      const { body } = await app.get<ActivePlans>(
        '/analytics/active-plans?department=engineering&role=engineer',
        hr,
      );
      expect(body.total).toEqual({
        status: 'shown',
        people: 6,
        value: { employeesWithActiveGoal: 2, headcount: 6, share: 2 / 6 },
      });
    });

    it("gives a manager their own team's figures only, under the same threshold", async () => {
      const team = await app.get<ActivePlans>('/analytics/active-plans', {
        userId: 'mgr-1',
        roles: 'manager',
      });
      expect(team.body.total).toMatchObject({
        status: 'shown',
        people: 9,
        value: { employeesWithActiveGoal: 7, headcount: 9 },
      });
      const small = await app.get<ActivePlans>('/analytics/active-plans', {
        userId: 'mgr-2',
        roles: 'manager',
      });
      expect(small.body.total.status).toBe('withheld');
    });

    it("never counts another tenant's people", async () => {
      const globex = await app.get<ActivePlans>('/analytics/active-plans', {
        ...hr,
        tenantId: 'globex',
      });
      expect(globex.body.total).toMatchObject({
        status: 'shown',
        people: 6,
        value: { employeesWithActiveGoal: 6, headcount: 6, share: 1 },
      });
    });
  });

  describe('who may ask', () => {
    it.each(['employee', 'integrator'])('refuses the %s role with 403', async (roles) => {
      const { status, contentType } = await app.get('/analytics/gap-map', { userId: 's1', roles });
      expect(status).toBe(403);
      expect(contentType).toMatch(/application\/problem\+json/);
    });

    it.each([
      ['a period that is not a calendar bucket', '?period=2026-13'],
      ['an unknown filter', '?team=sales'],
      ['a department that is not an id', '?department=%20drop'],
    ])('answers %s with 422 and the field named', async (_case, query) => {
      const { status, body } = await app.get<{ errors: { field: string }[] }>(
        `/analytics/approval-flow${query}`,
        hr,
      );
      expect(status).toBe(422);
      expect(body.errors.length).toBeGreaterThan(0);
    });

    it.each(['development-focus', 'gap-map', 'approval-flow', 'check-in-adherence', 'growth'])(
      'answers %s for HR with the filters echoed',
      async (query) => {
        const { status, body } = await app.get<{ filters: object; threshold: number }>(
          `/analytics/${query}?department=sales&period=2026-Q1`,
          hr,
        );
        expect(status).toBe(200);
        expect(body.filters).toEqual({ departmentId: 'sales', period: '2026-Q1' });
        expect(body.threshold).toBe(5);
      },
    );
  });

  describe("an employee's development history", () => {
    it.each([
      ['the employee', { userId: 's1' }],
      ['their manager', { userId: 'mgr-1', roles: 'manager' }],
      ['HR', hr],
    ])('is readable by %s', async (_who, caller) => {
      const { status, body } = await app.get<{ entries: { type: string }[] }>(
        '/analytics/employees/s1/history',
        caller,
      );
      expect(status).toBe(200);
      expect(body.entries.map((entry) => entry.type)).toEqual([
        'EmployeeSynced',
        'GoalDrafted',
        'GoalActivated',
      ]);
    });

    it.each([
      ['a colleague', { userId: 's2' }],
      ['another manager', { userId: 'mgr-2', roles: 'manager' }],
    ])('is refused to %s', async (_who, caller) => {
      const { status } = await app.get('/analytics/employees/s1/history', caller);
      expect(status).toBe(403);
    });

    it('is 404 for HR asking about someone unknown', async () => {
      expect((await app.get('/analytics/employees/nobody/history', hr)).status).toBe(404);
    });

    it('is not found by HR of another tenant: their tenant has no such person', async () => {
      const { status } = await app.get('/analytics/employees/s1/history', {
        ...hr,
        tenantId: 'globex',
      });
      expect(status).toBe(404);
    });
  });

  describe('check-in adherence', () => {
    interface Adherence {
      readonly expectedCheckInMinutes: { min: number; max: number };
      readonly total: { status: string; people?: number; value?: object };
      readonly byDepartment: readonly { departmentId: string; figure: object }[];
    }

    beforeAll(async () => {
      // Six sales leads hold their first check-in: one short, two long, three within 15–30.
      const minutes: [string, number][] = [
        ['s2', 5],
        ['s3', 90],
        ['s4', 45],
        ['s5', 20],
        ['s6', 15],
        ['s7', 30],
      ];
      for (const [employeeId, durationMinutes] of minutes)
        await app.record(
          'CheckInLogged',
          { goalId: `goal-${employeeId}`, employeeId, durationMinutes, onTime: true },
          { at: '2026-02-16T08:00:00.000Z' },
        );
      await app.caughtUp();
    });

    it('counts the check-ins outside 15–30 minutes, short and long, among those held', async () => {
      const { status, body } = await app.get<Adherence>('/analytics/check-in-adherence', hr);
      expect(status).toBe(200);
      expect(body.expectedCheckInMinutes).toEqual({ min: 15, max: 30 });
      expect(body.total).toMatchObject({
        status: 'shown',
        people: 9,
        value: {
          onTime: 6,
          held: 6,
          outsideExpectedLength: { count: 3, short: 1, long: 2, share: 0.5 },
        },
      });
    });

    it('withholds the counts with the figure where it describes fewer than 5 people', async () => {
      const { body } = await app.get<Adherence>('/analytics/check-in-adherence', hr);
      // Engineering has 2 people with goals, and sales alone would give them away.
      for (const row of body.byDepartment) {
        expect(row.figure).toMatchObject({ status: 'withheld' });
        expect(row.figure).not.toHaveProperty('value');
      }
      const legal = await app.get<Adherence>('/analytics/check-in-adherence', {
        userId: 'mgr-2',
        roles: 'manager',
      });
      expect(legal.body.total).toMatchObject({ status: 'withheld' });
      expect(legal.body.total).not.toHaveProperty('value');
    });

    it("says so in the employee's development history", async () => {
      const { body } = await app.get<{ entries: { type: string; summary: string }[] }>(
        '/analytics/employees/s3/history',
        hr,
      );
      expect(body.entries.at(-1)).toEqual({
        at: '2026-02-16T08:00:00.000Z',
        type: 'CheckInLogged',
        subjectId: 'goal-s3',
        summary: 'check-in on goal goal-s3 (on time; 90 minutes, outside the expected 15–30)',
      });
    });
  });

  describe('after an erasure', () => {
    let before: ActivePlans;
    beforeAll(async () => {
      before = (await app.get<ActivePlans>('/analytics/active-plans', hr)).body;
      await app.record('PersonErased', { employeeId: 's9', erasedAt: '2026-06-01T12:00:00.000Z' });
      await app.caughtUp();
    });

    it('keeps every figure as it was and empties the person’s history', async () => {
      const { body } = await app.get<ActivePlans>('/analytics/active-plans', hr);
      expect(body.total).toEqual(before.total);
      expect(body.total).toMatchObject({ people: 18, value: { headcount: 18 } });
      const history = await app.get<{ erased: boolean; entries: unknown[] }>(
        '/analytics/employees/s9/history',
        hr,
      );
      expect(history.body).toMatchObject({ erased: true, entries: [] });
    });
  });

  it('keeps in memory exactly what the read-model store holds, without the histories', async () => {
    const readModels = app.app.get<ReadModelStore>(READ_MODEL_STORE);
    const collection = await readModels.getState(activePointerKey('analytics-employee-facts'));
    const stored = await readModels.find<EmployeeFacts>(collection ?? '', {
      where: { tenantId: 'acme' },
    });
    const key = (facts: EmployeeFacts) => facts.employeeId;
    const inMemory = [...app.view.factsOf('acme')].sort((a, b) => key(a).localeCompare(key(b)));
    expect(inMemory).toEqual(
      stored
        .map((facts) => ({ ...facts, history: [] }))
        .sort((a, b) => key(a).localeCompare(key(b))),
    );
    expect(inMemory).toHaveLength(18);
  });
});

describe('the analytics service at start', () => {
  it('refuses a privacy threshold below 5', async () => {
    await expect(AnalyticsTestApp.start({ ANALYTICS_PRIVACY_THRESHOLD: '3' })).rejects.toThrow(
      /ANALYTICS_PRIVACY_THRESHOLD/,
    );
  });

  it('withholds more with a higher threshold', async () => {
    const app = await AnalyticsTestApp.start({ ANALYTICS_PRIVACY_THRESHOLD: '10' });
    try {
      await seedOrganisation(app);
      const { body } = await app.get<ActivePlans & { threshold: number }>(
        '/analytics/active-plans?department=sales',
        hr,
      );
      expect(body.threshold).toBe(10);
      expect(body.total.status).toBe('withheld');
    } finally {
      await app.stop();
    }
  });

  it('follows a rebuild made elsewhere (the CLI) and keeps serving the same figures', async () => {
    const app = await AnalyticsTestApp.start();
    try {
      await seedOrganisation(app);
      const before = await app.get<ActivePlans>('/analytics/active-plans', hr);
      const cli = new EmbeddedReadModelStore({ path: join(app.folder, 'read-models.sqlite') });
      const rebuilt = await rebuildProjection({
        eventStore: app.store,
        readModels: cli,
        projection: employeeFactsProjection,
        retireDelayMs: 0,
      });
      await cli.close();
      await activeGoal(app, 's8');
      await app.caughtUp();
      await app.view.ready;

      expect(app.view.activeCollection).toBe(rebuilt.collection);
      const after = await app.get<ActivePlans>('/analytics/active-plans', hr);
      expect(after.body.total).toEqual({
        ...before.body.total,
        value: { employeesWithActiveGoal: 10, headcount: 18, share: 10 / 18 },
      });
    } finally {
      await app.stop();
    }
  });

  it('serves the same figures after a restart, from the stored read model', async () => {
    const first = await AnalyticsTestApp.start();
    await seedOrganisation(first);
    const before = await first.get<ActivePlans>('/analytics/active-plans', hr);
    await first.stop(false);
    // Loaded four employees at a time: every page of the load counts, none twice.
    const second = await AnalyticsTestApp.start(
      { ANALYTICS_LOAD_PAGE_SIZE: '4' },
      undefined,
      first.folder,
    );
    try {
      const after = await second.get<ActivePlans>('/analytics/active-plans', hr);
      expect(after.body).toEqual(before.body);
    } finally {
      await second.stop();
    }
  });

  it('says on /metrics when its reports are warm, and what their kept counts take', async () => {
    const first = await AnalyticsTestApp.start();
    await seedOrganisation(first);
    await first.stop(false);
    // Given a restart on a stored read model, whose warm-up runs a step per turn once loaded,
    const app = await AnalyticsTestApp.start({}, undefined, first.folder);
    try {
      const gauge = async (name: string) => {
        const text = await (await app.requestWithHeaders('GET', '/metrics', {})).text();
        const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+)$`, 'm').exec(text);
        return match === null ? undefined : Number(match[1]);
      };
      // when the warm-up has run (6 reports × 3 kinds of filter for the one tenant),
      await app.view.ready;
      const deadline = Date.now() + 10_000;
      while ((await gauge('talentloop_analytics_warm_up_steps_pending')) !== 0) {
        if (Date.now() > deadline) throw new Error('the warm-up did not end');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // then the pending steps read 0 and the counts the reports keep are within their bound.
      const kept = await gauge('talentloop_analytics_kept_counts_bytes');
      expect(kept).toBeGreaterThanOrEqual(0);
      expect(kept).toBeLessThanOrEqual(KEPT_COUNTS_BYTES);
    } finally {
      await app.stop();
    }
  });
});
