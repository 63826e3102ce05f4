// The console's server on a real port, in front of real HTTP servers standing in for the
// services' APIs (each answers what it received, or streams server-sent events).
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import { consoleApis, type ConsoleApi, type ConsoleConfig } from './console.config';
import { startConsoleServer, type RunningConsole } from './server';

const secret = 'a-development-secret-of-32-characters!';

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

describe('the console server', () => {
  const received: Received[] = [];
  let upstream: Server;
  let upstreamUrl: string;
  let streamClosed: Promise<void>;
  let console_: RunningConsole;
  let base: string;

  beforeAll(async () => {
    let closed!: () => void;
    streamClosed = new Promise((resolve) => (closed = resolve));
    upstream = createServer((request, response) => {
      if (request.url === '/replay/live') {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write('data: first\n\n');
        request.socket.on('close', closed);
        return;
      }
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString(),
        });
        response.writeHead(request.url?.startsWith('/missing') ? 404 : 201, {
          'content-type': 'application/json',
          'x-request-id': 'r-1',
        });
        response.end(JSON.stringify({ ok: true }));
      });
    });
    upstream.listen(0, '127.0.0.1');
    await once(upstream, 'listening');
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;

    const webDir = mkdtempSync(join(tmpdir(), 'console-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Talentloop</title>');
    writeFileSync(join(webDir, 'assets', 'index-abc.js'), 'console.log(1)');
    const apis = Object.fromEntries(
      consoleApis.map((api) => [api, api === 'analytics' ? 'http://127.0.0.1:9' : upstreamUrl]),
    ) as Record<ConsoleApi, string>;
    const config: ConsoleConfig = {
      port: 0,
      webDir,
      apis,
      auth: { mode: 'development', devSecret: secret },
    };
    console_ = await startConsoleServer(config);
    base = `http://127.0.0.1:${console_.port}`;
  });

  afterAll(async () => {
    await console_.close();
    upstream.closeAllConnections();
    upstream.close();
  });

  it('serves the app for any page path, and its assets, with a strict content security policy', async () => {
    const page = await fetch(`${base}/manager/requests/r-1`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Talentloop</title>');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const asset = await fetch(`${base}/assets/index-abc.js`);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('answers a missing asset and a write to a page with problem+json', async () => {
    const missing = await fetch(`${base}/assets/gone.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    const post = await fetch(`${base}/hr/analytics`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('passes an API call through with its method, path, query, body and the caller’s token, and no cookie', async () => {
    const answer = await fetch(`${base}/api/planning/goals/g-1/check-ins?x=1`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer caller-token',
        'content-type': 'application/json',
        'accept-language': 'nl',
        'idempotency-key': 'k-1',
        cookie: 'session=secret',
      },
      body: JSON.stringify({ progress: 'yes' }),
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('x-request-id')).toBe('r-1');
    const last = received.at(-1);
    expect(last).toMatchObject({
      method: 'POST',
      url: '/goals/g-1/check-ins?x=1',
      body: '{"progress":"yes"}',
    });
    expect(last?.headers).toMatchObject({
      authorization: 'Bearer caller-token',
      'accept-language': 'nl',
      'idempotency-key': 'k-1',
    });
    expect(last?.headers.cookie).toBeUndefined();
  });

  it('passes the service’s errors through as they are', async () => {
    const answer = await fetch(`${base}/api/approval/missing`);
    expect(answer.status).toBe(404);
  });

  it('answers 502 problem+json when the service does not answer, and 404 for an unknown service', async () => {
    const down = await fetch(`${base}/api/analytics/analytics/active-plans`);
    expect(down.status).toBe(502);
    expect(await down.json()).toMatchObject({
      status: 502,
      detail: 'the analytics service did not answer',
    });
    expect((await fetch(`${base}/api/payroll/x`)).status).toBe(404);
  });

  it('streams server-sent events and stops asking the service when the browser leaves', async () => {
    const abort = new AbortController();
    const live = await fetch(`${base}/api/planning/replay/live`, { signal: abort.signal });
    const reader = live.body!.getReader();
    const { value } = await reader.read();
    expect(Buffer.from(value ?? []).toString()).toBe('data: first\n\n');
    abort.abort();
    await streamClosed;
  });

  it('signs development tokens the services accept, for a well-formed subject only', async () => {
    const answer = await fetch(`${base}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId: 'acme', userId: 'hr-1', roles: ['hr'] }),
    });
    expect(answer.status).toBe(200);
    const { token } = (await answer.json()) as { token: string };
    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(secret), {
      issuer: 'talentloop-dev',
      audience: 'talentloop',
    });
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toMatchObject({ sub: 'hr-1', tenant: 'acme', roles: ['hr'] });

    const bad = await fetch(`${base}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId: 'acme', userId: 'hr-1', roles: ['root'] }),
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    const form = await fetch(`${base}/auth/dev-token`, { method: 'POST', body: 'tenantId=acme' });
    expect(form.status).toBe(415);
    const huge = await fetch(`${base}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId: 'x'.repeat(10_000) }),
    });
    expect(huge.status).toBe(413);
    expect(await (await fetch(`${base}/auth/config`)).json()).toEqual({ mode: 'development' });
  });
});
