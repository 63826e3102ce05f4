import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runDemo, type DemoSummary } from './testing/demo-run';
import { embedded, systemPerSuite } from './testing/infrastructures';
import { services, type RunningSystem } from './testing/running-system';

/**
 * The HTTP contract, checked from outside as an integrator would (issue 14, README "API
 * contract"): each service's OpenAPI document passes Redocly's recommended lint
 * (redocly.yaml), and Schemathesis (pinned in scripts/contract/requirements.txt) runs every
 * operation with all its checks as employee, manager, HR and integrator — once with the ids of
 * a demo run pinned, once with generated ids — and reports no failure.
 */

const root = resolve(__dirname, '..');
const run = promisify(execFile);
const schemathesis = join(root, '.venv-contract', 'bin', 'schemathesis');
const settings = readFileSync(join(root, 'scripts', 'contract', 'schemathesis.toml'), 'utf8');

/** Installs the pinned Schemathesis when it is missing (`.ci/run` installs it up front). */
const installSchemathesis = (): void => {
  const installed = spawnSync(join(root, 'scripts', 'contract', 'install.sh'), {
    encoding: 'utf8',
  });
  if (installed.status !== 0 || !existsSync(schemathesis))
    throw new Error(
      'CANNOT RUN the contract suite: Schemathesis could not be installed (needs python3 with ' +
        `venv and PyPI):\n${installed.stdout}\n${installed.stderr}`,
    );
};

interface Caller {
  readonly role: 'employee' | 'manager' | 'hr' | 'integrator';
  readonly userId: string;
}

/** The demo's people: Chloe, her manager Ben, and an HR person and an integrator. */
const callers: readonly Caller[] = [
  { role: 'employee', userId: 'emp-chloe' },
  { role: 'manager', userId: 'mgr-ben' },
  { role: 'hr', userId: 'hr-contract' },
  { role: 'integrator', userId: 'integrator-contract' },
];

/** The ids a demo run made, by the names the operations give their parameters. */
const demoIds = (summary: DemoSummary): Record<string, string> => ({
  employeeId: 'emp-chloe',
  managerId: 'mgr-ben',
  competencyId: 'collaboration',
  frameworkId: 'core',
  goalId: summary.goalId,
  requestId: summary.requestId,
  planId: summary.ids.planId,
  actionId: summary.ids.actionId,
  adjustmentId: summary.ids.adjustmentId,
});

/** The suite's settings, with the demo's ids pinned for a pinned run. */
const settingsFile = (folder: string, pinned: Record<string, string> | undefined): string => {
  const file = join(folder, `schemathesis-${pinned ? 'pinned' : 'generated'}.toml`);
  const parameters = pinned
    ? `\n[parameters]\n${Object.entries(pinned)
        .map(([name, value]) => `${name} = ${JSON.stringify(value)}`)
        .join('\n')}\n`
    : '';
  writeFileSync(file, `${settings}${parameters}`);
  return file;
};

interface Outcome {
  readonly label: string;
  readonly passed: boolean;
  readonly report: string;
}

const schemathesisRun = async (
  system: RunningSystem,
  service: string,
  token: string,
  config: string,
  label: string,
): Promise<Outcome> => {
  const base = system.url(service as never, '');
  const args = [
    '--no-color',
    '--config-file',
    config,
    'run',
    `${base}/docs/openapi.json`,
    '--url',
    base,
    '-H',
    `Authorization: ${token}`,
    '--checks',
    'all',
    '--max-examples',
    process.env['CONTRACT_MAX_EXAMPLES'] ?? '15',
    '--seed',
    process.env['CONTRACT_SEED'] ?? '20261205',
  ];
  try {
    const { stdout } = await run(schemathesis, args, {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300_000,
    });
    return { label, passed: true, report: stdout.split('\n').slice(-3).join('\n') };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    const failures = stdout.indexOf('FAILURES');
    return {
      label,
      passed: false,
      report: `${failures >= 0 ? stdout.slice(failures) : stdout}\n${stderr}`.slice(0, 20_000),
    };
  }
};

describe('the HTTP contract of the five services', () => {
  const started = systemPerSuite(embedded);
  let summary: DemoSummary;
  let folder: string;

  beforeAll(async () => {
    installSchemathesis();
    folder = mkdtempSync(join(tmpdir(), 'talentloop-contract-'));
    ({ summary } = await runDemo(started()));
  }, 240_000);

  it('has OpenAPI documents that pass Redocly’s recommended lint with no error or warning', async () => {
    const system = started();
    const hr = await system.bearer({
      tenantId: summary.tenantId,
      userId: 'hr-lint',
      roles: ['hr'],
    });
    const files: string[] = [];
    for (const service of services) {
      const answer = await fetch(system.url(service, '/docs/openapi.json'), {
        headers: { authorization: hr },
      });
      expect(answer.status).toBe(200);
      const file = join(folder, `${service}.openapi.json`);
      writeFileSync(file, await answer.text());
      files.push(file);
    }
    const linted = spawnSync(
      process.execPath,
      [require.resolve('@redocly/cli/bin/cli.js'), 'lint', '--format=summary', ...files],
      { cwd: root, encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
    );
    const report = `${linted.stdout}\n${linted.stderr}`;
    expect({
      status: linted.status,
      problems: report.match(/^(error|warning) .*$/gm) ?? [],
    }).toEqual({
      status: 0,
      problems: [],
    });
  }, 120_000);

  it.each(callers)(
    'answers as documented for $role with demo ids pinned and with generated ids (Schemathesis, all checks)',
    async (caller) => {
      const system = started();
      const token = await system.bearer({
        tenantId: summary.tenantId,
        userId: caller.userId,
        roles: [caller.role],
      });
      const outcomes: Outcome[] = [];
      for (const [mode, pinned] of [
        ['demo ids', demoIds(summary)],
        ['generated ids', undefined],
      ] as const)
        for (const service of services)
          outcomes.push(
            await schemathesisRun(
              system,
              service,
              token,
              settingsFile(folder, pinned),
              `${service} as ${caller.role}, ${mode}`,
            ),
          );
      expect(outcomes).toHaveLength(services.length * 2);
      // Every failing run's report, so the failure reads without a rerun.
      expect(
        outcomes
          .filter((outcome) => !outcome.passed)
          .map((outcome) => `== ${outcome.label}\n${outcome.report}`)
          .join('\n\n'),
      ).toBe('');
    },
    900_000,
  );
});
