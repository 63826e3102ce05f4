/**
 * Latency of the gap-analysis endpoint (GET /employees/:id/gaps) for an employee measured
 * on 20 competencies × 8 indicators, on the embedded default (SQLite store in a temp dir),
 * over HTTP on loopback. Run with `node -r @swc-node/register bench/assessment/gap-analysis.bench.ts`.
 *
 * BENCH_REQUESTS (default 2000) sets the number of measured requests per row.
 */
import 'reflect-metadata';
import {
  employeeBody,
  frameworkBody,
  startAssessment,
  type RunningAssessment,
} from '../../services/assessment/testing/assessment-app';
import { formatCount, formatRate } from '../lib/format';
import { describeMachine } from '../lib/machine';
import { markdownTable } from '../lib/table';
import { percentile } from '../lib/stats';
import { secondsSince } from '../lib/timer';

const COMPETENCIES = 20;
const INDICATORS = 8;
const requests = Number(process.env['BENCH_REQUESTS'] ?? '2000');
if (!(requests >= 100)) throw new Error(`BENCH_REQUESTS must be 100 or more, got ${requests}`);
const WARMUP = 200;

const expectOk = async (response: Response, what: string) => {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response;
};

/** Framework, role profile, employee and manager, and one measurement per competency. */
const seed = async ({ request }: RunningAssessment) => {
  await expectOk(
    await request('POST', '/frameworks/core/versions', frameworkBody(COMPETENCIES, INDICATORS)),
    'framework',
  );
  const competencyIds = Array.from({ length: COMPETENCIES }, (_, c) => `competency-${c + 1}`);
  await expectOk(
    await request('PUT', '/role-profiles/team-lead', {
      name: 'Team lead',
      frameworkId: 'core',
      requiredCompetencies: competencyIds.map((competencyId, c) => ({
        competencyId,
        requiredLevel: 2 + (c % 4),
        weight: 5 + c,
      })),
    }),
    'role profile',
  );
  await expectOk(
    await request('POST', '/people/sync', {
      employees: [employeeBody('emp-1', 'emp-7'), employeeBody('emp-7', null)],
    }),
    'people',
  );
  const measurements = competencyIds.map((competencyId, c) => ({
    employeeId: 'emp-1',
    competencyId,
    instrument: 'assessment',
    aptitude: 60 + (c % 5) * 8,
    behaviour: 30 + (c % 7) * 6,
    indicatorScores: Array.from({ length: INDICATORS }, (_, i) => ({
      indicatorId: `c${c + 1}-indicator-${i + 1}`,
      score: 20 + ((c * 7 + i * 11) % 70),
    })),
    facetScores: [{ facetId: `c${c + 1}-facet`, score: 70 }],
    measuredAt: '2026-01-12T14:00:00Z',
  }));
  await expectOk(await request('POST', '/measurements/imports', measurements), 'measurements');
  for (const competencyId of competencyIds.slice(0, 10))
    await expectOk(
      await request('PUT', `/employees/emp-1/motivations/${competencyId}`, { energy: 4 }),
      'motivation',
    );
};

/** Runs `total` requests from `concurrency` loops; returns each request's latency in ms. */
const measure = async (service: RunningAssessment, total: number, concurrency: number) => {
  const latencies: number[] = [];
  let started = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < total) {
        started++;
        const begin = process.hrtime.bigint();
        const response = await service.request('GET', '/employees/emp-1/gaps');
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`gap analysis answered ${response.status}`);
        latencies.push(Number(process.hrtime.bigint() - begin) / 1e6);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), seconds: secondsSince(start) };
};

const main = async () => {
  const service = await startAssessment();
  try {
    await seed(service);
    const sample = (await (await service.request('GET', '/employees/emp-1/gaps')).text()).length;
    await measure(service, WARMUP, 1);
    const rows: string[][] = [];
    for (const concurrency of [1, 8]) {
      const { latencies, seconds } = await measure(service, requests, concurrency);
      const ms = (p: number) => percentile(latencies, p * 100).toFixed(2);
      rows.push([
        String(concurrency),
        formatCount(latencies.length),
        ms(0.5),
        ms(0.9),
        ms(0.99),
        latencies.at(-1)?.toFixed(2) ?? '',
        formatRate(latencies.length / seconds),
      ]);
    }
    console.log(`# Gap analysis latency (${COMPETENCIES} competencies × ${INDICATORS} indicators)`);
    console.log(describeMachine());
    console.log(`response ${formatCount(sample)} bytes; ${WARMUP} warm-up requests not counted\n`);
    console.log(
      markdownTable(
        [
          { header: 'concurrent clients' },
          { header: 'requests', align: 'right' },
          { header: 'p50 ms', align: 'right' },
          { header: 'p90 ms', align: 'right' },
          { header: 'p99 ms', align: 'right' },
          { header: 'max ms', align: 'right' },
          { header: 'requests/s', align: 'right' },
        ],
        rows,
      ),
    );
  } finally {
    await service.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
