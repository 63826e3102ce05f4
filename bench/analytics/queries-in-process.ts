/**
 * The analytics reports in this process, on the facts of the bench's generated organisation
 * folded in memory (no store, no HTTP): p50/p99 per report over the bench's filter mix, for
 * profiling one report (`node --cpu-prof -r @swc-node/register bench/analytics/queries-in-process.ts`,
 * BENCH_QUERIES=approval-flow,growth to pick). Not a row of the issue: the bench measures over HTTP.
 */
import {
  analyticsReports,
  evolveEmployeeFacts,
  factsSubjectOf,
  isFactsEvent,
  parsePeriod,
  type AnalyticsFilters,
  type EmployeeFacts,
  type FactEvent,
} from '@talentloop/analytics-domain';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { organisationHistory } from '@talentloop/testing';
import { percentile, positiveFromEnv } from '../lib/stats';

const employees = positiveFromEnv('BENCH_EMPLOYEES', 10_000);
const targetEvents = positiveFromEnv('BENCH_EVENTS', 1_000_000);
const requests = positiveFromEnv('BENCH_REQUESTS', 200);
const reports = analyticsReports;
const chosen = (process.env['BENCH_QUERIES']?.split(',') ??
  Object.keys(reports)) as (keyof typeof reports)[];

/** The bench's filter mix. */
const filterMix: AnalyticsFilters[] = [
  {},
  { departmentId: 'dept-1' },
  { roleId: 'engineer' },
  { competencyId: 'collaboration' },
  { period: parsePeriod('2026') },
  { departmentId: 'dept-2', roleId: 'team-lead' },
  { departmentId: 'dept-3', competencyId: 'ownership', period: parsePeriod('2026-Q3') },
];

/** BENCH_FILTERS=cold: a month of 2024–2026 per request, so that no request finds kept counts. */
const months = Array.from({ length: 36 }, (_, index) =>
  parsePeriod(`${2024 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`),
);
const mix: AnalyticsFilters[] =
  process.env['BENCH_FILTERS'] === 'cold' ? months.map((period) => ({ period })) : filterMix;

const byEmployee = new Map<string, EmployeeFacts>();
for (const batch of organisationHistory({
  tenants: ['bench'],
  employees,
  departments: 40,
  targetEvents,
  seed: 1,
}))
  for (const { event } of batch) {
    const fact = event as unknown as FactEvent;
    const employeeId = factsSubjectOf(fact);
    if (employeeId === undefined || !isFactsEvent(fact)) continue;
    byEmployee.set(employeeId, evolveEmployeeFacts(byEmployee.get(employeeId), fact));
  }
const facts = [...byEmployee.values()];
const now = new Date().toISOString();
const run = (name: keyof typeof reports, filters: AnalyticsFilters) =>
  reports[name](facts, { scope: { kind: 'organisation' }, filters, now, threshold: 5 });

/** BENCH_PROFILE_DIR: a CPU profile of each report's timed requests (not of the set-up). */
const profileDir = process.env['BENCH_PROFILE_DIR'];
const session = new Session();
session.connect();

const main = async () => {
  console.log(`${facts.length} employees`);
  for (const name of chosen) {
    for (const filters of filterMix) run(name, filters); // warm, as the service does
    const latencies: number[] = [];
    let checksum = 0;
    if (profileDir) {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
    }
    for (let i = 0; i < requests; i++) {
      const started = performance.now();
      checksum += JSON.stringify(run(name, mix[i % mix.length])).length;
      latencies.push(performance.now() - started);
    }
    if (profileDir) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(`${profileDir}/${name}.cpuprofile`, JSON.stringify(profile));
    }
    latencies.sort((a, b) => a - b);
    console.log(
      `${name}: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms (${checksum})`,
    );
  }
};

void main();
