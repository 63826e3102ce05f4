import { createPublicKey } from 'node:crypto';
import { ConfigError, integerIn, oneOf, requiredString, stringOr } from '@talentloop/config';

export const AUTH_MODES = ['production', 'development'] as const;
export const PRODUCTION_ALGORITHMS = ['RS256', 'ES256'] as const;
export type ProductionAlgorithm = (typeof PRODUCTION_ALGORITHMS)[number];

/** The issuer and audience of development tokens (`npm run token`) unless set otherwise. */
export const DEV_ISSUER = 'talentloop-dev';
export const DEV_AUDIENCE = 'talentloop';
export const DEV_SECRET_MIN_LENGTH = 32;

/** A token older than this (by its `iat`) is refused, however far away its `exp` is. */
export const DEFAULT_MAX_TOKEN_AGE_SECONDS = 86_400;

interface Expected {
  readonly issuer: string;
  readonly audience: string;
  /** The oldest `iat` accepted, in seconds before now (AUTH_MAX_TOKEN_AGE_SECONDS). */
  readonly maxTokenAgeSeconds: number;
}

/** Where a production token's signing keys come from: the identity provider's JWKS, or one key. */
export type KeySource =
  | { readonly kind: 'jwks'; readonly url: string }
  | { readonly kind: 'public-key'; readonly pem: string; readonly algorithm: ProductionAlgorithm };

export type AuthConfig =
  | (Expected & {
      readonly mode: 'production';
      readonly keys: KeySource;
      readonly algorithms: readonly ProductionAlgorithm[];
    })
  | (Expected & { readonly mode: 'development'; readonly secret: string });

const PEM_PUBLIC_KEY = /^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----$/;

/** The algorithm a PEM public key verifies: RS256 for RSA, ES256 for EC on P-256, else none. */
const algorithmOfKey = (pem: string): ProductionAlgorithm | undefined => {
  let key;
  try {
    key = createPublicKey(pem);
  } catch {
    return undefined;
  }
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1')
    return 'ES256';
  return undefined;
};

