/**
 * The whole system on the embedded default, as `npm start` runs it (four service processes
 * sharing one SQLite event store and bus in a temp folder), driven over HTTP only:
 *
 * - submit-goal and log-check-in at increasing offered rates (autocannon `overallRate`),
 *   every request a distinct, valid command: achieved commands/s, p50/p99, non-2xx;
 * - submit → approval-inbox propagation: time from the submit's 2xx answer until the
 *   manager's inbox lists the goal;
 * - resident memory of each service at rest (after seeding, idle) and its peak under load;
 * - the limit, in the same run: a no-op NestJS POST route in one process (noop-route.ts),
 *   driven by the same load generator at the same rates and at 10,000/s for its capacity; a
 *   command's capacity is printed as a share of it.
 *
 * BENCH_RATES (default 250,500,1000,1500,2000) offered commands/s; BENCH_SECONDS (10) per
 * rate; BENCH_STOP_SATURATED (1) stops raising the rate of a command once the achieved rate
 * falls below 80% of the offered one; BENCH_PROPAGATION_RATE (200) submits/s for
 * BENCH_PROPAGATION_SECONDS (10), BENCH_POLLERS (4) inbox polls in flight at most and
 * BENCH_POLL_MS (5) at least between two polls of one manager's inbox;
 * BENCH_CHECKIN_GOALS (1200) active goals the check-ins rotate over; BENCH_SEED_CONCURRENCY
 * (16) seeding requests in flight; BENCH_PHASES (propagation,submit,check-in) what to run;
 * Before each load window the bench waits until every lag gauge of every service reads 0, so
 * the window measures its own commands, not the seeding's backlog. BENCH_PROFILE_DIR, when set, CPU-profiles every service during each load window only
 * (cpu-profile.preload.js, toggled by SIGWINCH) into <dir>/<pid>-<n>.cpuprofile.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClient, type Client } from '../../scripts/demo/http';
import { RunningSystem, services } from '../../scripts/testing/running-system';
import { ProfileWindows } from '../lib/cpu-profile-window';
import { formatCount, formatRate } from '../lib/format';
import { describeMachine } from '../lib/machine';
import { percentile, positiveFromEnv } from '../lib/stats';
import { markdownTable } from '../lib/table';
import { LagSampler } from './lag';
import { runLoad, type CommandRequest, type LoadResult } from './load';
import { CpuMeter, PeakSampler, servicePids, snapshot, type ServiceName } from './memory';
import { measureNoopBaseline, type NoopBaseline } from './noop-baseline';
import { measurePropagation } from './propagation';
import { secondsToSettled } from '../restart/readiness';
import {
  awaitGoalsReadable,
  cohort,
  employeeCaller,
  goalsPerEmployee,
  seedActiveGoals,
  seedDrafts,
  seedFramework,
  seedPeople,
  type SeededGoal,
} from './seed';

const ratesFromEnv = (): number[] => {
  const raw = process.env.BENCH_RATES ?? '250,500,1000,1500,2000';
  const rates = raw.split(',').map((rate) => Number(rate.trim()));
  if (rates.some((rate) => !(Number.isInteger(rate) && rate > 0)))
    throw new Error(`BENCH_RATES must be whole numbers separated by commas, got ${raw}`);
  return rates;
};

const config = {
  rates: ratesFromEnv(),
  seconds: positiveFromEnv('BENCH_SECONDS', 10),
  stopSaturated: process.env.BENCH_STOP_SATURATED !== '0',
  propagationRate: positiveFromEnv('BENCH_PROPAGATION_RATE', 200),
  propagationSeconds: positiveFromEnv('BENCH_PROPAGATION_SECONDS', 10),
  pollMs: positiveFromEnv('BENCH_POLL_MS', 5),
  pollers: positiveFromEnv('BENCH_POLLERS', 4),
  profileDir: process.env.BENCH_PROFILE_DIR ? resolve(process.env.BENCH_PROFILE_DIR) : undefined,
  phases: new Set((process.env.BENCH_PHASES ?? 'propagation,submit,check-in').split(',')),
  checkInGoals: positiveFromEnv('BENCH_CHECKIN_GOALS', 1200),
  seedConcurrency: positiveFromEnv('BENCH_SEED_CONCURRENCY', 16),
  tenantId: `bench-${Date.now().toString(36)}`,
};
const floors = {
  commandsPerSecond: 1_000,
  commandP99Ms: 50,
  propagationP99Ms: 200,
  /** A command's capacity as a share of the no-op route's, measured in the same run. */
  shareOfNoop: 0.5,
};
/** Offered to the no-op route to find its capacity: far more than it can take. */
const NOOP_CAPACITY_RATE = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
const mib = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(0);
const log = (message: string) => process.stderr.write(`… ${message}\n`);

