import { randomBytes } from 'node:crypto';
import {
  accessPolicy,
  endpointKey,
  roles,
  type EndpointKey,
  type Role,
} from '@talentloop/service-kit';
import { readAccessMatrix } from '@talentloop/testing';
import { runDemo, type DemoSummary } from './testing/demo-run';
import { embedded, systemPerSuite } from './testing/infrastructures';
import { services, type RunningSystem } from './testing/running-system';

type ServiceName = (typeof services)[number];
type Column = 'own' | 'other' | 'otherTenant';

/**
 * Who calls, per role: `own` stands in the relation the matrix calls own to the demo's
 * employee Chloe (herself; Ben, her manager; HR, admins and integrators of her tenant),
 * `other` in none (a colleague; a manager of someone else).
 */
const callers: Record<Role, { readonly own: string; readonly other: string }> = {
  employee: { own: 'emp-chloe', other: 'emp-daan' },
  manager: { own: 'mgr-ben', other: 'mgr-of-nobody' },
  hr: { own: 'hr-anna', other: 'hr-someone' },
  admin: { own: 'admin-1', other: 'admin-2' },
  integrator: { own: 'int-hris', other: 'int-other' },
};

/** The guard's refusals: 403, and the 404 of a goal, plan or request unknown in the tenant. */
const refusedByAccess = (status: number, body: string): boolean =>
  status === 401 ||
  status === 403 ||
  (status === 404 && body.includes('no such resource in your tenant'));

