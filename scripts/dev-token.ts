// npm run token -- --tenant acme --user emp-1 --roles employee,manager [--ttl 8h]
// Prints a development bearer token (HS256) that the services of `npm start` accept: signed
// with AUTH_DEV_SECRET, else the secret of the data folder (TALENTLOOP_DATA_DIR, else data/),
// as service-process.js passes it to them.
import { parseArgs } from 'node:util';
import { ID_PATTERN, TENANT_ID_PATTERN } from '@talentloop/contracts';
import { mintToken, roles as knownRoles } from '@talentloop/service-kit';
import { devSigningKeyFromEnv, rolesOf } from './tokens';

const usage =
  'usage: npm run token -- --tenant <tenant> --user <user id> --roles <role,role> [--ttl 8h]';

const fail = (message: string): never => {
  console.error(`${message}\n${usage}`);
  process.exit(2);
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string' },
      user: { type: 'string' },
      roles: { type: 'string', default: 'employee' },
      ttl: { type: 'string', default: '8h' },
    },
  });
  const { tenant, user, ttl } = values;
  if (!tenant || !TENANT_ID_PATTERN.test(tenant)) fail('--tenant must be a tenant id');
  if (!user || !ID_PATTERN.test(user)) fail('--user must be an id');
  const roles = rolesOf(values.roles ?? '');
  const unknown = roles.filter((role) => !(knownRoles as readonly string[]).includes(role));
  if (roles.length === 0 || unknown.length > 0)
    fail(`--roles must name some of ${knownRoles.join(', ')}; unknown: ${unknown.join(', ')}`);
  if (!/^\d+\s*[smhdw]?$/.test(ttl ?? '')) fail('--ttl must look like 900, 30m, 8h or 7d');
  const seconds = /^\d+$/.test(ttl ?? '') ? Number(ttl) : ttl;
  const token = await mintToken(
    { tenantId: tenant ?? '', userId: user ?? '', roles },
    devSigningKeyFromEnv(process.env),
    seconds,
  );
  process.stdout.write(`${token}\n`);
};

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
