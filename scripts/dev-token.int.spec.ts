import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ServiceTestApp } from '@talentloop/testing';
import { PlanningModule, service } from '../services/planning/src/app.module';
import { devJwtSecret } from './service-process';

const run = promisify(execFile);
const root = resolve(__dirname, '..');

/** `npm run token -- <args>` for the data folder, with AUTH_DEV_SECRET only where given. */
const devTokenWith = async (env: NodeJS.ProcessEnv, ...args: string[]) => {
  const inherited = { ...process.env };
  delete inherited['AUTH_DEV_SECRET'];
  return (
    await run(
      process.execPath,
      ['-r', '@swc-node/register', join('scripts', 'dev-token.ts'), ...args],
      { cwd: root, env: { ...inherited, ...env } },
    )
  ).stdout.trim();
};
const devToken = (dataDir: string, ...args: string[]) =>
  devTokenWith({ TALENTLOOP_DATA_DIR: dataDir }, ...args);

describe('npm run token', () => {
  let dataDir: string;
  let planning: ServiceTestApp;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'talentloop-dev-token-'));
    // As `npm start` runs it: development mode with the secret of the data folder.
    planning = await ServiceTestApp.start({
      service,
      label: 'dev-token',
      module: (env, clock) => PlanningModule.register({ env, clock }),
      env: { AUTH_DEV_SECRET: devJwtSecret({ TALENTLOOP_DATA_DIR: dataDir }) },
    });
  }, 30_000);

  afterAll(async () => {
    await planning.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the secret in the data folder, readable by its owner only', () =>
    expect(statSync(join(dataDir, 'dev-jwt-secret')).mode & 0o777).toBe(0o600));

  it('given a tenant, a user and roles, then it prints a token the service of that data folder accepts', async () => {
    const token = await devToken(
      dataDir,
      ...['--tenant', 'acme', '--user', 'emp-1', '--roles', 'employee,manager', '--ttl', '8h'],
    );
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const response = await planning.requestWithHeaders('GET', '/employees/emp-1/goals', {
      authorization: `Bearer ${token}`,
    });
    expect(response.status).toBe(200);
    const anonymous = await planning.requestWithHeaders('GET', '/employees/emp-1/goals', {});
    expect(anonymous.status).toBe(401);
  }, 30_000);

  it('given AUTH_DEV_SECRET, then it signs with that, as the services take it over the folder', async () => {
    // A folder with a secret of its own, and the service's secret in AUTH_DEV_SECRET.
    const elsewhere = mkdtempSync(join(tmpdir(), 'talentloop-dev-token-'));
    try {
      const token = await devTokenWith(
        {
          TALENTLOOP_DATA_DIR: elsewhere,
          AUTH_DEV_SECRET: devJwtSecret({ TALENTLOOP_DATA_DIR: dataDir }),
        },
        ...['--tenant', 'acme', '--user', 'emp-1', '--roles', 'employee'],
      );
      const response = await planning.requestWithHeaders('GET', '/employees/emp-1/goals', {
        authorization: `Bearer ${token}`,
      });
      expect(response.status).toBe(200);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 30_000);

  it('given an unknown role, then it refuses to mint a token', async () => {
    await expect(
      devToken(dataDir, '--tenant', 'acme', '--user', 'emp-1', '--roles', 'root'),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--roles must name') });
  }, 30_000);
});