/** Longest wait for the seeding's backlog to be worked off before a load window. */
const SETTLE_TIMEOUT_MS = 600_000;
/** Settle times before each load window, printed with the report. */
const settleTimes: string[] = [];

/**
 * Before a load window: waits until every lag gauge of every service reads 0 (the seeding's
 * events are published, consumed and applied by every read side), then 2 s more, so a window
 * measures the commands it sends and the work they cause, not the seeding's backlog.
 */
const settle = async (urls: Readonly<Record<string, string>>, before: string): Promise<void> => {
  const since = performance.now();
  const { seconds, stillBusy } = await secondsToSettled(urls, since, {
    intervalMs: 250,
    timeoutMs: SETTLE_TIMEOUT_MS,
  });
  const figure = Number.isFinite(seconds)
    ? `${seconds.toFixed(1)} s`
    : `not settled after ${SETTLE_TIMEOUT_MS / 1000} s (${stillBusy.join('; ')})`;
  settleTimes.push(`${before}: ${figure}`);
  log(`backlog before ${before} worked off: ${figure}`);
  await sleep(2000);
};
/**
 * Autocannon paces `overallRate` per connection, all connections on the same beat: every
 * beat sends one request on each at once. Fewer connections, each busier, keep those bursts
 * small (25 at 1,000/s: a burst of 25 every 25 ms) while leaving room for slow answers.
 */
const connectionsFor = (rate: number) => Math.max(10, Math.ceil(rate / 40));

interface Row extends LoadResult {
  readonly goalsInSystem: number;
  readonly cpu: Map<ServiceName, number>;
}

/** The services' short names, in service order, as the CPU columns' headers list them. */
const shortNames: Readonly<Record<string, string>> = {
  assessment: 'asm',
  planning: 'pln',
  approval: 'apr',
  analytics: 'ana',
  notifications: 'ntf',
};
const serviceColumns = services.map((service) => shortNames[service] ?? service).join(' / ');

/** CPU % of one core per service, in service order (serviceColumns). */
const cpuCell = (cpu: Map<ServiceName, number>) =>
  services.map((service) => (cpu.get(service) ?? Number.NaN).toFixed(0)).join(' / ');

/**
 * CPU ms per answered command per service, in service order (serviceColumns): what a
 * command costs each process, the measure that a busy machine disturbs less than throughput.
 */
const cpuPerCommandCell = (cpu: Map<ServiceName, number>, achieved: number) =>
  services
    .map((service) => (((cpu.get(service) ?? Number.NaN) * 10) / achieved).toFixed(2))
    .join(' / ');

const commandTable = (rows: readonly Row[], skipped: readonly number[]) =>
  markdownTable(
    [
      { header: 'offered/s', align: 'right' },
      { header: 'achieved cmd/s', align: 'right' },
      { header: 'p50 ms', align: 'right' },
      { header: 'p99 ms', align: 'right' },
      { header: 'max ms', align: 'right' },
      { header: '2xx', align: 'right' },
      { header: 'non-2xx', align: 'right' },
      { header: 'errors', align: 'right' },
      { header: 'goals in system', align: 'right' },
      { header: `CPU % ${serviceColumns}`, align: 'right' },
      { header: `CPU ms/cmd ${serviceColumns}`, align: 'right' },
      { header: 'flag' },
    ],
    [
      ...rows.map((row) => [
        formatCount(row.offered),
        formatRate(row.achieved),
        ms(row.p50),
        ms(row.p99),
        ms(row.max),
        formatCount(row.ok),
        formatCount(row.non2xx),
        formatCount(row.errors),
        formatCount(row.goalsInSystem),
        cpuCell(row.cpu),
        cpuPerCommandCell(row.cpu, row.achieved),
        [
          row.non2xx > 0 || row.errors > 0
            ? `⚠ non-2xx/errors ${JSON.stringify(row.statusCodes)}`
            : '',
          row.achieved < 0.8 * row.offered ? 'saturated' : '',
        ]
          .filter(Boolean)
          .join('; '),
      ]),
      ...skipped.map((rate) => [
        formatCount(rate),
        '—',
        '—',
        '—',
        '—',
        '—',
        '—',
        '—',
        '—',
        '—',
        '—',
        'skipped: saturated at a lower rate',
      ]),
    ],
  );

