import { join } from 'node:path';
import { consoleConfigFromEnv } from './console.config';
import { devTokenRequestOf } from './dev-token';
import { endToEndHeaders, targetOf } from './proxy';
import { fileOf } from './static-files';

const apis = {
  assessment: 'http://assessment:3001',
  planning: 'http://planning:3002',
  approval: 'http://approval:3003',
  analytics: 'http://analytics:3004/base',
  notifications: 'http://notifications:3005',
};

describe('a path under /api/', () => {
  it('goes to the service its first segment names, with the rest of the path and the query', () => {
    const target = targetOf(apis, new URL('http://console/api/planning/goals/g-1?x=1&y=2'));
    expect(target?.href).toBe('http://planning:3002/goals/g-1?x=1&y=2');
  });
  it('keeps a base path the service URL has', () => {
    expect(targetOf(apis, new URL('http://console/api/analytics/replay'))?.href).toBe(
      'http://analytics:3004/base/replay',
    );
  });
  it('names no service for an unknown first segment', () => {
    expect(targetOf(apis, new URL('http://console/api/payroll/x'))).toBeUndefined();
    expect(targetOf(apis, new URL('http://console/api/'))).toBeUndefined();
  });
});

describe('the headers passed on', () => {
  it('leave out hop-by-hop headers, those Connection names, cookies and the host', () => {
    const kept = endToEndHeaders({
      host: 'console',
      connection: 'keep-alive, x-private',
      'x-private': 'no',
      cookie: 'a=b',
      'transfer-encoding': 'chunked',
      authorization: 'Bearer t',
      'accept-language': 'nl',
      'idempotency-key': 'k-1',
    });
    expect(kept).toEqual({
      authorization: 'Bearer t',
      'accept-language': 'nl',
      'idempotency-key': 'k-1',
    });
  });
});

describe('a path of the web app', () => {
  const root = '/srv/web';
  it('is a file under the root when it has an extension', () => {
    expect(fileOf(root, '/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
  });
  it('is the app itself (index.html) when it has none: the app routes in the browser', () => {
    expect(fileOf(root, '/manager/requests/r-1')).toBe(join(root, 'index.html'));
    expect(fileOf(root, '/')).toBe(join(root, 'index.html'));
  });
  it('never leaves the root, however it is encoded', () => {
    for (const path of [
      '/../etc/passwd',
      '/../../x.js',
      '/assets/%2e%2e/%2e%2e/x.js',
      '/a/..%2f..%2fx.js',
    ])
      expect(fileOf(root, path) ?? `${root}/`).toMatch(/^\/srv\/web\//);
    expect(fileOf(root, '/%2e%2e/%2e%2e/secret.txt')).toBe(join(root, 'secret.txt'));
    expect(fileOf(root, '/%00.js')).toBeUndefined();
  });
  it('is nothing when it is not valid percent-encoding', () => {
    expect(fileOf(root, '/%E0%A4%A.js')).toBeUndefined();
  });
});

describe('a development sign-in request', () => {
  it('names a tenant, a user and known roles, each once', () => {
    expect(
      devTokenRequestOf({ tenantId: 'acme', userId: 'emp-1', roles: ['employee', 'employee'] }),
    ).toEqual({ tenantId: 'acme', userId: 'emp-1', roles: ['employee'] });
  });
  it.each([
    [{ tenantId: 'ACME!', userId: 'u', roles: ['hr'] }, /tenantId/],
    [{ tenantId: 'acme', userId: '', roles: ['hr'] }, /userId/],
    [{ tenantId: 'acme', userId: 'u', roles: [] }, /roles/],
    [{ tenantId: 'acme', userId: 'u', roles: ['root'] }, /roles/],
    ['nonsense', /JSON object/],
  ])('is refused when it is %j', (body, reason) => {
    const answer = devTokenRequestOf(body);
    expect('invalid' in answer && answer.invalid).toMatch(reason);
  });
});

describe('the console configuration', () => {
  const base = {
    CONSOLE_WEB_DIR: '/srv/web',
    CONSOLE_ASSESSMENT_URL: 'http://127.0.0.1:3001',
    CONSOLE_PLANNING_URL: 'http://127.0.0.1:3002',
    CONSOLE_APPROVAL_URL: 'http://127.0.0.1:3003',
    CONSOLE_ANALYTICS_URL: 'http://127.0.0.1:3004/',
    CONSOLE_NOTIFICATIONS_URL: 'http://127.0.0.1:3005',
  };
  it('signs in with the identity provider by default, and needs its issuer and client', () => {
    expect(() => consoleConfigFromEnv(base)).toThrow(/OIDC_ISSUER is required/);
    const config = consoleConfigFromEnv({
      ...base,
      OIDC_ISSUER: 'https://idp.example.com/realms/acme/',
      OIDC_CLIENT_ID: 'talentloop-console',
    });
    expect(config.auth).toEqual({
      mode: 'production',
      issuer: 'https://idp.example.com/realms/acme/',
      clientId: 'talentloop-console',
      scope: 'openid profile',
      audience: undefined,
    });
    expect(config.apis.analytics).toBe('http://127.0.0.1:3004');
  });
  it('refuses a plain-http issuer that is not on this machine', () => {
    expect(() =>
      consoleConfigFromEnv({ ...base, OIDC_ISSUER: 'http://idp.example.com', OIDC_CLIENT_ID: 'c' }),
    ).toThrow(/must be https/);
  });
  it('signs development tokens only with a secret of 32 characters or more', () => {
    expect(() =>
      consoleConfigFromEnv({ ...base, AUTH_MODE: 'development', AUTH_DEV_SECRET: 'short' }),
    ).toThrow(/AUTH_DEV_SECRET must be at least 32/);
  });
  it('names a missing service URL', () => {
    const without = { ...base, CONSOLE_APPROVAL_URL: '' };
    expect(() =>
      consoleConfigFromEnv({
        ...without,
        AUTH_MODE: 'development',
        AUTH_DEV_SECRET: 'x'.repeat(32),
      }),
    ).toThrow(/CONSOLE_APPROVAL_URL is required/);
  });
});
