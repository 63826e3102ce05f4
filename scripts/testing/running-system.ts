import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const services = ['assessment', 'planning', 'approval', 'analytics'] as const;

/**
 * `npm start` in a temp data folder, on four ports below Linux's ephemeral range (32768+), so
 * no outgoing connection of a parallel suite can already hold one of them.
 */
export class RunningSystem {
  output = '';
  readonly basePort = 20_000 + Math.floor(Math.random() * 12_000);
  readonly folder = mkdtempSync(join(tmpdir(), 'talentloop-system-'));
  readonly process: ChildProcess;

  constructor() {
    this.process = spawn(process.execPath, [resolve(__dirname, '..', 'start.js')], {
      env: {
        ...process.env,
        TALENTLOOP_BASE_PORT: String(this.basePort),
        TALENTLOOP_DATA_DIR: this.folder,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.process.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  url(service: (typeof services)[number], path: string): string {
    return `http://127.0.0.1:${this.basePort + services.indexOf(service)}${path}`;
  }

  /** Every service's readiness answer; fails with the system's own output when one never comes up. */
  async ready(timeoutMs = 75_000): Promise<Response[]> {
    const deadline = Date.now() + timeoutMs;
    const readyOne = async (service: (typeof services)[number]): Promise<Response> => {
      for (;;) {
        try {
          const response = await fetch(this.url(service, '/health/ready'));
          if (response.ok) return response;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline || this.process.exitCode !== null)
          throw new Error(
            `${service} did not become ready; exit code ${this.process.exitCode}; output:\n${this.output}`,
          );
        await new Promise((done) => setTimeout(done, 250));
      }
    };
    return Promise.all(services.map(readyOne));
  }

  /** Ctrl-C; resolves with the exit code. */
  async interrupt(): Promise<number | null> {
    const exited =
      this.process.exitCode === null
        ? new Promise<number | null>((done) => this.process.on('exit', done))
        : Promise.resolve(this.process.exitCode);
    this.process.kill('SIGINT');
    return exited;
  }

  /** Whatever state it is in: killed, and its folder removed. */
  dispose(): void {
    if (this.process.exitCode === null) this.process.kill('SIGKILL');
    rmSync(this.folder, { recursive: true, force: true });
  }
}
