import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TokenSubject } from '@talentloop/service-kit';
import {
  consolePortOf,
  portOf,
  services as serviceList,
  spawnService,
  type ServiceName,
} from '../service-process';
import { unthrottledEnv } from '@talentloop/testing';
import { bearerTokens } from '../tokens';
import { basePortAvoiding, reservedPorts } from './system-ports';

export const services = serviceList.map((service) => service.name);

export interface RunningSystemOptions {
  /** Variables on top of process.env, e.g. `BUS=kafka`. */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * `npm-start`: one `npm start` process that stops all five when one dies (the default);
   * `per-service`: one child per service, each of which can be killed and restarted.
   */
  readonly processes?: 'npm-start' | 'per-service';
}

const exitOf = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((done) => child.once('exit', () => done()));

/** Production infrastructure, where the services refuse development tokens. */
const onProductionInfrastructure = (env: NodeJS.ProcessEnv) =>
  env['BUS'] === 'kafka' || env['EVENT_STORE'] === 'esdb' || env['READ_MODELS'] === 'mongo';

/**
 * Production-mode authentication on a key pair of the test's own: the services verify ES256
 * tokens with the public key, the scripts sign with the private one (TALENTLOOP_SIGNING_KEY).
 */
const productionAuthEnv = (): NodeJS.ProcessEnv => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    AUTH_MODE: 'production',
    AUTH_PUBLIC_KEY: publicKey,
    AUTH_ALGORITHMS: 'ES256',
    AUTH_ISSUER: 'talentloop-e2e',
    AUTH_AUDIENCE: 'talentloop',
    TALENTLOOP_SIGNING_KEY: privateKey,
  };
};

const isRunning = (child: ChildProcess | undefined) =>
  child !== undefined && child.exitCode === null && child.signalCode === null;

/** One process of a service in the per-service mode: instance 1, or an extra one. */
interface ServiceProcess {
  readonly service: ServiceName;
  readonly instance: number;
  readonly child: ChildProcess;
}

const keyOf = (service: ServiceName, instance: number) => `${service}#${instance}`;
const labelOf = (service: ServiceName, instance: number) =>
  instance === 1 ? service : keyOf(service, instance);

/**
 * The five services in a temp data folder, on five ports below Linux's ephemeral range
 * (32768+), so no outgoing connection of a parallel suite can already hold one of them, and
 * clear of the test infrastructure's ports (see basePortAvoiding).
 */
export class RunningSystem {
  output = '';
  readonly basePort: number;
  readonly folder = mkdtempSync(join(tmpdir(), 'talentloop-system-'));
  /**
   * What every service process gets: process.env, the options' env, ports and data folder, no
   * rate limit in the way (unless either sets one), and
   * on production infrastructure a key pair for production-mode tokens (on the embedded default
   * the services get development tokens from start.js, with the secret in the data folder).
   */
  readonly env: NodeJS.ProcessEnv;
  /** `Bearer <token>` for a caller of this system. */
  readonly bearer: (subject: TokenSubject) => Promise<string>;
  /** `npm start`, in the npm-start mode. */
  readonly process: ChildProcess | undefined;
  /** Per-service mode: every process started, by `service#instance`. */
  private readonly children = new Map<string, ServiceProcess>();
  /** Processes that drive the system (a background demo), killed when it is disposed. */
  private readonly drivers = new Set<ChildProcess>();

