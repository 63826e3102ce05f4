import { generateKeyPairSync } from 'node:crypto';
import { ConfigError } from '@talentloop/config';
import { authConfigFromEnv } from './auth.config';

const secret = 'a-development-secret-of-32-chars!';
/** A fresh PEM SPKI public key: RSA, or EC on a curve. */
const pemOf = (type: 'rsa' | 'ec', namedCurve = 'P-256'): string =>
  (type === 'rsa'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 })
    : generateKeyPairSync('ec', { namedCurve })
  ).publicKey
    .export({ type: 'spki', format: 'pem' })
    .toString()
    .trim();
const publicKey = pemOf('ec');
const production = {
  AUTH_JWKS_URL: 'https://idp.example.com/.well-known/jwks.json',
  AUTH_ISSUER: 'https://idp.example.com/',
  AUTH_AUDIENCE: 'talentloop-api',
};

/** The ConfigError a setting throws, or undefined. */
const refusalOf = (env: NodeJS.ProcessEnv): ConfigError | undefined => {
  try {
    authConfigFromEnv(env);
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
};

describe('the authentication settings', () => {
  describe('in production mode (the default)', () => {
    it('given a JWKS URL, issuer and audience, then RS256 and ES256 tokens are accepted from its keys', () => {
      expect(authConfigFromEnv(production)).toEqual({
        mode: 'production',
        keys: { kind: 'jwks', url: production.AUTH_JWKS_URL },
        algorithms: ['RS256', 'ES256'],
        issuer: production.AUTH_ISSUER,
        audience: production.AUTH_AUDIENCE,
        maxTokenAgeSeconds: 86_400,
      });
    });

    it.each([
      'http://idp.example.com/.well-known/jwks.json',
      'http://10.0.0.7/jwks',
      'http://127.0.0.1.nip.io/jwks',
    ])(
      'given a JWKS URL over plain http (%s), then it refuses to start: anyone on the path could hand it keys',
      (url) =>
        expect(refusalOf({ ...production, AUTH_JWKS_URL: url })).toMatchObject({
          variable: 'AUTH_JWKS_URL',
          message: `AUTH_JWKS_URL must be an https URL (plain http only to localhost or 127.0.0.1); got '${url}'`,
        }),
    );

    it.each([
      'http://127.0.0.1:8080/.well-known/jwks.json',
      'http://localhost:8080/jwks',
      'http://[::1]:8080/jwks',
    ])('given a JWKS URL over plain http to a loopback host (%s), then it is accepted', (url) =>
      expect(authConfigFromEnv({ ...production, AUTH_JWKS_URL: url })).toMatchObject({
        keys: { kind: 'jwks', url },
      }),
    );

    it('given one PEM public key instead (with escaped newlines), then that key verifies', () => {
      const env = {
        ...production,
        AUTH_JWKS_URL: '',
        AUTH_PUBLIC_KEY: publicKey.replaceAll('\n', '\\n'),
      };
      expect(authConfigFromEnv(env)).toMatchObject({
        keys: { kind: 'public-key', pem: publicKey, algorithm: 'ES256' },
      });
    });

    it('given an RSA key, then it verifies RS256 tokens', () =>
      expect(
        authConfigFromEnv({ ...production, AUTH_JWKS_URL: '', AUTH_PUBLIC_KEY: pemOf('rsa') }),
      ).toMatchObject({ keys: { algorithm: 'RS256' } }));

    it('given a key of an algorithm not allowed (EC P-384, or EC when only RS256 is), then it refuses it', () => {
      const env = { ...production, AUTH_JWKS_URL: '' };
      expect(refusalOf({ ...env, AUTH_PUBLIC_KEY: pemOf('ec', 'P-384') })?.message).toBe(
        'AUTH_PUBLIC_KEY must be a key for RS256 (RSA) or ES256 (EC P-256)',
      );
      expect(
        refusalOf({ ...env, AUTH_PUBLIC_KEY: publicKey, AUTH_ALGORITHMS: 'RS256' })?.message,
      ).toBe('AUTH_PUBLIC_KEY must be a key for RS256 (RSA)');
    });

    it('given both a JWKS URL and a public key, then it refuses to guess which one counts', () =>
      expect(refusalOf({ ...production, AUTH_PUBLIC_KEY: publicKey })).toMatchObject({
        variable: 'AUTH_JWKS_URL',
        message: 'AUTH_JWKS_URL must not be set together with AUTH_PUBLIC_KEY',
      }));

    it('given neither, then AUTH_JWKS_URL is required', () =>
      expect(refusalOf({ ...production, AUTH_JWKS_URL: ' ' })?.message).toMatch(
        /^AUTH_JWKS_URL is required when AUTH_MODE=production/,
      ));

    it('given a JWKS URL that is not http(s) or a public key that is not PEM SPKI, then it refuses them', () => {
      expect(refusalOf({ ...production, AUTH_JWKS_URL: 'idp.example.com/jwks' })?.variable).toBe(
        'AUTH_JWKS_URL',
      );
      expect(
        refusalOf({ ...production, AUTH_JWKS_URL: '', AUTH_PUBLIC_KEY: 'not a key' })?.message,
      ).toBe('AUTH_PUBLIC_KEY must be a PEM SPKI key (BEGIN PUBLIC KEY)');
    });

    it('given a subset of RS256 and ES256, then only those are accepted', () =>
      expect(authConfigFromEnv({ ...production, AUTH_ALGORITHMS: 'ES256' })).toMatchObject({
        algorithms: ['ES256'],
      }));

    it.each(['HS256', 'none', 'RS256,HS256', 'PS256', ' , '])(
      'given AUTH_ALGORITHMS=%j, then it refuses them',
      (algorithms) =>
        expect(refusalOf({ ...production, AUTH_ALGORITHMS: algorithms })?.message).toMatch(
          /^AUTH_ALGORITHMS must list only RS256, ES256/,
        ),
    );

    it.each(['AUTH_ISSUER', 'AUTH_AUDIENCE'])('given no %s, then it is required', (variable) =>
      expect(refusalOf({ ...production, [variable]: '' })?.message).toBe(
        `${variable} is required when AUTH_MODE=production`,
      ),
    );
  });

  describe('in development mode', () => {
    it('given a secret of 32 characters or more, then HS256 tokens of the dev issuer and audience are accepted', () =>
      expect(authConfigFromEnv({ AUTH_MODE: 'development', AUTH_DEV_SECRET: secret })).toEqual({
        mode: 'development',
        secret,
        issuer: 'talentloop-dev',
        audience: 'talentloop',
        maxTokenAgeSeconds: 86_400,
      }));

    it('given AUTH_MAX_TOKEN_AGE_SECONDS, then tokens issued longer ago than that are refused', () =>
      expect(
        authConfigFromEnv({
          AUTH_MODE: 'development',
          AUTH_DEV_SECRET: secret,
          AUTH_MAX_TOKEN_AGE_SECONDS: '3600',
        }),
      ).toMatchObject({ maxTokenAgeSeconds: 3600 }));

    it.each(['0', '59', '2592001', 'a day'])(
      'given AUTH_MAX_TOKEN_AGE_SECONDS=%j, then it refuses it',
      (age) =>
        expect(
          refusalOf({
            AUTH_MODE: 'development',
            AUTH_DEV_SECRET: secret,
            AUTH_MAX_TOKEN_AGE_SECONDS: age,
          })?.variable,
        ).toBe('AUTH_MAX_TOKEN_AGE_SECONDS'),
    );

    it('given no secret or a short one, then it refuses to start', () => {
      expect(refusalOf({ AUTH_MODE: 'development' })?.message).toBe(
        'AUTH_DEV_SECRET is required when AUTH_MODE=development',
      );
      expect(refusalOf({ AUTH_MODE: 'development', AUTH_DEV_SECRET: 'short' })?.message).toBe(
        'AUTH_DEV_SECRET must be at least 32 characters long; got 5',
      );
    });

    it.each([
      ['BUS', 'kafka'],
      ['EVENT_STORE', 'esdb'],
      ['READ_MODELS', 'mongo'],
    ])(
      'given %s=%s (production infrastructure), then it refuses development mode',
      (variable, value) =>
        expect(
          refusalOf({ AUTH_MODE: 'development', AUTH_DEV_SECRET: secret, [variable]: value }),
        ).toMatchObject({
          variable: 'AUTH_MODE',
          message: `AUTH_MODE must be production when ${variable}=${value}; got 'development'`,
        }),
    );
  });

  it('given an unknown mode, then it names the choices', () =>
    expect(refusalOf({ AUTH_MODE: 'off' })?.message).toBe(
      "AUTH_MODE must be one of production, development; got 'off'",
    ));
});
