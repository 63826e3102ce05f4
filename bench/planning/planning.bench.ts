/**
 * Planning: the deterministic drafter and the SMART check as pure functions (drafts/s and
 * checks/s against their floors), and the submit command through HTTP on the embedded
 * default (SQLite event store and bus, durable appends), with the app started in-process.
 * N employees each get a plan and one drafted goal first; then the goals are submitted one
 * after another and each request's latency is recorded.
 *
 * BENCH_SUBMITS (default 500) goals submitted; BENCH_PURE_SECONDS (default 2) per pure loop.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CompetencyFrameworkPublished, GapIdentified } from '@talentloop/contracts';
import { createServiceApp, MESSAGE_BUS } from '@talentloop/service-kit';
import { publishEvents, type MessageBus } from '@talentloop/messaging';
import {
  checkSmart,
  defaultSmartSettings,
  draftDeterministically,
  type DraftRequest,
  type GoalContext,
} from '@talentloop/planning-domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlanningModule, service } from '../../services/planning/src/app.module';
import { PlanningReadSide } from '../../services/planning/src/projections/planning-read-side';
import { devAuth } from '../lib/dev-auth';
import { formatCount, formatRate } from '../lib/format';
import { describeMachine } from '../lib/machine';
import { markdownTable } from '../lib/table';
import { percentile, positiveFromEnv } from '../lib/stats';
import { Deadline, secondsSince } from '../lib/timer';

const config = {
  submits: positiveFromEnv('BENCH_SUBMITS', 500),
  pureSeconds: positiveFromEnv('BENCH_PURE_SECONDS', 2, { whole: false }),
  tenantId: 'bench',
  today: '2026-03-01',
};
const floors = { drafts: 1_000, smartChecks: 50_000 };

const context: GoalContext = {
  targetName: 'Collaboration',
  definition: 'Works with others towards a shared result.',
  indicators: CompetencyFrameworkPublished.example.competencies[0].indicators,
  aptitude: 78,
  behaviour: 45,
  weakestIndicators: [{ indicatorId: 'active-listening', score: 45 }],
  strongestIndicators: [{ indicatorId: 'shares-information', score: 71 }],
  requiredLevel: 4,
  roleName: 'Team lead',
  facets: [],
  measuredBy: { measurementId: 'msr-5001', instrument: '360-round', measuredAt: '2026-01-12' },
  motivationNote: null,
};
const request: DraftRequest = {
  target: { kind: 'competency', competencyId: 'collaboration' },
  context,
  language: 'nl',
  today: config.today,
};

/** Calls `step` until the time is up; returns calls per second. */
const ratePerSecond = (step: () => unknown): number => {
  const deadline = new Deadline(config.pureSeconds);
  const start = process.hrtime.bigint();
  let calls = 0;
  // Batches of 100 keep the clock reads out of the measurement.
  while (!deadline.passed) for (let i = 0; i < 100; i++, calls++) step();
  return calls / secondsSince(start);
};

const pureFigures = () => {
  const goal = draftDeterministically(request, defaultSmartSettings);
  const drafts = ratePerSecond(() => draftDeterministically(request, defaultSmartSettings));
  const checks = ratePerSecond(() => checkSmart(goal, context, defaultSmartSettings, config.today));
  const row = (what: string, rate: number, floor: number) => [
    what,
    formatRate(rate),
    formatRate(floor),
    rate >= floor ? 'PASS' : 'FAIL',
  ];
  return markdownTable(
    [
      { header: 'pure function' },
      { header: 'per second', align: 'right' },
      { header: 'floor', align: 'right' },
      { header: 'verdict' },
    ],
    [
      row('deterministic drafts', drafts, floors.drafts),
      row('SMART checks', checks, floors.smartChecks),
    ],
  );
};

