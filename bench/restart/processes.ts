/**
 * Starting, restarting and stopping the services of a RunningSystem (per-service mode) while
 * timing them from outside: readiness from the spawn, CPU and resident memory from /proc.
 */
import { statSync } from 'node:fs';
import { services, type RunningSystem } from '../../scripts/testing/running-system';
import { cpuSeconds, servicePids, snapshot, type ServiceName } from '../system/memory';
import { secondsToReady } from './readiness';

export interface Poll {
  readonly intervalMs: number;
  readonly timeoutMs: number;
}

/** Per service: seconds from spawn to the first ready answer, and CPU seconds used by then. */
export interface StartFigures {
  readonly ready: Map<ServiceName, number>;
  readonly cpu: Map<ServiceName, number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The service is running: a process of its own among this process's children. */
const isRunning = (service: ServiceName): boolean => servicePids(process.pid).has(service);

/**
 * Seconds from `since` (the spawn) to the first ready answer of each of `which` (NaN when none
 * came within the poll's timeout), and the CPU each used by then. `watch` is the running
 * system's own wait: when it fails because a process died, the start fails with the services'
 * output; when it only ran out of patience, the poll here decides.
 */
export const timeStart = async (
  system: RunningSystem,
  which: readonly ServiceName[],
  since: number,
  poll: Poll,
  watch: Promise<unknown>,
): Promise<StartFigures> => {
  const aborter = new AbortController();
  const options = { ...poll, signal: aborter.signal };
  const watched = watch.catch((error: unknown) => {
    if (which.every(isRunning)) return;
    aborter.abort();
    throw error;
  });
  const ready = new Map<ServiceName, number>();
  const cpu = new Map<ServiceName, number>();
  await Promise.all([
    ...which.map(async (service) => {
      try {
        ready.set(service, await secondsToReady(system.url(service, ''), since, options));
      } catch (error) {
        if (aborter.signal.aborted) throw error;
        process.stderr.write(`… ${service}: ${String(error)}\n`);
        ready.set(service, Number.NaN);
      }
      const pid = servicePids(process.pid).get(service);
      cpu.set(service, pid === undefined ? Number.NaN : cpuSeconds(pid));
    }),
    watched,
  ]);
  return { ready, cpu };
};

export interface Stop {
  readonly seconds: number;
  /** Services that had not exited STOP_GRACE_MS after SIGTERM and were killed. */
  readonly forced: readonly ServiceName[];
}

/** A graceful stop takes a second or two: past this, the process is killed. */
export const STOP_GRACE_MS = 30_000;

/**
 * SIGTERM to the services named (consumers commit, relays checkpoint), SIGKILL to any still
 * running STOP_GRACE_MS later, so a stuck shutdown cannot hang the bench.
 */
export const stop = async (
  system: RunningSystem,
  which: readonly ServiceName[] = services,
): Promise<Stop> => {
  const started = performance.now();
  const pids = [...servicePids(process.pid)].filter(([service]) => which.includes(service));
  const forced: ServiceName[] = [];
  const guard = setTimeout(() => {
    for (const [service, pid] of pids)
      try {
        process.kill(pid, 'SIGKILL');
        forced.push(service);
      } catch {
        // already gone
      }
  }, STOP_GRACE_MS);
  try {
    await Promise.all(which.map((service) => system.kill(service, 'SIGTERM')));
  } finally {
    clearTimeout(guard);
  }
  return { seconds: (performance.now() - started) / 1000, forced };
};

/**
 * Stops the services named and starts them again on the same data, spawned together, timed
 * from their spawn to their first ready answer.
 */
export const restart = async (
  system: RunningSystem,
  which: readonly ServiceName[],
  poll: Poll,
): Promise<StartFigures & { readonly stop: Stop }> => {
  const stopped = await stop(system, which);
  const spawned = performance.now();
  // restart() spawns at once, then waits (at 250 ms steps) for readiness: the watch.
  const watch = Promise.all(which.map((service) => system.restart(service)));
  return { ...(await timeStart(system, which, spawned, poll, watch)), stop: stopped };
};

/** VmRSS in MiB of each service process, `seconds` from now. */
export const rssAfter = async (seconds: number): Promise<Map<ServiceName, number>> => {
  await sleep(seconds * 1000);
  return snapshot(servicePids(process.pid));
};

/** MiB of each file (with its write-ahead log), by its variable's name. */
export const fileSizes = (files: Readonly<Record<string, string>>): Record<string, number> =>
  Object.fromEntries(
    Object.entries(files).map(([variable, path]) => {
      const bytes = [path, `${path}-wal`].reduce((sum, file) => {
        try {
          return sum + statSync(file).size;
        } catch {
          return sum;
        }
      }, 0);
      return [variable, bytes / 2 ** 20];
    }),
  );
