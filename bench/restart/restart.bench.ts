/**
 * Restart benchmark on the embedded default: for each history size (BENCH_RESTART_SIZES,
 * default 10000,100000,1000000 events; 0 adds a baseline on an empty folder), a fresh data
 * folder whose event store holds that history as the services store it
 * (bench/restart/history.ts), then the four services as separate processes
 * (scripts/testing/running-system.ts, per-service mode):
 *
 * - first start: the relays publish the whole history on the bus and every read side builds
 *   from nothing ("first start: catching up"): seconds from spawn to GET /health/ready 200,
 *   then until every lag gauge on /metrics reads 0; RSS at rest;
 * - restart of the four together on the same folder (SIGTERM, then spawned together as
 *   `npm start` does): seconds from spawn to /health/ready 200 per service, the CPU each used
 *   until then, and RSS at rest (VmRSS of each process, BENCH_REST_SECONDS, 5, after every lag
 *   and pending-work gauge read 0: caught up, and the analytics reports warm);
 * - restart of each service alone while the other three run: the same, without three siblings
 *   starting on the same cores.
 *
 * The issue's floors, printed beside the figures, not asserted: restart ≤ 2 s at every size,
 * flat across sizes; RSS at rest ≤ 300 MiB at 1,000,000 events.
 * BENCH_FIRST_START_TIMEOUT_SECONDS (default 3600) bounds the first start until ready,
 * BENCH_SETTLE_TIMEOUT_SECONDS (600) the wait for lags of 0 after it (past it the restart goes
 * ahead and the report names the lags), BENCH_RESTART_TIMEOUT_SECONDS (180) a restart (past it
 * the figure reads n/a and the bench goes on). Run with `npm run bench:restart`; a quick run:
 * `BENCH_RESTART_SIZES=10000 npm run bench:restart`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningSystem, services } from '../../scripts/testing/running-system';
import { formatCount, formatRate, formatSeconds } from '../lib/format';
import { describeMachine } from '../lib/machine';
import { positiveFromEnv } from '../lib/stats';
import { MachineLoad } from '../lib/machine-load';
import type { ServiceName } from '../system/memory';
import { writeHistory } from './history';
import { fileSizes, restart, rssAfter, timeStart, type StartFigures } from './processes';
import { secondsToSettled } from './readiness';
import { floors, notes, table, type SizeFigures } from './report';

const sizesFromEnv = (): number[] => {
  const raw = process.env['BENCH_RESTART_SIZES'] ?? '10000,100000,1000000';
  const sizes = raw.split(',').map((size) => Number(size.trim()));
  if (sizes.some((size) => !(Number.isInteger(size) && size >= 0)))
    throw new Error(`BENCH_RESTART_SIZES must be whole numbers separated by commas, got ${raw}`);
  return sizes;
};

const config = {
  sizes: sizesFromEnv(),
  restSeconds: positiveFromEnv('BENCH_REST_SECONDS', 5),
  firstStartTimeoutMs: positiveFromEnv('BENCH_FIRST_START_TIMEOUT_SECONDS', 3600) * 1000,
  settleTimeoutMs: positiveFromEnv('BENCH_SETTLE_TIMEOUT_SECONDS', 600) * 1000,
  restartTimeoutMs: positiveFromEnv('BENCH_RESTART_TIMEOUT_SECONDS', 180) * 1000,
};
/** Restarts are polled often, so a figure is late by at most this; first starts less often. */
const restartPoll = { intervalMs: 20, timeoutMs: config.restartTimeoutMs };
const firstStartPoll = { intervalMs: 200, timeoutMs: config.firstStartTimeoutMs };

const log = (message: string) => process.stderr.write(`… ${message}\n`);
/** A phase's figures as soon as they are known, so a later failure loses nothing. */
const logStart = (size: number, phase: string, figures: StartFigures) =>
  log(
    `${formatCount(size)}: ${phase}: ${services
      .map(
        (service) =>
          `${service} ${formatSeconds(figures.ready.get(service) ?? Number.NaN)} (CPU ${formatSeconds(figures.cpu.get(service) ?? Number.NaN)})`,
      )
      .join(', ')}`,
  );

/** Each service stopped and started again on its own, one after another. */
const restartEachAlone = async (system: RunningSystem): Promise<StartFigures> => {
  const ready = new Map<ServiceName, number>();
  const cpu = new Map<ServiceName, number>();
  for (const service of services) {
    const figures = await restart(system, [service], restartPoll);
    ready.set(service, figures.ready.get(service)!);
    cpu.set(service, figures.cpu.get(service)!);
  }
  return { ready, cpu };
};

