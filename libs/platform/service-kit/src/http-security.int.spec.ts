import {
  Controller,
  Get,
  Header,
  HttpCode,
  type INestApplication,
  Module,
  Post,
} from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCESS_POLICY } from './access/access.guard';
import { type Actor, CurrentActor } from './actor';
import { devSigningKey, mintToken } from './auth/token-minting';
import { createServiceApp } from './bootstrap';
import { PlatformModule } from './platform.module';
import { PROBLEM_JSON } from './problem-details';
import { RateLimit } from './rate-limit/rate-limit';
import { HtmlPage } from './security/security-headers';
import { probePolicyWith } from './testing/probe-policy';

@Controller('probe')
class ProbeController {
  @Get('whoami')
  whoami(@CurrentActor() actor: Actor) {
    return actor;
  }

  /** Like planning's AI drafting: a stricter limit of its own. */
  @Post('draft')
  @RateLimit('ai-drafting')
  draft() {
    return { drafted: true };
  }

  /** Like the unsubscribe page: a form that posts to its own address. */
  @HtmlPage()
  @Get('page')
  @Header('content-type', 'text/html; charset=utf-8')
  page() {
    return '<!doctype html><form method="post"><button type="submit">Go</button></form>';
  }

  @Post('page')
  @HttpCode(200)
  submit() {
    return { submitted: true };
  }
}

const probePolicy = probePolicyWith([
  'GET /probe/whoami',
  'POST /probe/draft',
  'GET /probe/page',
  'POST /probe/page',
]);

/** The API's policy: nothing may load, run, frame or submit anything. */
const API_POLICY = "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'";

interface Probe {
  readonly base: string;
  readonly bearer: (userId: string, tenantId?: string) => Promise<Record<string, string>>;
  readonly stop: () => Promise<void>;
}

