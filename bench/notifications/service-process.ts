/**
 * The notifications service as `npm start` runs it: its own process from dist/ (spawnService
 * builds first), on a data folder of the bench's, on a port nobody uses, ready once
 * /health/ready answers 200. Its output is kept (the last lines) for a failure's report.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { portOf, serviceEnv, spawnService } from '../../scripts/service-process';
import { cpuSeconds } from '../system/memory';
import { ProfileWindows } from '../lib/cpu-profile-window';

const READY_TIMEOUT_MS = 60_000;
/** A graceful stop takes a second or two: past this, the process is killed. */
const STOP_GRACE_MS = 30_000;
const KEPT_LINES = 200;
/** The services' index in service-process.js: TALENTLOOP_BASE_PORT + 4 is notifications'. */
const NOTIFICATIONS_OFFSET = 4;

export interface RunningService {
  readonly url: string;
  readonly pid: number;
  /** The environment it was started with, as serviceEnv completes it (its files, its port). */
  readonly env: NodeJS.ProcessEnv;
  /** Its user + system CPU seconds so far. */
  cpuSeconds(): number;
  /** The last lines it wrote, and how many of all its lines name an error or a warning. */
  output(): { readonly tail: string; readonly problems: number };
  /** CPU-profiles it (BENCH_PROFILE_DIR set): a call starts window n, the next writes <pid>-<n>. */
  toggleProfile(): void;
  /** SIGTERM, then SIGKILL after a grace period; resolves once it has exited. */
  stop(): Promise<void>;
}

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * A base port whose notifications port is free, below Linux's ephemeral range (32768+), so no
 * outgoing connection of a parallel run can take it meanwhile.
 */
const freeBasePort = async (): Promise<number> => {
  for (let tries = 0; tries < 50; tries++) {
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    if (await isFree(base + NOTIFICATIONS_OFFSET)) return base;
  }
  throw new Error('no free port found for the notifications service');
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the service on `env` (only what the caller gives, plus PATH: a MONGODB_URI or
 * KAFKA_* of the shell must not move its stores) with the data folder `dataDir`.
 */
export const startNotificationsService = async (
  env: NodeJS.ProcessEnv,
  dataDir: string,
): Promise<RunningService> => {
  const profileDir = process.env['BENCH_PROFILE_DIR'];
  const given: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    ...env,
    TALENTLOOP_DATA_DIR: dataDir,
    TALENTLOOP_BASE_PORT: String(await freeBasePort()),
    ...(profileDir
      ? {
          BENCH_PROFILE_DIR: profileDir,
          NODE_OPTIONS: `--require ${join(__dirname, '../system/cpu-profile.preload.js')}`,
        }
      : {}),
  };
  const lines: string[] = [];
  let problems = 0;
  const child: ChildProcess = spawnService('notifications', given, (text) => {
    for (const line of text.split('\n').filter(Boolean)) {
      if (/error|warn/i.test(line)) problems++;
      lines.push(line);
      if (lines.length > KEPT_LINES) lines.shift();
    }
  });
  let exit: string | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = signal ?? String(code);
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${portOf('notifications', given)}`;
  const windows = new ProfileWindows(profileDir, () => [child.pid ?? 0]);
  const running: RunningService = {
    url,
    pid: child.pid ?? 0,
    env: serviceEnv('notifications', given),
    cpuSeconds: () => cpuSeconds(child.pid ?? 0),
    output: () => ({ tail: lines.join('\n'), problems }),
    toggleProfile: () => windows.toggle(),
    stop: async () => {
      if (exit !== undefined) return;
      child.kill('SIGTERM');
      const guard = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(guard);
    },
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exit !== undefined)
      throw new Error(`the notifications service exited (${exit}):\n${lines.join('\n')}`);
    const status = await fetch(`${url}/health/ready`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return running;
    if (Date.now() > deadline) {
      await running.stop();
      throw new Error(`the notifications service was not ready in time:\n${lines.join('\n')}`);
    }
    await sleep(100);
  }
};