/** Best achieved rate among clean rows (no non-2xx, no errors) within the p99 floor. */
/**
 * The best offered rate the system carried: at least 98% of it achieved (a 10 s window
 * counted from the first request to the last answer never shows exactly the offered rate),
 * p99 within the floor, no failures.
 */
const commandVerdict = (name: string, rows: readonly Row[]) => {
  const carried = rows.filter(
    (row) =>
      row.non2xx === 0 &&
      row.errors === 0 &&
      row.p99 <= floors.commandP99Ms &&
      row.achieved >= 0.98 * row.offered,
  );
  const best = Math.max(0, ...carried.map((row) => row.offered));
  return [
    name,
    `${formatRate(best)} cmd/s offered and carried (≥ 98% achieved) with p99 ≤ ${floors.commandP99Ms} ms, 0 non-2xx`,
    `≥ ${formatRate(floors.commandsPerSecond)} cmd/s with p99 ≤ ${floors.commandP99Ms} ms`,
    best >= floors.commandsPerSecond ? 'PASS' : 'BELOW',
  ];
};

/** A command's capacity (its best achieved rate) as a share of the no-op route's. */
const shareOfNoopVerdict = (name: string, rows: readonly Row[], noop: NoopBaseline) => {
  if (rows.length === 0) return [`${name} / no-op route`, 'not run', '', ''];
  const best = Math.max(...rows.map((row) => row.achieved));
  const share = best / noop.capacity.achieved;
  return [
    `${name} / no-op route`,
    `${formatRate(best)} / ${formatRate(noop.capacity.achieved)} cmd/s = ${(100 * share).toFixed(0)}%`,
    `≥ ${100 * floors.shareOfNoop}% of the no-op route's capacity`,
    share >= floors.shareOfNoop ? 'PASS' : 'BELOW',
  ];
};

const noopTable = (noop: NoopBaseline) =>
  [
    `## the limit: a no-op NestJS POST route, one process, same load generator\n`,
    markdownTable(
      [
        { header: 'offered/s', align: 'right' },
        { header: 'achieved/s', align: 'right' },
        { header: 'p50 ms', align: 'right' },
        { header: 'p99 ms', align: 'right' },
        { header: 'non-2xx', align: 'right' },
      ],
      [...noop.atRates, noop.capacity].map((result) => [
        formatCount(result.offered),
        formatRate(result.achieved),
        ms(result.p50),
        ms(result.p99),
        formatCount(result.non2xx + result.errors),
      ]),
    ),
    `\nnoop-route.ts: NestJS on Express, one POST route that parses a check-in's JSON body and answers 201 {}; measured before the services start. Its capacity is the achieved rate at ${formatCount(NOOP_CAPACITY_RATE)}/s offered.\n`,
  ].join('\n');