const submitFigures = async () => {
  const folder = mkdtempSync(join(tmpdir(), 'talentloop-bench-planning-'));
  const auth = devAuth();
  @Module({
    imports: [
      PlanningModule.register({
        env: {
          ...auth.env,
          EVENT_STORE_SQLITE_PATH: join(folder, 'store.sqlite'),
          BUS_SQLITE_PATH: join(folder, 'bus.sqlite'),
          READ_MODELS_SQLITE_PATH: join(folder, 'read-models.sqlite'),
        },
      }),
    ],
  })
  class BenchModule {}
  const app = await createServiceApp(BenchModule, service, { logger: false });
  try {
    await app.listen(0, '127.0.0.1');
    const base = await app.getUrl();
    // HR may act for every employee, so one caller prepares and submits all goals; only the
    // agreement to a goal is the employee's own (SMART: acceptable).
    const authorization = await auth.authorization({
      tenantId: config.tenantId,
      userId: 'hr-bench',
      roles: ['hr'],
    });
    const post = async (path: string, body?: unknown, as = authorization) => {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: as },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const employees = Array.from({ length: config.submits }, (_, i) => `emp-${i}`);
    const event = (
      type: 'CompetencyFrameworkPublished' | 'GapIdentified',
      data: unknown,
      i = 0,
    ) => ({
      id: `${type}-${i}`,
      type,
      data,
      metadata: {
        tenantId: config.tenantId,
        actorId: 'assessment',
        occurredAt: new Date().toISOString(),
        schemaVersion: 1 as const,
      },
    });
    await publishEvents(app.get<MessageBus>(MESSAGE_BUS), [
      event('CompetencyFrameworkPublished', CompetencyFrameworkPublished.example),
      ...employees.map((employeeId, i) =>
        event('GapIdentified', { ...GapIdentified.example, gapId: `gap-${i}`, employeeId }, i),
      ),
    ]);
    const readSide = app.get(PlanningReadSide);
    const readDeadline = Date.now() + 60_000;
    while (!(await readSide.gap(config.tenantId, `gap-${config.submits - 1}`))) {
      if (Date.now() > readDeadline) throw new Error('the gaps did not reach planning');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const goalIds: string[] = [];
    for (const [i, employeeId] of employees.entries()) {
      const plan = await post('/plans', { employeeId, cycle: '2026-H1' });
      const draft = await post(`/plans/${String(plan.body.planId)}/goals/draft`, {
        gapId: `gap-${i}`,
      });
      if (draft.status !== 201) throw new Error(`drafting failed: ${JSON.stringify(draft.body)}`);
      goalIds.push(String(draft.body.goalId));
      const agreed = await post(
        `/goals/${String(draft.body.goalId)}/agreement`,
        { motivation: 'I want my team to feel heard before I answer.' },
        await auth.authorization({
          tenantId: config.tenantId,
          userId: employeeId,
          roles: ['employee'],
        }),
      );
      if (agreed.status !== 200) throw new Error(`agreeing failed: ${JSON.stringify(agreed.body)}`);
    }

    const latenciesMs: number[] = [];
    let refused = 0;
    const start = process.hrtime.bigint();
    for (const goalId of goalIds) {
      const sent = process.hrtime.bigint();
      const { status } = await post(`/goals/${goalId}/submit`);
      latenciesMs.push(Number(process.hrtime.bigint() - sent) / 1e6);
      if (status !== 200) refused++;
    }
    const seconds = secondsSince(start);
    const sorted = [...latenciesMs].sort((a, b) => a - b);
    return markdownTable(
      [
        { header: 'submits (sequential)', align: 'right' },
        { header: 'submits/s', align: 'right' },
        { header: 'p50 ms', align: 'right' },
        { header: 'p99 ms', align: 'right' },
        { header: 'max ms', align: 'right' },
        { header: 'non-200', align: 'right' },
      ],
      [
        [
          formatCount(goalIds.length),
          formatRate(goalIds.length / seconds),
          percentile(sorted, 50).toFixed(2),
          percentile(sorted, 99).toFixed(2),
          (sorted.at(-1) ?? NaN).toFixed(2),
          formatCount(refused),
        ],
      ],
    );
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
};

const main = async () => {
  console.log(`# bench:planning\n\n${describeMachine()}\n`);
  console.log(`${pureFigures()}\n`);
  console.log(await submitFigures());
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