const pathOf = (key: EndpointKey, demo: DemoSummary, column: Column): string => {
  const [, template = ''] = key.split(' ');
  const values: Record<string, string> = {
    // Erasure is walked on a person no other cell reads.
    employeeId: key.includes('/erasure') ? 'emp-iris' : 'emp-chloe',
    goalId: demo.goalId,
    // A manager's team: Ben's, whom the manager's own column calls as.
    managerId: 'mgr-ben',
    planId: demo.ids.planId,
    requestId: demo.requestId,
    actionId: demo.ids.actionId,
    adjustmentId: demo.ids.adjustmentId,
    criterionId: 'crit-1',
    frameworkId: 'core',
    version: '1',
    roleId: 'software-engineer',
    competencyId: 'collaboration',
    subscriptionId: 'whsub-access-matrix',
    deliveryId: 'msg_00000000000000000000000000000000',
  };
  const path = template.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${key}: no value for :${name}`);
    return encodeURIComponent(value);
  });
  // The inbox names its subject in the query: own is the caller's own inbox, other Ben's.
  return key === 'GET /approval-requests/inbox' && column !== 'own'
    ? `${path}?managerId=mgr-ben`
    : path;
};

/** A body that names the subject and nothing else valid: a reached command stops at validation. */
const bodyOf = (key: EndpointKey): unknown => {
  const rule = accessPolicy[key];
  return 'subject' in rule && rule.subject.of === 'person' && rule.subject.in === 'body'
    ? { [rule.subject.name]: 'emp-chloe' }
    : {};
};

/** Which service serves each endpoint, from the OpenAPI documents the services publish. */
const routesOf = async (
  system: RunningSystem,
  bearer: string,
): Promise<Map<EndpointKey, ServiceName>> => {
  const routes = new Map<EndpointKey, ServiceName>();
  for (const service of services) {
    const response = await fetch(system.url(service, '/docs/openapi.json'), {
      headers: { authorization: bearer },
    });
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, object> };
    for (const [path, operations] of Object.entries(document.paths))
      for (const method of Object.keys(operations))
        routes.set(endpointKey(method, path.replace(/\{(\w+)\}/g, ':$1')), service);
  }
  return routes;
};

/** How many events the tenant has, as its integrator replays them. */
const eventCount = async (system: RunningSystem, tenantId: string): Promise<number> => {
  const response = await fetch(system.url('analytics', '/replay/events'), {
    headers: {
      authorization: await system.bearer({ tenantId, userId: 'int-count', roles: ['integrator'] }),
      accept: 'application/x-ndjson',
    },
  });
  expect(response.status).toBe(200);
  return (await response.text()).split('\n').filter((line) => line.trim() !== '').length;
};

describe('the access matrix, walked on the running system (the embedded default)', () => {
  const started = systemPerSuite(embedded);

  it('answers every endpoint × role × own / other / other-tenant subject as ACCESS-MATRIX.md says', async () => {
    const system = started();
    const { summary: demo } = await runDemo(system);
    const tenant = demo.tenantId;
    const emptyTenant = `e2e-empty-${randomBytes(4).toString('hex')}`;
    const written = readAccessMatrix();
    const routes = await routesOf(
      system,
      await system.bearer({ tenantId: tenant, userId: 'hr-anna', roles: ['hr'] }),
    );

    // Every route the services document is in the written matrix, and every route written
    // there is served (health and metrics, outside the documents, are called below).
    const differences: string[] = [];
    const documented = [...routes.keys()].filter((key) => written.get(key)?.public !== true);
    const served = [...written.entries()].filter(([, row]) => !row.public).map(([key]) => key);
    for (const key of documented)
      if (!written.has(key)) differences.push(`${key}: served but not in the written matrix`);
    for (const key of served)
      if (!routes.has(key)) differences.push(`${key}: in the written matrix but not served`);

    const failures: string[] = [];
    /**
     * The demo tenant's data: any of it in an answer to the empty tenant is a leak (its ids
     * only when the request did not send them itself; a problem may echo what was asked).
     */
    const markers = [
      tenant,
      'Chloe Martin',
      'Ben Okafor',
      demo.goalId,
      demo.requestId,
      demo.ids.planId,
    ];
    const keys = [...written.keys()].sort(
      // Erasure last: what it erases stays readable to the cells before it.
      (a, b) => Number(a.includes('/erasure')) - Number(b.includes('/erasure')),
    );

    const call = async (key: EndpointKey, role: Role, column: Column) => {
      const [method = 'GET'] = key.split(' ');
      const userId = column === 'other' ? callers[role].other : callers[role].own;
      const tenantId = column === 'otherTenant' ? emptyTenant : tenant;
      const response = await fetch(
        system.url(routes.get(key) ?? 'assessment', pathOf(key, demo, column)),
        {
          method,
          headers: {
            authorization: await system.bearer({ tenantId, userId, roles: [role] }),
            ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
          },
          ...(method === 'GET' ? {} : { body: JSON.stringify(bodyOf(key)) }),
        },
      );
      const body = await response.text();
      if (response.status >= 500)
        failures.push(`${key} × ${role} × ${column}: ${response.status} ${body.slice(0, 200)}`);
      return { status: response.status, body };
    };

    // Another tenant first, while the demo's tenant is at rest: nothing of it is returned or
    // changed, whatever the role asks for with its ids.
    const before = await eventCount(system, tenant);
    for (const key of keys) {
      const row = written.get(key);
      if (row === undefined || row.public) continue;
      for (const role of roles) {
        const { status, body } = await call(key, role, 'otherTenant');
        const sent = pathOf(key, demo, 'otherTenant');
        const leaked = markers.filter((marker) => !sent.includes(marker) && body.includes(marker));
        const reached = leaked.length > 0;
        if (reached !== row.cells[role].otherTenant)
          differences.push(
            `${key} × ${role} × other-tenant: written ${mark(row.cells[role].otherTenant)}, answered ${status} with ${leaked.join(', ')}`,
          );
      }
    }
    expect(await eventCount(system, tenant)).toBe(before);

    for (const key of keys) {
      const row = written.get(key);
      if (row === undefined) continue;
      if (row.public) {
        const response = await fetch(
          system.url(routes.get(key) ?? 'assessment', key.split(' ')[1] ?? ''),
        );
        if (response.status === 401) differences.push(`${key}: written public, answered 401`);
        continue;
      }
      for (const role of roles) {
        for (const column of ['own', 'other'] as const) {
          const expected = row.cells[role][column];
          if (expected === undefined) continue;
          const { status, body } = await call(key, role, column);
          const reached = !refusedByAccess(status, body);
          if (reached !== expected)
            differences.push(
              `${key} × ${role} × ${column}: written ${mark(expected)}, answered ${status} ${body.slice(0, 160)}`,
            );
        }
      }
    }

    expect(failures).toEqual([]);
    expect(differences).toEqual([]);
  }, 240_000);
});

const mark = (reached: boolean) => (reached ? '✓' : '✗');
