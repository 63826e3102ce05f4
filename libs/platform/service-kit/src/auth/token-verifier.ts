import { ID_PATTERN, TENANT_ID_PATTERN } from '@talentloop/contracts';
import {
  createRemoteJWKSet,
  importSPKI,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { type Actor, type Role, roles as knownRoles } from '../actor';
import type { AuthConfig, KeySource, ProductionAlgorithm } from './auth.config';

/** Why a token was refused: logged, never told to the caller. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/**
 * The identity provider's keys could not be had (its JWKS endpoint is down, slow or answers
 * nonsense): no token can be checked, which is an outage to report (503), not a bad token.
 */
export class KeysUnavailableError extends Error {
  override readonly name = 'KeysUnavailableError';
}

/** jose's errors for a key set it could not fetch, and Node's for a connection that failed. */
const UNAVAILABLE_CODES = new Set([
  'ERR_JWKS_TIMEOUT',
  'ERR_JWKS_INVALID',
  'ERR_JOSE_GENERIC', // "Expected 200 OK from the JSON Web Key Set HTTP response"
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);

const keysUnavailable = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNAVAILABLE_CODES.has(code);
};

/**
 * Checks a bearer token and returns who it names; throws InvalidTokenError when it is not
 * valid, KeysUnavailableError when it cannot be checked now.
 */
export type TokenVerifier = (token: string) => Promise<Actor>;

/** Tolerated difference between the identity provider's clock and ours. */
const CLOCK_TOLERANCE_SECONDS = 30;
/**
 * Verified tokens are remembered for a minute at most (never past their `exp`), so a client
 * sending the same token with every request pays for one signature check a minute, not one a
 * request. The minute bounds how long a key the identity provider withdrew keeps working.
 */
const VERIFIED_FOR_MS = 60_000;
const VERIFIED_TOKENS = 10_000;

/**
 * The media types of a token meant as a bearer token: `JWT` (RFC 7519) or `at+jwt` (an OAuth
 * access token, RFC 9068), case-insensitive and with or without `application/` (RFC 7515 §4.1.9).
 * Anything else (no `typ`, `JWS`, an ID token's or a logout token's type) is another kind of
 * signed object from the same issuer and must not pass for an access token.
 */
export const isAccessTokenType = (typ: unknown): boolean => {
  if (typeof typ !== 'string') return false;
  const type = typ.toLowerCase().replace(/^application\//, '');
  return type === 'jwt' || type === 'at+jwt';
};

const isKnownRole = (role: unknown): role is Role =>
  typeof role === 'string' && (knownRoles as readonly string[]).includes(role);

/** `sub` → userId, `tenant` → tenantId, `roles` → roles, each checked. */
export const actorFromClaims = (payload: JWTPayload): Actor => {
  const { sub, tenant, roles } = payload;
  if (typeof sub !== 'string' || !ID_PATTERN.test(sub))
    throw new InvalidTokenError('sub is missing or not an id');
  if (typeof tenant !== 'string' || !TENANT_ID_PATTERN.test(tenant))
    throw new InvalidTokenError('tenant is missing or not a tenant id');
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isKnownRole))
    throw new InvalidTokenError('roles is missing, empty or names an unknown role');
  return { tenantId: tenant, userId: sub, roles: [...new Set(roles)] };
};

const productionKeys = async (
  keys: KeySource,
  algorithms: readonly ProductionAlgorithm[],
): Promise<{ key: JWTVerifyGetKey; algorithms: readonly string[] }> => {
  if (keys.kind === 'jwks') return { key: createRemoteJWKSet(new URL(keys.url)), algorithms };
  const key = await importSPKI(keys.pem, keys.algorithm);
  return { key: () => key, algorithms: [keys.algorithm] };
};

const keysOf = (
  config: AuthConfig,
): Promise<{ key: JWTVerifyGetKey; algorithms: readonly string[] }> => {
  if (config.mode === 'production') return productionKeys(config.keys, config.algorithms);
  const secret = new TextEncoder().encode(config.secret);
  return Promise.resolve({ key: () => secret, algorithms: ['HS256'] });
};

/**
 * The verifier of a service's configuration: signature (only the allowed algorithms, so never
 * `none` nor an HMAC token against a public key), the header's `typ`, issuer, audience, `exp`
 * (required), `nbf`, and `iat` (required, at most maxTokenAgeSeconds ago: a leaked token with a
 * far `exp` stops working), then the claims that name the actor.
 */
export const createTokenVerifier = async (config: AuthConfig): Promise<TokenVerifier> => {
  const { key, algorithms } = await keysOf(config);
  const options = {
    algorithms: [...algorithms],
    issuer: config.issuer,
    audience: config.audience,
    requiredClaims: ['exp', 'iat'],
    maxTokenAge: config.maxTokenAgeSeconds,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  };
  const verified = new Map<string, { readonly actor: Actor; readonly until: number }>();
  return async (token) => {
    const known = verified.get(token);
    if (known && known.until > Date.now()) return known.actor;
    if (known) verified.delete(token);
    let payload: JWTPayload;
    try {
      const result = await jwtVerify(token, key, options);
      // jose checks one `typ`; two are accepted here.
      if (!isAccessTokenType(result.protectedHeader.typ))
        throw new InvalidTokenError('the header typ is not JWT or at+jwt');
      payload = result.payload;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      if (keysUnavailable(error)) throw new KeysUnavailableError(reason);
      throw new InvalidTokenError(reason);
    }
    const actor = actorFromClaims(payload);
    const expiresAt = (payload.exp ?? 0) * 1000;
    // Remembered no longer than it would pass the checks: not past exp, nor past its maximum age.
    const tooOldAt = ((payload.iat ?? 0) + config.maxTokenAgeSeconds) * 1000;
    if (verified.size >= VERIFIED_TOKENS) verified.clear();
    verified.set(token, {
      actor,
      until: Math.min(Date.now() + VERIFIED_FOR_MS, expiresAt, tooOldAt),
    });
    return actor;
  };
};