/** Loopback names and addresses: traffic to them never leaves the machine. */
const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Whether the keys may be fetched from this URL: https, so nobody on the path can hand the
 * service keys of their own and sign any token; plain http only to a loopback host, where
 * there is no path (the authentication suite's identity provider on 127.0.0.1, a sidecar).
 */
export const isTrustedJwksUrl = (url: string): boolean => {
  const parsed = URL.parse(url);
  if (parsed === null) return false;
  return (
    parsed.protocol === 'https:' ||
    (parsed.protocol === 'http:' && LOOPBACK_HOST.test(parsed.hostname))
  );
};

const keySourceFromEnv = (
  env: NodeJS.ProcessEnv,
  algorithms: readonly ProductionAlgorithm[],
): KeySource => {
  const url = env['AUTH_JWKS_URL']?.trim();
  const pem = env['AUTH_PUBLIC_KEY']?.trim();
  if (url && pem)
    throw new ConfigError('AUTH_JWKS_URL', 'must not be set together with AUTH_PUBLIC_KEY');
  if (pem) {
    // A key passed through a one-line variable usually carries literal "\n".
    const key = pem.replaceAll('\\n', '\n');
    if (!PEM_PUBLIC_KEY.test(key))
      throw new ConfigError('AUTH_PUBLIC_KEY', 'must be a PEM SPKI key (BEGIN PUBLIC KEY)');
    const algorithm = algorithmOfKey(key);
    if (algorithm === undefined || !algorithms.includes(algorithm))
      throw new ConfigError(
        'AUTH_PUBLIC_KEY',
        `must be a key for ${algorithms.map((one) => (one === 'RS256' ? 'RS256 (RSA)' : 'ES256 (EC P-256)')).join(' or ')}`,
      );
    return { kind: 'public-key', pem: key, algorithm };
  }
  const jwks = requiredString(
    env,
    'AUTH_JWKS_URL',
    'when AUTH_MODE=production (or AUTH_PUBLIC_KEY)',
    {
      pattern: /^https?:\/\/\S+$/,
      shape: 'https://idp.example.com/.well-known/jwks.json',
    },
  );
  if (!isTrustedJwksUrl(jwks))
    throw new ConfigError(
      'AUTH_JWKS_URL',
      `must be an https URL (plain http only to localhost or 127.0.0.1); got '${jwks}'`,
    );
  return { kind: 'jwks', url: jwks };
};

const algorithmsFromEnv = (env: NodeJS.ProcessEnv): ProductionAlgorithm[] => {
  const given = stringOr(env, 'AUTH_ALGORITHMS', PRODUCTION_ALGORITHMS.join(','))
    .split(',')
    .map((algorithm) => algorithm.trim())
    .filter(Boolean);
  const refused = given.filter(
    (algorithm) => !(PRODUCTION_ALGORITHMS as readonly string[]).includes(algorithm),
  );
  if (given.length === 0 || refused.length > 0)
    throw new ConfigError(
      'AUTH_ALGORITHMS',
      `must list only ${PRODUCTION_ALGORITHMS.join(', ')}; got '${env['AUTH_ALGORITHMS'] ?? ''}'`,
    );
  return [...new Set(given as ProductionAlgorithm[])];
};

/** Development tokens are for the embedded default only: never next to production servers. */
const refuseDevelopmentOutsideEmbedded = (env: NodeJS.ProcessEnv): void => {
  const production = [
    ['BUS', 'kafka'],
    ['EVENT_STORE', 'esdb'],
    ['READ_MODELS', 'mongo'],
  ].find(([variable, value]) => env[variable]?.trim() === value);
  if (production)
    throw new ConfigError(
      'AUTH_MODE',
      `must be production when ${production[0]}=${production[1]}; got 'development'`,
    );
};

/**
 * AUTH_MODE = production (default): RS256/ES256 tokens (AUTH_ALGORITHMS) signed by a key of
 * AUTH_JWKS_URL or by AUTH_PUBLIC_KEY (exactly one), from AUTH_ISSUER for AUTH_AUDIENCE.
 * AUTH_MODE = development: HS256 tokens signed with AUTH_DEV_SECRET (32+ characters), only on
 * the embedded default. Either way a token must have been issued (`iat`) within
 * AUTH_MAX_TOKEN_AGE_SECONDS (default a day). Throws a ConfigError naming the first bad variable.
 */
export const authConfigFromEnv = (env: NodeJS.ProcessEnv): AuthConfig => {
  const mode = oneOf(env, 'AUTH_MODE', AUTH_MODES, 'production');
  const maxTokenAgeSeconds = integerIn(
    env,
    'AUTH_MAX_TOKEN_AGE_SECONDS',
    { min: 60, max: 30 * 86_400 },
    DEFAULT_MAX_TOKEN_AGE_SECONDS,
  );
  if (mode === 'development') {
    refuseDevelopmentOutsideEmbedded(env);
    const secret = requiredString(env, 'AUTH_DEV_SECRET', 'when AUTH_MODE=development');
    if (secret.length < DEV_SECRET_MIN_LENGTH)
      throw new ConfigError(
        'AUTH_DEV_SECRET',
        `must be at least ${DEV_SECRET_MIN_LENGTH} characters long; got ${secret.length}`,
      );
    return {
      mode,
      secret,
      issuer: stringOr(env, 'AUTH_ISSUER', DEV_ISSUER),
      audience: stringOr(env, 'AUTH_AUDIENCE', DEV_AUDIENCE),
      maxTokenAgeSeconds,
    };
  }
  const algorithms = algorithmsFromEnv(env);
  return {
    mode,
    keys: keySourceFromEnv(env, algorithms),
    algorithms,
    issuer: requiredString(env, 'AUTH_ISSUER', 'when AUTH_MODE=production'),
    audience: requiredString(env, 'AUTH_AUDIENCE', 'when AUTH_MODE=production'),
    maxTokenAgeSeconds,
  };
};
