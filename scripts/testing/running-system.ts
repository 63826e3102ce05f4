import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TokenSubject } from '@talentloop/http';
import { services as serviceList, spawnService, type ServiceName } from '../service-process';
import { bearerTokens } from '../tokens';

export const services = serviceList.map((service) => service.name);

export interface RunningSystemOptions {
  /** Variables on top of process.env, e.g. `BUS=kafka`. */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * `npm-start`: one `npm start` process that stops all four when one dies (the default);
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

/**
 * The four services in a temp data folder, on four ports below Linux's ephemeral range
 * (32768+), so no outgoing connection of a parallel suite can already hold one of them.
 */
export class RunningSystem {
  output = '';
  readonly basePort = 20_000 + Math.floor(Math.random() * 12_000);
  readonly folder = mkdtempSync(join(tmpdir(), 'talentloop-system-'));
  /**
   * What every service process gets: process.env, the options' env, ports and data folder, and
   * on production infrastructure a key pair for production-mode tokens (on the embedded default
   * the services get development tokens from start.js, with the secret in the data folder).
   */
  readonly env: NodeJS.ProcessEnv;
  /** `Bearer <token>` for a caller of this system. */
  readonly bearer: (subject: TokenSubject) => Promise<string>;
  /** `npm start`, in the npm-start mode. */
  readonly process: ChildProcess | undefined;
  private readonly children = new Map<ServiceName, ChildProcess>();

  constructor({ env = {}, processes = 'npm-start' }: RunningSystemOptions = {}) {
    const given = { ...process.env, ...env };
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

  url(service: ServiceName, path: string): string {
    return `http://127.0.0.1:${this.basePort + services.indexOf(service)}${path}`;
  }

  /** The readiness answer of each service asked for; fails with the system's own output when one never comes up. */
  async ready(which: readonly ServiceName[] = services, timeoutMs = 75_000): Promise<Response[]> {
    const deadline = Date.now() + timeoutMs;
    const readyOne = async (service: ServiceName): Promise<Response> => {
      for (;;) {
        try {
          const response = await fetch(this.url(service, '/health/ready'));
          if (response.ok) return response;
        } catch {
          // not listening yet
        }
        const child = this.process ?? this.children.get(service);
        if (Date.now() > deadline || !isRunning(child))
          throw new Error(
            `${service} did not become ready; exit ${child?.signalCode ?? child?.exitCode}; output:\n${this.output}`,
          );
        await new Promise((done) => setTimeout(done, 250));
      }
    };
    return Promise.all(which.map(readyOne));
  }

  /** Per-service mode: kills one service (SIGKILL unless told otherwise) and waits until it is gone. */
  async kill(service: ServiceName, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.children.get(service);
    if (!child)
      throw new Error(`${service} is not a process of its own: use processes 'per-service'`);
    this.write(`[test] ${signal} → ${service} (pid ${child.pid})\n`);
    child.kill(signal);
    await exitOf(child);
  }

  /** Per-service mode: starts a service again on its port and data, and waits until it is ready. */
  async restart(service: ServiceName): Promise<void> {
    if (isRunning(this.children.get(service))) throw new Error(`${service} is still running`);
    this.write(`[test] restarting ${service}\n`);
    this.start(service);
    await this.ready([service]);
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
    const processes = this.process ? [this.process] : [...this.children.values()];
    const running = processes.filter(isRunning);
    for (const child of running) child.kill(this.process ? 'SIGINT' : 'SIGTERM');
    const force = setTimeout(() => running.forEach((child) => child.kill('SIGKILL')), 10_000);
    await Promise.all(running.map(exitOf));
    clearTimeout(force);
    rmSync(this.folder, { recursive: true, force: true });
  }

  private start(service: ServiceName): void {
    this.children.set(service, spawnService(service, this.env, this.write));
  }

  private readonly write = (text: string): void => {
    this.output += text;
  };
}