  constructor({ env = {}, processes = 'npm-start' }: RunningSystemOptions = {}) {
    // The suites and bench:system drive the system as a handful of callers, far above any
    // per-caller limit (HR seeds every draft); a suite may still set limits of its own.
    const given = { ...unthrottledEnv(), ...process.env, ...env };
    this.basePort = basePortAvoiding(reservedPorts(given));
    this.env = {
      ...given,
      ...(onProductionInfrastructure(given) && given['AUTH_MODE'] === undefined
        ? productionAuthEnv()
        : {}),
      TALENTLOOP_BASE_PORT: String(this.basePort),
      TALENTLOOP_DATA_DIR: this.folder,
    };
    this.bearer = bearerTokens(this.env);
    if (processes === 'per-service') {
      for (const service of services) this.start(service);
      return;
    }
    this.process = spawn(process.execPath, [resolve(__dirname, '..', 'start.js')], {
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process.stdout?.on('data', (chunk: Buffer) => this.write(chunk.toString()));
    this.process.stderr?.on('data', (chunk: Buffer) => this.write(chunk.toString()));
  }

  /** What a script calling this system needs to sign its tokens (see scripts/tokens.ts). */
  get tokenEnv(): NodeJS.ProcessEnv {
    const { TALENTLOOP_DATA_DIR, TALENTLOOP_SIGNING_KEY, AUTH_ISSUER, AUTH_AUDIENCE } = this.env;
    return { TALENTLOOP_DATA_DIR, TALENTLOOP_SIGNING_KEY, AUTH_ISSUER, AUTH_AUDIENCE };
  }

  /** The URL of `path` on an instance of a service (instance 1 unless told; see portOf). */
  url(service: ServiceName, path: string, instance = 1): string {
    return `http://127.0.0.1:${portOf(service, this.env, instance)}${path}`;
  }

  /** The console's address (`npm start` starts it on TALENTLOOP_BASE_PORT − 1). */
  get consoleUrl(): string {
    return `http://127.0.0.1:${consolePortOf(this.env)}`;
  }

  /**
   * Waits until the console answers /health/ready (it starts once its web app is built, after
   * the services); fails with the system's output when it does not within `timeoutMs`.
   */
  async consoleReady(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ready = await fetch(`${this.consoleUrl}/health/ready`).catch(() => undefined);
      if (ready?.ok) return;
      if (Date.now() > deadline || !isRunning(this.process))
        throw new Error(`the console did not become ready; output:\n${this.output}`);
      await new Promise((done) => setTimeout(done, 200));
    }
  }

  /**
   * The readiness answer of every instance of each service asked for (instance 1, and those
   * added by startInstance), in that order; fails with the system's own output when one never
   * comes up.
   */
  async ready(which: readonly ServiceName[] = services, timeoutMs = 75_000): Promise<Response[]> {
    return this.answering('/health/ready', this.instancesOf(which), timeoutMs);
  }

  /** The liveness answer of every instance of each service asked for, as `ready` waits for it. */
  async live(which: readonly ServiceName[] = services, timeoutMs = 75_000): Promise<Response[]> {
    return this.answering('/health/live', this.instancesOf(which), timeoutMs);
  }

  /** The instances of each service asked for, as [service, instance] pairs. */
  instancesOf(which: readonly ServiceName[] = services): [ServiceName, number][] {
    if (this.process) return which.map((service) => [service, 1]);
    return which.flatMap((asked) =>
      [...this.children.values()]
        .filter(({ service }) => service === asked)
        .map(({ instance }): [ServiceName, number] => [asked, instance])
        .sort(([, a], [, b]) => a - b),
    );
  }

  /** Whether an instance of a service (1 unless told) is still running. */
  isRunning(service: ServiceName, instance = 1): boolean {
    return isRunning(this.process ?? this.children.get(keyOf(service, instance))?.child);
  }

  /**
   * Per-service mode: starts instance `instance` (≥ 2) of a service beside the others, on the
   * same environment, data folder and read-model store, on a port of its own (see url), and
   * waits until it is ready.
   */
  async startInstance(service: ServiceName, instance: number): Promise<void> {
    if (this.process) throw new Error(`startInstance is for processes 'per-service'`);
    if (instance < 2) throw new Error('instance 1 starts with the system');
    if (this.isRunning(service, instance))
      throw new Error(`${labelOf(service, instance)} is already running`);
    this.note(`starting ${labelOf(service, instance)}`);
    this.start(service, instance);
    await this.answering('/health/ready', [[service, instance]], 75_000);
  }

  /**
   * Per-service mode: kills an instance of a service (1 unless told; SIGKILL unless told
   * otherwise) and waits until it is gone.
   */
  async kill(
    service: ServiceName,
    signal: NodeJS.Signals = 'SIGKILL',
    instance = 1,
  ): Promise<void> {
    const child = this.children.get(keyOf(service, instance))?.child;
    if (!child)
      throw new Error(
        `${labelOf(service, instance)} is not a process of its own: use processes 'per-service'`,
      );
    this.note(`${signal} → ${labelOf(service, instance)} (pid ${child.pid})`);
    child.kill(signal);
    await exitOf(child);
  }

  /**
   * Per-service mode: starts an instance of a service (1 unless told) again on its port and
   * data, and waits until it is ready.
   */
  async restart(service: ServiceName, instance = 1): Promise<void> {
    if (this.isRunning(service, instance))
      throw new Error(`${labelOf(service, instance)} is still running`);
    this.note(`restarting ${labelOf(service, instance)}`);
    this.start(service, instance);
    await this.answering('/health/ready', [[service, instance]], 75_000);
  }

  /** Adds a line of the test's own to the output, between the services' lines. */
  note(line: string): void {
    this.write(`[test] ${line}\n`);
  }

  /** Ctrl-C on `npm start`; resolves with its exit code. */
  async interrupt(): Promise<number | null> {
    if (!this.process) throw new Error('interrupt() is for the npm-start mode');
    const exited = exitOf(this.process);
    this.process.kill('SIGINT');
    await exited;
    return this.process.exitCode;
  }

  /**
   * Whatever state it is in: stopped (SIGTERM, so Kafka consumers leave their groups; SIGKILL
   * after 10 s), and its folder removed.
   */
  async dispose(): Promise<void> {
    // A driver the test never let finish (a demo paused by DEMO_PAUSE_AT waits on its stdin
    // for ever) would keep the test run from ending.
    for (const driver of this.drivers) if (isRunning(driver)) driver.kill('SIGKILL');
    this.drivers.clear();
    const processes = this.process
      ? [this.process]
      : [...this.children.values()].map(({ child }) => child);
    const running = processes.filter(isRunning);
    for (const child of running) child.kill(this.process ? 'SIGINT' : 'SIGTERM');
    const force = setTimeout(() => running.forEach((child) => child.kill('SIGKILL')), 10_000);
    await Promise.all(running.map(exitOf));
    clearTimeout(force);
    rmSync(this.folder, { recursive: true, force: true });
  }

  /** Kills `driver` with the system, unless it has ended by then. */
  stopsWith(driver: ChildProcess): void {
    this.drivers.add(driver);
    driver.once('exit', () => this.drivers.delete(driver));
  }

  private start(service: ServiceName, instance = 1): void {
    this.children.set(keyOf(service, instance), {
      service,
      instance,
      child: spawnService(service, this.env, this.write, instance),
    });
  }

  /** Waits until `path` answers 2xx on every instance asked for, or fails with the output. */
  private async answering(
    path: string,
    instances: readonly [ServiceName, number][],
    timeoutMs: number,
  ): Promise<Response[]> {
    const deadline = Date.now() + timeoutMs;
    const answeringOne = async ([service, instance]: [ServiceName, number]): Promise<Response> => {
      let last = 'no answer';
      for (;;) {
        try {
          const response = await fetch(this.url(service, path, instance));
          if (response.ok) return response;
          last = `${response.status} ${await response.text()}`;
        } catch {
          // not listening yet
        }
        const child = this.process ?? this.children.get(keyOf(service, instance))?.child;
        if (Date.now() > deadline || !isRunning(child))
          throw new Error(
            `${labelOf(service, instance)} did not answer ${path} (last: ${last}); exit ${child?.signalCode ?? child?.exitCode}; output:\n${this.output}`,
          );
        await new Promise((done) => setTimeout(done, 250));
      }
    };
    return Promise.all(instances.map(answeringOne));
  }

  private readonly write = (text: string): void => {
    this.output += text;
  };
}