const runSize = async (size: number): Promise<SizeFigures> => {
  const load = new MachineLoad();
  const folder = mkdtempSync(join(tmpdir(), `talentloop-bench-restart-${size}-`));
  const files = {
    EVENT_STORE_SQLITE_PATH: join(folder, 'talentloop.sqlite'),
    BUS_SQLITE_PATH: join(folder, 'bus.sqlite'),
    READ_MODELS_SQLITE_PATH: join(folder, 'read-models.sqlite'),
  };
  let system: RunningSystem | undefined;
  try {
    log(`${formatCount(size)}: writing the history into ${folder}`);
    const history = await writeHistory(files.EVENT_STORE_SQLITE_PATH, size);
    if (history.events > 0)
      log(
        `${formatCount(size)}: ${formatCount(history.events)} events in ${formatSeconds(history.seconds)} (${formatRate(history.events / history.seconds)} events/s)`,
      );
    log(`${formatCount(size)}: first start`);

    const spawned = performance.now();
    system = new RunningSystem({
      env: { ...files, LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' },
      processes: 'per-service',
    });
    const running = system;
    const first = await timeStart(
      running,
      services,
      spawned,
      firstStartPoll,
      running.ready(services, config.firstStartTimeoutMs),
    );
    logStart(size, 'first start ready', first);
    log(`${formatCount(size)}: waiting until every lag reads 0`);
    const urls = Object.fromEntries(services.map((service) => [service, running.url(service, '')]));
    const settled = await secondsToSettled(urls, spawned, {
      intervalMs: 500,
      timeoutMs: performance.now() - spawned + config.settleTimeoutMs,
    });
    log(
      settled.stillBusy.length > 0
        ? `${formatCount(size)}: lags above 0, restarting anyway: ${settled.stillBusy.join('; ')}`
        : `${formatCount(size)}: all lags 0 after ${formatSeconds(settled.seconds)}`,
    );
    const firstRss = await rssAfter(config.restSeconds);

    log(`${formatCount(size)}: restart, the four together`);
    const together = await restart(running, services, restartPoll);
    logStart(size, 'restart, the four together', together);
    // At rest: nothing left to catch up on, and the work a start does after ready (the
    // analytics reports' warm-up) done.
    const afterRestart = performance.now();
    const rested = await secondsToSettled(urls, afterRestart, {
      intervalMs: 250,
      timeoutMs: config.settleTimeoutMs,
    });
    if (rested.stillBusy.length > 0)
      log(`${formatCount(size)}: still busy after the restart: ${rested.stillBusy.join('; ')}`);
    const restartRss = await rssAfter(config.restSeconds);
    log(
      `${formatCount(size)}: RSS at rest ${services.map((service) => `${service} ${(restartRss.get(service) ?? Number.NaN).toFixed(0)} MiB`).join(', ')}; restart, each service alone`,
    );
    const alone = await restartEachAlone(running);
    logStart(size, 'restart, each alone', alone);
    return {
      size,
      history,
      first,
      settled,
      firstRss,
      together,
      restartRss,
      alone,
      files: fileSizes(files),
      load: load.describe(),
    };
  } finally {
    await system?.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
};

const main = async () => {
  const load = new MachineLoad();
  console.log(`# Restart benchmark\n\n${describeMachine()}\n`);
  console.log(
    [
      'Embedded default (SQLite event store, embedded bus, embedded read models), the four services as processes.',
      `Ready: the first 200 of GET /health/ready, timed from the spawn of the process (restarts polled every ${restartPoll.intervalMs} ms, first starts every ${firstStartPoll.intervalMs} ms).`,
      'CPU to ready: user + system seconds of the process from its spawn to its ready answer (/proc/<pid>/stat); on a busy machine the wall time grows, this does not.',
      `RSS at rest: VmRSS of each process ${config.restSeconds} s after every lag and pending-work gauge (the analytics warm-up) read 0, after the first start and after the restart of the four.`,
      `Floors (printed, not asserted): restart ≤ ${floors.restartSeconds} s at every size, RSS at rest ≤ ${floors.rssMiB} MiB at ${formatCount(floors.rssAtEvents)} events.`,
      '',
    ].join('\n'),
  );
  const figures: SizeFigures[] = [];
  for (const size of config.sizes) {
    const result = await runSize(size);
    figures.push(result);
    console.log(
      `## ${formatCount(result.history.events)} events\n\n${table([result])}\n\n${notes(result)}\n`,
    );
  }
  console.log(`## All sizes\n\n${table(figures)}\n\n${figures.map(notes).join('\n')}\n`);
  console.log(load.describe());
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    // A failed start carries the services' whole output: its end says why.
    console.error(message.length > 8000 ? `…${message.slice(-8000)}` : message);
    process.exit(1);
  },
);