const startProbe = async (
  env: NodeJS.ProcessEnv,
  rateLimits?: Record<string, number>,
): Promise<Probe> => {
  const folder = mkdtempSync(join(tmpdir(), 'talentloop-http-security-'));
  const secret = randomBytes(32).toString('base64url');
  @Module({
    imports: [
      PlatformModule.forService('probe', {
        env: {
          EVENT_STORE_SQLITE_PATH: join(folder, 'store.sqlite'),
          BUS_SQLITE_PATH: join(folder, 'bus.sqlite'),
          READ_MODELS_SQLITE_PATH: join(folder, 'read-models.sqlite'),
          AUTH_MODE: 'development',
          AUTH_DEV_SECRET: secret,
          ...env,
        },
        ...(rateLimits ? { rateLimits } : {}),
      }),
    ],
    controllers: [ProbeController],
    providers: [{ provide: ACCESS_POLICY, useValue: probePolicy }],
  })
  class ProbeModule {}
  const app: INestApplication = await createServiceApp(
    ProbeModule,
    { name: 'probe', title: 'Probe', defaultPort: 0 },
    { logger: false },
  );
  await app.listen(0, '127.0.0.1');
  return {
    base: await app.getUrl(),
    bearer: async (userId, tenantId = 'acme') => ({
      authorization: `Bearer ${await mintToken({ tenantId, userId, roles: ['employee'] }, devSigningKey(secret))}`,
    }),
    stop: async () => {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
};

describe('the HTTP edge of every service', () => {
  describe('with the default settings', () => {
    let probe: Probe;
    beforeAll(async () => {
      probe = await startProbe({});
    });
    afterAll(() => probe.stop());

    it('sends security headers on every answer, a 200 and a 401 alike, and names no framework', async () => {
      const answers = [
        await fetch(`${probe.base}/probe/whoami`, { headers: await probe.bearer('emp-1') }),
        await fetch(`${probe.base}/probe/whoami`),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([200, 401]);
      for (const { headers } of answers) {
        expect(headers.get('x-content-type-options')).toBe('nosniff');
        expect(headers.get('content-security-policy')).toBe(API_POLICY);
        expect(headers.get('x-frame-options')).toBe('DENY');
        expect(headers.get('strict-transport-security')).toBe(
          'max-age=31536000; includeSubDomains',
        );
        expect(headers.get('referrer-policy')).toBe('no-referrer');
        expect(headers.get('x-powered-by')).toBeNull();
      }
    });

    it('lets the Swagger UI page load its own scripts and styles, and nothing else', async () => {
      const page = await fetch(`${probe.base}/docs`, { headers: await probe.bearer('emp-1') });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('content-security-policy')).toBe(
        "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;object-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'self'",
      );
      // Every script the page loads is served by the service itself.
      const html = await page.text();
      const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map(([, src]) => src);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.every((src) => !/^(?:https?:)?\/\//.test(src))).toBe(true);
      expect(html).not.toMatch(/<script>/);
    });

    it("gives a route marked @HtmlPage() the page's policy, and every other route the API's", async () => {
      const headers = await probe.bearer('emp-1');
      for (const path of ['/probe/page', '/probe/page/', '/probe/page?token=a.b']) {
        const page = await fetch(`${probe.base}${path}`, { headers });
        expect([path, page.status, page.headers.get('content-security-policy')]).toEqual([
          path,
          200,
          // Its form may post to this service; nothing else may load or run.
          "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'self'",
        ]);
        expect(page.headers.get('x-frame-options')).toBe('DENY');
      }
      // The form's POST answers JSON, as does any other route.
      const answers = [
        await fetch(`${probe.base}/probe/page`, { method: 'POST', headers }),
        await fetch(`${probe.base}/probe/whoami`, { headers }),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      for (const answer of answers)
        expect(answer.headers.get('content-security-policy')).toBe(API_POLICY);
    });

    it('keeps CORS closed: no origin is allowed, not on a request nor on a preflight', async () => {
      const origin = 'https://app.example.com';
      const request = await fetch(`${probe.base}/probe/whoami`, {
        headers: { ...(await probe.bearer('emp-1')), origin },
      });
      const preflight = await fetch(`${probe.base}/probe/whoami`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
      for (const answer of [request, preflight])
        expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('with HTTP_CORS_ORIGINS', () => {
    let probe: Probe;
    beforeAll(async () => {
      probe = await startProbe({
        HTTP_CORS_ORIGINS: 'https://app.example.com,http://localhost:5173',
      });
    });
    afterAll(() => probe.stop());

    it('answers a preflight and a request of a listed origin, and only of those', async () => {
      const preflight = (origin: string) =>
        fetch(`${probe.base}/probe/draft`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization,content-type,idempotency-key',
          },
        });
      const allowed = await preflight('https://app.example.com');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
      expect(
        (await preflight('https://evil.example.com')).headers.get('access-control-allow-origin'),
      ).toBeNull();

      const request = await fetch(`${probe.base}/probe/whoami`, {
        headers: { ...(await probe.bearer('emp-1')), origin: 'http://localhost:5173' },
      });
      expect(request.status).toBe(200);
      expect(request.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(request.headers.get('access-control-expose-headers')).toContain('Retry-After');
    });
  });

  describe('rate limits per caller', () => {
    let probe: Probe;
    beforeAll(async () => {
      probe = await startProbe({ HTTP_RATE_LIMIT_PER_MINUTE: '5' }, { 'ai-drafting': 2 });
    });
    afterAll(() => probe.stop());

    const expectRateLimited = async (answer: Response, path: string, limit: number) => {
      expect(answer.status).toBe(429);
      expect(answer.headers.get('content-type')).toContain(PROBLEM_JSON);
      const retryAfter = Number(answer.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await answer.json()).toEqual({
        type: 'urn:talentloop:problem:rate-limited',
        title: 'Too Many Requests',
        status: 429,
        code: 'RATE_LIMITED',
        detail: `too many requests: at most ${limit} a minute; retry in ${retryAfter} s`,
        instance: path,
      });
    };

    it('refuses the request past the limit with 429 problem+json and Retry-After; another caller is not affected', async () => {
      const whoami = async (userId: string, tenantId?: string) =>
        fetch(`${probe.base}/probe/whoami`, { headers: await probe.bearer(userId, tenantId) });
      for (let n = 0; n < 5; n++) expect((await whoami('emp-1')).status).toBe(200);
      await expectRateLimited(await whoami('emp-1'), '/probe/whoami', 5);
      // The same user id in another tenant is another caller.
      expect((await whoami('emp-2')).status).toBe(200);
      expect((await whoami('emp-1', 'globex')).status).toBe(200);
    });

    it('holds a stricter limit on a marked route, which counts for that route only', async () => {
      const draft = async (userId: string) =>
        fetch(`${probe.base}/probe/draft`, { method: 'POST', headers: await probe.bearer(userId) });
      expect((await draft('emp-3')).status).toBe(201);
      expect((await draft('emp-3')).status).toBe(201);
      await expectRateLimited(await draft('emp-3'), '/probe/draft', 2);
      expect((await draft('emp-4')).status).toBe(201);
      // The caller's other routes still answer (2 drafts + 1 refused of its 5 requests).
      const whoami = await fetch(`${probe.base}/probe/whoami`, {
        headers: await probe.bearer('emp-3'),
      });
      expect(whoami.status).toBe(200);
    });

    it('never limits health probes and metrics', async () => {
      for (let n = 0; n < 20; n++)
        for (const path of ['/health/live', '/health/ready', '/metrics'])
          expect([path, (await fetch(`${probe.base}${path}`)).status]).toEqual([path, 200]);
    });
  });
});