const main = async () => {
  if (config.profileDir) mkdirSync(config.profileDir, { recursive: true });
  console.log(`# bench:system\n\n${describeMachine()}\n`);
  console.log(
    `Embedded default (SQLite event store and bus), 4 service processes via scripts/start.js; tenant ${config.tenantId}; ${config.seconds} s per offered rate; EVENT_STORE_SQLITE_SYNCHRONOUS=${process.env.EVENT_STORE_SQLITE_SYNCHRONOUS ?? 'full (default)'}${config.profileDir ? `; services CPU-profiled during each load window into ${config.profileDir}` : ''}.\n`,
  );
  // The limit first, on the quiet machine, before the services start.
  const noop =
    config.phases.has('submit') || config.phases.has('check-in')
      ? await measureNoopBaseline({
          rates: config.rates,
          offeredForCapacity: NOOP_CAPACITY_RATE,
          seconds: config.seconds,
          connectionsFor,
          body: checkInBody(0),
        })
      : undefined;
  if (noop) log(`no-op route: capacity ${formatRate(noop.capacity.achieved)}/s`);
  const system = new RunningSystem(
    config.profileDir
      ? {
          env: {
            NODE_OPTIONS: `--require ${resolve(__dirname, 'cpu-profile.preload.js')}`,
            BENCH_PROFILE_DIR: config.profileDir,
          },
        }
      : {},
  );
  const stopOnSignal = () => void system.dispose().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    process.env.TALENTLOOP_BASE_PORT = String(system.basePort);
    // The client signs its tokens with the system's development secret.
    process.env.TALENTLOOP_DATA_DIR = system.folder;
    await system.ready();
    const pids = servicePids(system.process?.pid ?? -1);
    if (pids.size !== services.length)
      throw new Error(`found ${pids.size} service processes under start.js, expected 4`);
    const api: Client = createClient(config.tenantId);
    const profiles: string[] = [];
    /**
     * Starts the CPU profiler of every service for the next window (no label), or stops it
     * and names the window it profiled (see cpu-profile.preload.js).
     */
    const windows = new ProfileWindows(config.profileDir, () => pids.values());
    const toggleProfiles = (label?: string) => {
      if (label === undefined) windows.start();
      else if (config.profileDir) {
        windows.stop();
        profiles.push(label);
      }
    };
    log(`system ready on ports ${system.basePort}–${system.basePort + 3}`);
    let goalsInSystem = 0;

    // ── seed ────────────────────────────────────────────────────────────────────────────
    const seedStarted = performance.now();
    await seedFramework(api);
    const propagationGoals = config.phases.has('propagation')
      ? config.propagationRate * config.propagationSeconds
      : 0;
    const propagationCohort = cohort(
      'prop',
      Math.ceil(propagationGoals / goalsPerEmployee),
      4, // few goals per manager keep each inbox answer small
    );
    const checkInGoals = config.phases.has('check-in') ? config.checkInGoals : 0;
    const checkInCohort = cohort('chk', Math.ceil(checkInGoals / goalsPerEmployee), 10);
    for (const group of [propagationCohort, checkInCohort])
      await seedPeople(api, group, config.seedConcurrency);
    log('people synced');
    const toPropagate = (
      await seedDrafts(api, propagationCohort, goalsPerEmployee, config.seedConcurrency)
    ).slice(0, propagationGoals);
    const toCheckIn = (
      await seedDrafts(api, checkInCohort, goalsPerEmployee, config.seedConcurrency)
    ).slice(0, checkInGoals);
    goalsInSystem += propagationCohort.employees.length * goalsPerEmployee;
    goalsInSystem += checkInCohort.employees.length * goalsPerEmployee;
    await awaitGoalsReadable(api, toCheckIn);
    log(`${goalsInSystem} goals drafted; activating ${toCheckIn.length}`);
    await seedActiveGoals(api, toCheckIn, config.seedConcurrency);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(`seeded in ${seedSeconds.toFixed(0)} s`);

    await settle(api.urls, 'propagation');
    const atRest = snapshot(pids);
    const sampler = new PeakSampler(pids);

    // ── propagation ─────────────────────────────────────────────────────────────────────
    log(`propagation: ${toPropagate.length} submits at ${config.propagationRate}/s`);
    const propagationCpu = new CpuMeter(pids);
    toggleProfiles();
    const lags = new LagSampler({ planning: api.urls.planning, approval: api.urls.approval });
    const propagation = config.phases.has('propagation')
      ? await measurePropagation(api, toPropagate, {
          rate: config.propagationRate,
          pollMs: config.pollMs,
          pollers: config.pollers,
        })
      : undefined;
    toggleProfiles('propagation');
    const lagPeaks = await lags.stop();
    const propagationCpuPercent = propagationCpu.percent();

    // ── commands ────────────────────────────────────────────────────────────────────────
    const runSteps = async (
      name: string,
      prepare: (rate: number) => Promise<() => CommandRequest>,
    ) => {
      const rows: Row[] = [];
      const skipped: number[] = [];
      if (!config.phases.has(name)) return { rows, skipped };
      for (const rate of config.rates) {
        const previous = rows.at(-1);
        if (config.stopSaturated && previous && previous.achieved < 0.8 * previous.offered) {
          skipped.push(rate);
          continue;
        }
        const next = await prepare(rate);
        await settle(api.urls, `${name} at ${rate}/s`);
        log(`${name} at ${rate}/s for ${config.seconds} s`);
        const cpu = new CpuMeter(pids);
        toggleProfiles();
        const result = await runLoad({
          url: api.urls.planning,
          rate,
          seconds: config.seconds,
          connections: connectionsFor(rate),
          next,
        });
        toggleProfiles(`${name} at ${rate}/s`);
        rows.push({ ...result, goalsInSystem, cpu: cpu.percent() });
        log(
          `  → ${formatRate(result.achieved)}/s, p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms, non-2xx ${result.non2xx}`,
        );
      }
      return { rows, skipped };
    };

    let exhausted = 0;
    const submits = await runSteps('submit', async (rate) => {
      // Every submit needs its own drafted goal: a pool for this rate, with some headroom.
      const needed = Math.ceil(rate * config.seconds * 1.05) + connectionsFor(rate);
      const group = cohort(`s${rate}`, Math.ceil(needed / goalsPerEmployee), 10);
      log(`seeding ${needed} drafted goals for submit-goal at ${rate}/s`);
      await seedPeople(api, group, config.seedConcurrency);
      const pool = await seedDrafts(api, group, goalsPerEmployee, config.seedConcurrency);
      goalsInSystem += pool.length;
      await awaitGoalsReadable(api, pool);
      const authorizations = await authorizationsOf(api, pool);
      let index = 0;
      return () => {
        const goal: SeededGoal | undefined = pool[index++];
        if (!goal) exhausted++;
        const { goalId, employeeId } = goal ?? pool[0];
        return { path: `/goals/${goalId}/submit`, headers: headers(authorizations, employeeId) };
      };
    });

    let checkInNumber = 0;
    const checkIns = await runSteps('check-in', async () => {
      const authorizations = await authorizationsOf(api, toCheckIn);
      let index = 0;
      return () => {
        // Round-robin over many goals, so two check-ins on one goal rarely overlap.
        const { goalId, employeeId } = toCheckIn[index++ % toCheckIn.length];
        const n = ++checkInNumber;
        return {
          path: `/goals/${goalId}/check-ins`,
          headers: { ...headers(authorizations, employeeId), 'content-type': 'application/json' },
          body: checkInBody(n),
        };
      };
    });
    const peaks = sampler.stop();
    // The last profiles are written after the stop signal: give them a moment.
    if (config.profileDir) await sleep(1500);
    const afterLoad = snapshot(pids);

    // ── report ──────────────────────────────────────────────────────────────────────────
    console.log(
      `Seeded over HTTP in ${seedSeconds.toFixed(0)} s: framework, role profile, ${formatCount(propagationCohort.employees.length + checkInCohort.employees.length)} employees with managers, ${formatCount(toCheckIn.length)} goals activated through approval (check-ins rotate over them); each submit rate gets its own freshly drafted goals (3 per employee).\n`,
    );
    console.log('## submit-goal (POST /goals/:id/submit), one distinct drafted goal per request\n');
    console.log(commandTable(submits.rows, submits.skipped));
    if (exhausted > 0) console.log(`\n⚠ ${exhausted} submits found the goal pool exhausted`);
    console.log(
      `\n## log-check-in (POST /goals/:id/check-ins), distinct answers, rotating over ${formatCount(toCheckIn.length)} active goals\n`,
    );
    console.log(commandTable(checkIns.rows, checkIns.skipped));
    console.log(
      '\nLatency is autocannon’s (request written → response read) under `overallRate`; connections = max(10, rate/40) (autocannon sends one request per connection per beat, all connections on the same beat). "goals in system" counts goals drafted so far in the tenant. CPU is % of one core per service process over the run (utime + stime from /proc; the machine has 2 cores, the load generator shares them); CPU ms/cmd divides it by the commands answered.',
    );
    console.log(
      `Before each window the seeding's backlog was worked off (every lag gauge of every service at 0, then 2 s idle): ${settleTimes.join('; ')}.\n`,
    );

    if (noop) console.log(noopTable(noop));

    const lat = propagation?.latenciesMs ?? [];
    const rtt = propagation?.pollRoundTripsMs ?? [];
    const resolution = propagation?.resolutionsMs ?? [];
    console.log('## submit → approval inbox (visible latency)\n');
    if (propagation) {
      console.log(
        markdownTable(
          [
            { header: 'submits', align: 'right' },
            { header: 'offered/s', align: 'right' },
            { header: 'refused', align: 'right' },
            { header: 'seen in inbox', align: 'right' },
            { header: 'p50 ms', align: 'right' },
            { header: 'p99 ms', align: 'right' },
            { header: 'max ms', align: 'right' },
            { header: 'resolution p50/p99 ms', align: 'right' },
            { header: 'inbox polls', align: 'right' },
            { header: 'poll RTT p50/p99 ms', align: 'right' },
            { header: `CPU % ${serviceColumns}`, align: 'right' },
          ],
          [
            [
              formatCount(propagation.submitted),
              formatCount(config.propagationRate),
              formatCount(propagation.refused),
              formatCount(propagation.seen),
              ms(percentile(lat, 50)),
              ms(percentile(lat, 99)),
              ms(lat.at(-1) ?? Number.NaN),
              `${ms(percentile(resolution, 50))} / ${ms(percentile(resolution, 99))}`,
              `${formatCount(propagation.polls)} (${formatRate(propagation.polls / propagation.seconds)}/s)`,
              `${ms(percentile(rtt, 50))} / ${ms(percentile(rtt, 99))}`,
              cpuCell(propagationCpuPercent),
            ],
          ],
        ),
      );
      console.log(
        `\nMeasured from the submit's 2xx answer to the answer of the first inbox poll (GET /approval-requests/inbox as the manager) that lists the goal. ${config.pollers} pollers share the managers with goals not yet seen, oldest-polled first, at most one poll per manager every ${config.pollMs} ms; "resolution" is how late a figure may be: the time since that manager's previous poll was sent (when the goal was not listed yet), capped at the figure itself.\n`,
      );
      const backlog = [...lagPeaks]
        .filter(([, peak]) => peak > 0)
        .sort((a, b) => b[1] - a[1])
        .map(([series, peak]) => `${series}: ${formatCount(peak)}`);
      console.log(
        `Peak backlogs meanwhile (the services' lag gauges from GET /metrics, sampled every 250 ms): ${backlog.join('; ') || 'none above 0'}.\n`,
      );
    } else console.log('(not run: BENCH_PHASES)\n');

    console.log('## memory (VmRSS, MiB)\n');
    console.log(
      markdownTable(
        [
          { header: 'service' },
          { header: 'pid', align: 'right' },
          { header: 'at rest (after seed, idle 2 s)', align: 'right' },
          { header: 'peak under load (200 ms samples)', align: 'right' },
          { header: 'after load', align: 'right' },
        ],
        services.map((service: ServiceName) => [
          service,
          String(pids.get(service)),
          mib(atRest.get(service)),
          mib(peaks.get(service)),
          mib(afterLoad.get(service)),
        ]),
      ),
    );

    if (config.profileDir)
      console.log(
        `\nCPU profiles in ${config.profileDir}: <pid>-<n>.cpuprofile, n = ${profiles.map((label, i) => `${i + 1}: ${label}`).join(', ')}; pids ${[...pids].map(([service, pid]) => `${service} ${pid}`).join(', ')}.`,
      );
    console.log('\n## floors\n');
    const propagationP99 = percentile(lat, 99);
    const allSeen =
      propagation !== undefined &&
      propagation.seen === propagation.submitted &&
      propagation.refused === 0;
    console.log(
      markdownTable(
        [{ header: 'figure' }, { header: 'measured' }, { header: 'floor' }, { header: 'verdict' }],
        [
          commandVerdict('submit-goal', submits.rows),
          commandVerdict('log-check-in', checkIns.rows),
          ...(noop
            ? [
                shareOfNoopVerdict('submit-goal', submits.rows, noop),
                shareOfNoopVerdict('log-check-in', checkIns.rows, noop),
              ]
            : []),
          [
            'submit → inbox',
            `p99 ${ms(propagationP99)} ms (${propagation?.seen ?? 0}/${propagation?.submitted ?? 0} seen)`,
            `p99 ≤ ${floors.propagationP99Ms} ms`,
            allSeen && propagationP99 <= floors.propagationP99Ms ? 'PASS' : 'BELOW',
          ],
        ],
      ),
    );
  } catch (error) {
    console.error(`system output (last 4,000 characters):\n${system.output.slice(-4000)}`);
    throw error;
  } finally {
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    await system.dispose();
  }
};

/** A check-in's body; the no-op route gets the same bytes. */
const checkInBody = (n: number): string =>
  JSON.stringify({
    answers: {
      whatWasDone: `Check-in ${n}: summarised the speaker before replying in two reviews.`,
      whatGoesWellAndWhatIsHard: 'Summaries go well; holding back my own view is hard.',
      whatIsNext: 'Ask one deepening question per meeting.',
    },
    durationMinutes: 20,
    actionsTicked: [],
  });

/** Each employee's `Authorization` header, minted before a load so it measures no signing. */
const authorizationsOf = async (
  api: Client,
  goals: readonly SeededGoal[],
): Promise<ReadonlyMap<string, string>> =>
  new Map(
    await Promise.all(
      [...new Set(goals.map((goal) => goal.employeeId))].map(
        async (employeeId) =>
          [employeeId, await api.authorization(employeeCaller(employeeId))] as const,
      ),
    ),
  );

const headers = (
  authorizations: ReadonlyMap<string, string>,
  employeeId: string,
): Record<string, string> => ({ authorization: authorizations.get(employeeId) ?? '' });

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
