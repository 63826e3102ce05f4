import { Body, Controller, Get, type INestApplication, Module, Param, Post } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  exportJWK,
  exportSPKI,
  generateKeyPair,
  type JWK,
  type KeyLike,
  SignJWT,
  UnsecuredJWT,
} from 'jose';
import { ACCESS_POLICY } from '../access/access.guard';
import { type Actor, CurrentActor } from '../actor';
import { createServiceApp } from '../bootstrap';
import { PlatformModule } from '../platform.module';
import { PROBLEM_JSON } from '../problem-details';
import { probePolicyWith } from '../testing/probe-policy';
import { authConfigFromEnv } from './auth.config';
import { Public } from './authentication.guard';
import { devSigningKey, mintToken, type SigningKey, type TokenSubject } from './token-minting';
import { createTokenVerifier } from './token-verifier';

const ISSUER = 'https://idp.example.com/';
const AUDIENCE = 'talentloop-api';
const subject: TokenSubject = { tenantId: 'acme', userId: 'emp-1', roles: ['employee', 'manager'] };
const actor: Actor = { tenantId: 'acme', userId: 'emp-1', roles: ['employee', 'manager'] };

@Controller('probe')
class ProbeController {
  @Get('whoami')
  whoami(@CurrentActor() caller: Actor) {
    return caller;
  }

  @Post('goals/:goalId/submit')
  submit(@Param('goalId') goalId: string, @Body() body: unknown) {
    return { goalId, body };
  }

  /** Like the one-click unsubscribe: a link that is its own credential, posted with a body. */
  @Public()
  @Post('links/:linkId')
  follow(@Param('linkId') linkId: string, @Body() body: unknown) {
    return { linkId, body };
  }
}

const probePolicy = {
  ...probePolicyWith(['GET /probe/whoami', 'POST /probe/goals/:goalId/submit']),
  'POST /probe/links/:linkId': { public: true },
};

/** The app's routes that need no token (parameters filled in as `routesOf` does). */
const PUBLIC_PATHS = ['/health/live', '/health/ready', '/metrics', '/probe/links/x-1'];

interface RunningProbe {
  readonly app: INestApplication;
  readonly base: string;
  readonly stop: () => Promise<void>;
}

