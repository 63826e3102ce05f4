/**
 * Approval decisions through the HTTP API at a fixed offered rate, on the embedded default
 * (SQLite event store and bus, durable appends). The service runs as its own process, as
 * `npm start` runs it; N goals are submitted on the bus first, then one approval per request
 * is sent on a fixed schedule (open loop: a slow answer does not delay the next request).
 *
 * BENCH_REQUESTS (default 2000) open requests; BENCH_RATE (default 200) decisions/s offered.
 */
import { approvalRequestIdFor } from '@talentloop/approval-domain';
import { GoalSubmitted } from '@talentloop/contracts';
import { createMessageBus, publishEvents } from '@talentloop/messaging';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devAuth } from '../lib/dev-auth';
import { formatCount, formatRate } from '../lib/format';
import { describeMachine } from '../lib/machine';
import { markdownTable } from '../lib/table';
import { percentile, positiveFromEnv } from '../lib/stats';
import { secondsSince } from '../lib/timer';

const config = {
  requests: positiveFromEnv('BENCH_REQUESTS', 2000),
  offeredRate: positiveFromEnv('BENCH_RATE', 200),
  port: 39_303,
  tenantId: 'bench',
  managerId: 'mgr-bench',
};

const auth = devAuth();
/** The manager's; the token is minted in main, before anything is timed. */
const headers = { 'content-type': 'application/json', authorization: '' };
const base = `http://127.0.0.1:${config.port}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
};

const pendingCount = async (): Promise<number> => {
  const response = await fetch(`${base}/approval-requests/inbox`, { headers });
  return ((await response.json()) as unknown[]).length;
};

const main = async () => {
  const folder = mkdtempSync(join(tmpdir(), 'talentloop-bench-approval-'));
  const env = {
    ...process.env,
    PORT: String(config.port),
    EVENT_STORE_SQLITE_PATH: join(folder, 'store.sqlite'),
    BUS_SQLITE_PATH: join(folder, 'bus.sqlite'),
    READ_MODELS_SQLITE_PATH: join(folder, 'read-models.sqlite'),
    APPROVAL_OVERDUE_CHECK_INTERVAL_SECONDS: '0',
    ...auth.env,
  };
  headers.authorization = await auth.authorization({
    tenantId: config.tenantId,
    userId: config.managerId,
    roles: ['manager'],
  });
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'services/approval/src/main.ts'],
    { env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const bus = createMessageBus({ kind: 'embedded', path: env.BUS_SQLITE_PATH });
  try {
    await waitFor('the service', async () => (await fetch(`${base}/health/ready`)).ok);
    const goalIds = Array.from({ length: config.requests }, (_, i) => `goal-${i}`);
    await publishEvents(
      bus,
      goalIds.map((goalId, i) => ({
        id: `submitted-${i}`,
        type: 'GoalSubmitted',
        data: {
          ...GoalSubmitted.example,
          goalId,
          employeeId: `emp-${i}`,
          managerId: config.managerId,
        },
        metadata: {
          tenantId: config.tenantId,
          actorId: `emp-${i}`,
          occurredAt: new Date().toISOString(),
          schemaVersion: GoalSubmitted.version,
        },
      })),
    );
    await waitFor('the open requests', async () => (await pendingCount()) === config.requests);

    const latenciesMs: number[] = [];
    const statuses = new Map<number, number>();
    const start = process.hrtime.bigint();
    const intervalNs = 1e9 / config.offeredRate;
    await Promise.all(
      goalIds.map(async (goalId, i) => {
        const dueNs = Number(start) + i * intervalNs;
        const waitMs = (dueNs - Number(process.hrtime.bigint())) / 1e6;
        if (waitMs > 0) await sleep(waitMs);
        const sent = process.hrtime.bigint();
        const response = await fetch(
          `${base}/approval-requests/${approvalRequestIdFor(config.tenantId, goalId)}/approve`,
          { method: 'POST', headers, body: JSON.stringify({ checkInCadence: 'monthly' }) },
        );
        await response.arrayBuffer();
        latenciesMs.push(Number(process.hrtime.bigint() - sent) / 1e6);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }),
    );
    const seconds = secondsSince(start);
    const sorted = [...latenciesMs].sort((a, b) => a - b);
    const approved = statuses.get(200) ?? 0;

    console.log(`# bench:approval\n\n${describeMachine()}\n`);
    console.log(
      markdownTable(
        [
          { header: 'offered decisions/s', align: 'right' },
          { header: 'decisions', align: 'right' },
          { header: 'achieved decisions/s', align: 'right' },
          { header: 'p50 ms', align: 'right' },
          { header: 'p99 ms', align: 'right' },
          { header: 'max ms', align: 'right' },
          { header: 'non-200', align: 'right' },
        ],
        [
          [
            formatRate(config.offeredRate),
            formatCount(approved),
            formatRate(approved / seconds),
            percentile(sorted, 50).toFixed(1),
            percentile(sorted, 99).toFixed(1),
            (sorted.at(-1) ?? NaN).toFixed(1),
            formatCount(config.requests - approved),
          ],
        ],
      ),
    );
  } finally {
    await bus.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(folder, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
