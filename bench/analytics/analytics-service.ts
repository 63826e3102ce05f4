// The analytics service for the benchmarks that need it running on a generated history
// (bench:analytics, bench:console): its read models rebuilt from the history, then the
// service in a process of its own, as in production, ready and warm.
import { execFileSync, spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type EventStore } from '@talentloop/event-store';
import { eventSourceFor } from '@talentloop/privacy';
import {
  rebuildProjection,
  type ReadModelStore,
  type RebuildResult,
} from '@talentloop/read-models';
import { analyticsProjections } from '../../services/analytics/src/projections/employee-facts.projection';
import { SERVICE_RUNTIME_ENV, SERVICE_V8_FLAGS, serviceEntry } from '../../scripts/service-process';
import { ProfileWindows } from '../lib/cpu-profile-window';

/**
 * BENCH_PROFILE_DIR: CPU profiles of the service while it answers the queries, and the replay.
 * BENCH_SERVICE_STDOUT=1 shows what the service writes to stdout (V8's --trace-gc lines).
 */
const profileDir = process.env['BENCH_PROFILE_DIR'];

/** A port nobody listens on now. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/**
 * The service in its own process, as it runs in production (compiled to dist/ first), so
 * its memory is its own, not the generator's or the rebuild's. Ready once /health/ready
 * answers 200: the facts are loaded; the reports then warm, and the queries wait until
 * talentloop_analytics_warm_up_steps_pending reads 0.
 */
export const startService = async (env: Record<string, string>) => {
  execFileSync(process.execPath, [join(__dirname, '../../scripts/build.js')], {
    stdio: 'inherit',
  });
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      // The flags the service runs with everywhere (npm start, the image): memory as in production.
      ...SERVICE_V8_FLAGS,
      // BENCH_SERVICE_FLAGS: more Node or V8 flags for the service, to compare one against none.
      ...(process.env['BENCH_SERVICE_FLAGS']?.split(/\s+/).filter(Boolean) ?? []),
      ...(profileDir ? ['-r', join(__dirname, '../system/cpu-profile.preload.js')] : []),
      serviceEntry('analytics'),
    ],
    {
      // Only what the bench sets: a MONGODB_URI in the shell must not move its read models.
      // With the environment `npm start` gives every service (the compile cache).
      env: {
        PATH: process.env['PATH'],
        ...SERVICE_RUNTIME_ENV,
        ...env,
        HOST: '127.0.0.1',
        PORT: String(port),
        ...(profileDir ? { BENCH_PROFILE_DIR: profileDir } : {}),
      },
      stdio: ['ignore', process.env['BENCH_SERVICE_STDOUT'] ? 'inherit' : 'ignore', 'inherit'],
    },
  );
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const url = `http://127.0.0.1:${port}`;
  const assertRunning = () => {
    if (exited !== undefined) throw new Error(`the analytics service exited with ${exited}`);
  };
  for (;;) {
    assertRunning();
    const status = await fetch(`${url}/health/ready`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Once the view is ready the reports warm, a step per turn of the event loop: the queries
  // are timed once the service says every step has run.
  for (;;) {
    assertRunning();
    const metrics = await fetch(`${url}/metrics`).then((response) => response.text());
    const pending = /^talentloop_analytics_warm_up_steps_pending(?:\{[^}]*\})? (\d+)/m.exec(
      metrics,
    );
    if (pending?.[1] === '0') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pid = child.pid ?? 0;
  const windows = new ProfileWindows(profileDir, () => [pid]);
  return {
    url,
    pid,
    /** Profiles the service while `run` runs, when BENCH_PROFILE_DIR is set. */
    profiled: async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      if (!profileDir) return run();
      const window = windows.start();
      await new Promise((resolve) => setTimeout(resolve, 200));
      try {
        return await run();
      } finally {
        windows.stop();
        await new Promise((resolve) => setTimeout(resolve, 1000));
        console.log(`(profile of the ${name}: ${profileDir}/${pid}-${window}.cpuprofile)`);
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited !== undefined) resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
};

/** What rebuilding every read model of the service took, added up. */
export type Rebuilt = Pick<RebuildResult, 'events' | 'documents' | 'elapsedMs'>;

/** Every read model the service reads (facts and histories), one after the other. */
export const rebuildInto = async (
  store: EventStore,
  readModels: ReadModelStore,
): Promise<Rebuilt> => {
  try {
    const total = { events: 0, documents: 0, elapsedMs: 0 };
    for (const projection of analyticsProjections.values()) {
      const result = await rebuildProjection({
        // As the service feeds them: they keep no personal data, so they read sealed events.
        eventStore: eventSourceFor(store, [projection]),
        readModels,
        projection,
        retireDelayMs: 0,
      });
      total.events += result.events;
      total.documents += result.documents;
      total.elapsedMs += result.elapsedMs;
    }
    return total;
  } finally {
    await readModels.close();
  }
};
