import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { RunningSystem } from './testing/running-system';

/** Runs `npm run demo` against the system; resolves with its exit code and output. */
const runDemo = (system: RunningSystem) =>
  new Promise<{ code: number | null; output: string }>((done) => {
    let output = '';
    const demo = spawn(
      process.execPath,
      ['-r', '@swc-node/register', resolve(__dirname, 'demo.ts')],
      {
        cwd: resolve(__dirname, '..'),
        env: { ...process.env, TALENTLOOP_BASE_PORT: String(system.basePort) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    demo.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    demo.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    demo.on('exit', (code) => done({ code, output }));
  });

describe('npm run demo against npm start (embedded default, four processes)', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = new RunningSystem();
    await system.ready();
  }, 90_000);

  afterAll(() => system.dispose());

  it('walks the whole cycle, twice in two tenants, to an evaluated goal, HR figures and a replay', async () => {
    for (const run of [1, 2]) {
      const { code, output } = await runDemo(system);
      if (code !== 0) throw new Error(`demo run ${run} exited ${code}:\n${output}`);
      expect(output).toContain('GoalRejected');
      expect(output).toContain('goal          evaluated, outcome achieved');
      expect(output).toMatch(/replay {8}\d+ events/);
      expect(output).toContain("other tenants' events: 0");
      expect(output).toMatch(/analytics {5}\d+ figures shown, \d+ withheld/);
    }
  }, 120_000);
});
