import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const services = ['assessment', 'planning', 'approval', 'analytics'];
// Below Linux's ephemeral range (32768+), so no outgoing connection of a parallel suite can
// already hold one of the four ports.
const basePort = 20_000 + Math.floor(Math.random() * 12_000);

const waitUntilReady = async (url: string, deadline: number): Promise<Response> => {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return response;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become ready`);
    await new Promise((done) => setTimeout(done, 250));
  }
};

describe('npm start on the embedded default', () => {
  let system: ChildProcess;
  let output = '';
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'talentloop-start-'));
    system = spawn(process.execPath, [resolve(__dirname, 'start.js')], {
      env: {
        ...process.env,
        TALENTLOOP_BASE_PORT: String(basePort),
        TALENTLOOP_DATA_DIR: folder,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    system.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    system.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });

  afterAll(() => {
    if (system.exitCode === null) system.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  });

  it('starts the four services as separate processes, each ready on its own port', async () => {
    const deadline = Date.now() + 75_000;
    const readiness = await Promise.all(
      services.map(async (_service, index) => {
        const response = await waitUntilReady(
          `http://127.0.0.1:${basePort + index}/health/ready`,
          deadline,
        ).catch((error: unknown) => {
          // The system's own output is the only clue to why a service never came up.
          throw new Error(`${String(error)}; exit code ${system.exitCode}; output:\n${output}`);
        });
        return (await response.json()) as { service: string; checks: { eventStore: string } };
      }),
    );
    expect(readiness.map((ready) => ready.service)).toEqual(services);
    expect(readiness.every((ready) => ready.checks.eventStore === 'up')).toBe(true);
    for (const [index, service] of services.entries()) {
      expect(output).toContain(`[${service}]`);
      expect(output).toContain(`listening on http://127.0.0.1:${basePort + index}`);
    }
  }, 90_000);

  it('serves an OpenAPI document per service', async () => {
    for (const index of services.keys()) {
      const response = await fetch(`http://127.0.0.1:${basePort + index}/docs/openapi.json`);
      expect(response.status).toBe(200);
    }
  });

  it('stops every service cleanly on Ctrl-C', async () => {
    const exited =
      system.exitCode === null
        ? new Promise<number | null>((done) => system.on('exit', done))
        : Promise.resolve(system.exitCode);
    system.kill('SIGINT');
    expect(await exited).toBe(0);
    for (const index of services.keys())
      await expect(fetch(`http://127.0.0.1:${basePort + index}/health/live`)).rejects.toThrow();
  }, 30_000);
});