/** A service with the shared platform and a probe controller, on the given AUTH_* settings. */
const startProbe = async (auth: NodeJS.ProcessEnv): Promise<RunningProbe> => {
  const folder = mkdtempSync(join(tmpdir(), 'talentloop-auth-'));
  @Module({
    imports: [
      PlatformModule.forService('probe', {
        env: {
          EVENT_STORE_SQLITE_PATH: join(folder, 'store.sqlite'),
          BUS_SQLITE_PATH: join(folder, 'bus.sqlite'),
          ...auth,
        },
      }),
    ],
    controllers: [ProbeController],
    // The probe's routes, open to every role: this suite is about who is calling, not reach.
    providers: [{ provide: ACCESS_POLICY, useValue: probePolicy }],
  })
  class ProbeModule {}
  const app = await createServiceApp(
    ProbeModule,
    { name: 'probe', title: 'Probe', defaultPort: 0 },
    { logger: false },
  );
  await app.listen(0, '127.0.0.1');
  return {
    app,
    base: await app.getUrl(),
    stop: async () => {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
};

/** A JWKS endpoint of an identity provider, on a local port. */
const serveJwks = async (keys: readonly JWK[]): Promise<{ url: string; server: Server }> => {
  const server = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/.well-known/jwks.json`, server };
};

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Every route of the Express app Nest built: method and path (parameters filled in). */
const routesOf = (app: INestApplication): { method: string; path: string }[] => {
  const router = (
    app.getHttpAdapter().getInstance() as {
      router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    }
  ).router;
  return router.stack.flatMap(({ route }) =>
    route === undefined || typeof route.path !== 'string'
      ? []
      : Object.keys(route.methods)
          .filter((method) => method !== '_all')
          .map((method) => ({
            method: method.toUpperCase(),
            path: route.path.replace(/:\w+/g, 'x-1'),
          })),
  );
};

describe('bearer-token authentication of every service', () => {
  let rsa: { publicKey: KeyLike; privateKey: KeyLike };
  let ec: { publicKey: KeyLike; privateKey: KeyLike };
  let stranger: { publicKey: KeyLike; privateKey: KeyLike };
  let rsaKey: SigningKey;
  let ecKey: SigningKey;
  let jwks: { url: string; server: Server };

  beforeAll(async () => {
    rsa = await generateKeyPair('RS256', { extractable: true });
    ec = await generateKeyPair('ES256', { extractable: true });
    stranger = await generateKeyPair('RS256', { extractable: true });
    rsaKey = {
      algorithm: 'RS256',
      privateKey: rsa.privateKey,
      keyId: 'rsa-1',
      issuer: ISSUER,
      audience: AUDIENCE,
    };
    ecKey = {
      algorithm: 'ES256',
      privateKey: ec.privateKey,
      keyId: 'ec-1',
      issuer: ISSUER,
      audience: AUDIENCE,
    };
    jwks = await serveJwks([
      { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ]);
  });

  afterAll(() => new Promise((done) => jwks.server.close(done)));

  describe('in production mode with the JWKS of the identity provider', () => {
    let probe: RunningProbe;

    beforeAll(async () => {
      probe = await startProbe({
        AUTH_JWKS_URL: jwks.url,
        AUTH_ISSUER: ISSUER,
        AUTH_AUDIENCE: AUDIENCE,
      });
    });

    afterAll(() => probe.stop());

    const whoami = (headers: Record<string, string> = {}) =>
      fetch(`${probe.base}/probe/whoami`, { headers });

    it.each([
      ['RS256', () => rsaKey],
      ['ES256', () => ecKey],
    ])(
      'accepts a valid %s token and gives its claims to the controller as the actor',
      async (_alg, key) => {
        const response = await whoami(bearer(await mintToken(subject, key())));
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual(actor);
      },
    );

    /**
     * A token of the provider's RS256 key, typ JWT and issued now, with what `finish` sets or
     * changes (mintToken always sets exp).
     */
    const byHand = (finish: (jwt: SignJWT) => SignJWT, header: Record<string, unknown> = {}) =>
      finish(
        new SignJWT({ tenant: 'acme', roles: ['employee'] })
          .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1', typ: 'JWT', ...header })
          .setSubject('emp-1')
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setIssuedAt(),
      ).sign(rsa.privateKey);
    const anHourLeft = (jwt: SignJWT) => jwt.setExpirationTime('1h');

    it.each([
      ['JWT', { typ: 'JWT' }],
      ['at+jwt (an OAuth access token, RFC 9068)', { typ: 'at+jwt' }],
      ['application/at+jwt', { typ: 'application/at+jwt' }],
    ])('accepts a token of type %s', async (_typ, header) => {
      const response = await whoami(bearer(await byHand(anHourLeft, header)));
      expect(response.status).toBe(200);
    });

    /** Tokens that must all be refused the same way, built when the keys exist. */
    const badTokens: readonly (readonly [string, () => Promise<Record<string, string>>])[] = [
      ['no Authorization header', () => Promise.resolve({})],
      ['another scheme', () => Promise.resolve({ authorization: 'Basic ZW1wLTE6c2VjcmV0' })],
      ['a malformed token', () => Promise.resolve(bearer('not.a-token'))],
      ['an empty bearer', () => Promise.resolve({ authorization: 'Bearer ' })],
      ['an expired token', async () => bearer(await mintToken(subject, rsaKey, -3600))],
      [
        'a token not yet valid',
        async () => bearer(await byHand((jwt) => jwt.setNotBefore('1h').setExpirationTime('2h'))),
      ],
      [
        'a token signed by a key not of the provider',
        async () =>
          bearer(
            await mintToken(subject, {
              algorithm: 'RS256',
              privateKey: stranger.privateKey,
              keyId: 'rsa-1',
              issuer: ISSUER,
              audience: AUDIENCE,
            }),
          ),
      ],
      [
        'a token for another audience',
        async () => bearer(await mintToken(subject, { ...rsaKey, audience: 'another-api' })),
      ],
      [
        'a token from another issuer',
        async () => bearer(await mintToken(subject, { ...ecKey, issuer: 'https://evil.example/' })),
      ],
      [
        'an unsigned token (alg none)',
        () =>
          Promise.resolve(
            bearer(
              new UnsecuredJWT({ tenant: 'acme', roles: ['employee'] })
                .setSubject('emp-1')
                .setIssuer(ISSUER)
                .setAudience(AUDIENCE)
                .setExpirationTime('1h')
                .encode(),
            ),
          ),
      ],
      [
        'an HS256 token keyed with the public key (algorithm confusion)',
        async () =>
          bearer(
            await mintToken(subject, {
              algorithm: 'HS256',
              secret: await exportSPKI(rsa.publicKey),
              issuer: ISSUER,
              audience: AUDIENCE,
            }),
          ),
      ],
      ['a token without exp', async () => bearer(await byHand((jwt) => jwt))],
      ['a token without typ', async () => bearer(await byHand(anHourLeft, { typ: undefined }))],
      [
        'a token of another type (typ JWS)',
        async () => bearer(await byHand(anHourLeft, { typ: 'JWS' })),
      ],
      [
        'an ID token (typ id_token+jwt)',
        async () => bearer(await byHand(anHourLeft, { typ: 'id_token+jwt' })),
      ],
      [
        'a token without iat',
        async () =>
          bearer(
            await new SignJWT({ tenant: 'acme', roles: ['employee'] })
              .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1', typ: 'JWT' })
              .setSubject('emp-1')
              .setIssuer(ISSUER)
              .setAudience(AUDIENCE)
              .setExpirationTime('1h')
              .sign(rsa.privateKey),
          ),
      ],
      [
        'a token issued more than a day ago, though not expired',
        async () =>
          bearer(
            await byHand((jwt) =>
              jwt.setIssuedAt(Math.floor(Date.now() / 1000) - 86_400 - 60).setExpirationTime('1h'),
            ),
          ),
      ],
      [
        'a token naming an unknown role',
        async () => bearer(await mintToken({ ...subject, roles: ['root'] }, rsaKey)),
      ],
      [
        'a token with a malformed tenant',
        async () => bearer(await mintToken({ ...subject, tenantId: 'ACME Corp' }, rsaKey)),
      ],
    ];

    it.each(badTokens)(
      'refuses %s with the one 401 that does not say why',
      async (_kind, headersOf) => {
        const response = await whoami(await headersOf());
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
        expect(response.headers.get('content-type')).toContain(PROBLEM_JSON);
        expect(await response.json()).toEqual({
          type: 'urn:talentloop:problem:unauthenticated',
          title: 'Unauthorized',
          status: 401,
          code: 'UNAUTHENTICATED',
          detail: 'a valid bearer token is required',
          instance: '/probe/whoami',
        });
      },
    );

    it('answers health and metrics without a token', async () => {
      for (const path of ['/health/live', '/health/ready', '/metrics'])
        expect([path, (await fetch(`${probe.base}${path}`)).status]).toEqual([path, 200]);
    });

    it('refuses every other route of the app without a token, the OpenAPI document included', async () => {
      const routes = routesOf(probe.app).filter(({ path }) => !PUBLIC_PATHS.includes(path));
      expect(routes.map(({ path }) => path)).toEqual(
        expect.arrayContaining(['/probe/whoami', '/probe/goals/x-1/submit', '/docs/openapi.json']),
      );
      for (const { method, path } of routes) {
        const response = await fetch(`${probe.base}${path}`, { method });
        expect([method, path, response.status]).toEqual([method, path, 401]);
      }
    });

    it('refuses a body without a token with 401 before reading it: malformed, or too large', async () => {
      const post = (body: string, headers: Record<string, string> = {}) =>
        fetch(`${probe.base}/probe/goals/x-1/submit`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
      for (const body of ['{"not json', `{"padding":"${'x'.repeat(300_000)}"}`]) {
        const response = await post(body);
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      }
      // With a valid token the body is read as before: malformed JSON is the caller's 400.
      const token = bearer(await mintToken(subject, rsaKey));
      expect((await post('{"not json', token)).status).toBe(400);
      const accepted = await post('{"note":"fine"}', token);
      expect(accepted.status).toBe(201);
      // …and parsed once authenticated.
      expect(await accepted.json()).toEqual({ goalId: 'x-1', body: { note: 'fine' } });
    });

    it('reads the body of a @Public() route without a token, and only of that route', async () => {
      const post = (path: string, body: string, method = 'POST') =>
        fetch(`${probe.base}${path}`, {
          method,
          headers: { 'content-type': 'application/json' },
          body,
        });
      for (const path of ['/probe/links/l-1', '/probe/links/l-1/', '/probe/links/l-1?token=a.b']) {
        const response = await post(path, '{"note":"fine"}');
        expect([path, response.status]).toEqual([path, 201]);
        expect(await response.json()).toEqual({ linkId: 'l-1', body: { note: 'fine' } });
      }
      // Parsed, so a malformed body is the caller's 400, not a 401.
      expect((await post('/probe/links/l-1', '{"not json')).status).toBe(400);
      // Another method on that path, or a path beyond it, is no public route.
      for (const [method, path] of [
        ['PUT', '/probe/links/l-1'],
        ['POST', '/probe/links/l-1/more'],
      ]) {
        const response = await post(path, '{"not json', method);
        expect([method, path, response.status]).toEqual([method, path, 401]);
      }
    });

    it('serves the OpenAPI document to a caller with a valid token', async () => {
      const response = await fetch(`${probe.base}/docs/openapi.json`, {
        headers: bearer(await mintToken(subject, ecKey)),
      });
      expect(response.status).toBe(200);
    });
  });

  describe('in production mode with one public key', () => {
    it.each([
      ['RS256', () => rsa.publicKey, () => rsaKey, () => ecKey],
      ['ES256', () => ec.publicKey, () => ecKey, () => rsaKey],
    ])(
      'given a %s key, then its tokens are accepted and those of the other key are not',
      async (_alg, publicKey, own, other) => {
        const probe = await startProbe({
          AUTH_PUBLIC_KEY: await exportSPKI(publicKey()),
          AUTH_ISSUER: ISSUER,
          AUTH_AUDIENCE: AUDIENCE,
        });
        try {
          const call = async (key: SigningKey) =>
            (
              await fetch(`${probe.base}/probe/whoami`, {
                headers: bearer(await mintToken(subject, key)),
              })
            ).status;
          expect(await call(own())).toBe(200);
          expect(await call(other())).toBe(401);
        } finally {
          await probe.stop();
        }
      },
    );

    it('given a valid token, then the verifier names the actor of its claims', async () => {
      const verify = await createTokenVerifier(
        authConfigFromEnv({
          AUTH_PUBLIC_KEY: await exportSPKI(ec.publicKey),
          AUTH_ISSUER: ISSUER,
          AUTH_AUDIENCE: AUDIENCE,
        }),
      );
      await expect(verify(await mintToken(subject, ecKey))).resolves.toEqual(actor);
    });
  });

  describe('in development mode', () => {
    const secret = `${randomUUID()}${randomUUID()}`;
    let probe: RunningProbe;

    beforeAll(async () => {
      probe = await startProbe({ AUTH_MODE: 'development', AUTH_DEV_SECRET: secret });
    });

    afterAll(() => probe.stop());

    it('accepts an HS256 token signed with the dev secret', async () => {
      const response = await fetch(`${probe.base}/probe/whoami`, {
        headers: bearer(await mintToken(subject, devSigningKey(secret))),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(actor);
    });

    it('refuses an HS256 token signed with another secret', async () => {
      const response = await fetch(`${probe.base}/probe/whoami`, {
        headers: bearer(await mintToken(subject, devSigningKey(`${secret}-other`))),
      });
      expect(response.status).toBe(401);
    });
  });

  describe('when the identity provider’s JWKS endpoint is down', () => {
    it('answers 503 problem+json, not 401: no token can be checked, none is refused', async () => {
      // given a JWKS URL nobody answers on any more
      const gone = await serveJwks([]);
      await new Promise((done) => gone.server.close(done));
      const probe = await startProbe({
        AUTH_JWKS_URL: gone.url,
        AUTH_ISSUER: ISSUER,
        AUTH_AUDIENCE: AUDIENCE,
      });
      try {
        // when a caller sends a token the provider signed
        const headers = bearer(await mintToken(subject, rsaKey));
        const route = await fetch(`${probe.base}/probe/whoami`, { headers });
        const docs = await fetch(`${probe.base}/docs/openapi.json`, { headers });
        // then the service says authentication is unavailable, and stays live
        for (const response of [route, docs]) {
          expect(response.status).toBe(503);
          expect(response.headers.get('content-type')).toContain(PROBLEM_JSON);
          expect(await response.json()).toMatchObject({ code: 'AUTHENTICATION_UNAVAILABLE' });
        }
        expect((await fetch(`${probe.base}/health/live`)).status).toBe(200);
      } finally {
        await probe.stop();
      }
    });
  });

  it('refuses a development (HS256) token in production mode', async () => {
    const secret = `${randomUUID()}${randomUUID()}`;
    const probe = await startProbe({
      AUTH_JWKS_URL: jwks.url,
      AUTH_ISSUER: 'talentloop-dev',
      AUTH_AUDIENCE: 'talentloop',
    });
    try {
      const response = await fetch(`${probe.base}/probe/whoami`, {
        headers: bearer(await mintToken(subject, devSigningKey(secret))),
      });
      expect(response.status).toBe(401);
    } finally {
      await probe.stop();
    }
  });
});
