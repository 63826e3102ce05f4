import { ConfigError, integerIn, stringOr } from '@talentloop/config';

/**
 * The HTTP edge every service shares: which browser origins may call it (CORS) and how many
 * requests a caller may send per minute.
 */
export interface HttpConfig {
  /** Exact origins (`https://app.example.com`) a browser may call from; empty: CORS closed. */
  readonly corsOrigins: readonly string[];
  /** Requests per caller (tenant and user of the token) per minute, on every throttled route. */
  readonly rateLimitPerMinute: number;
}

/**
 * Generous: a person clicking through the product stays far below it, an integrator's sync
 * loop too; it stops a runaway client or a stolen token hammering one instance.
 */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 3_000;
export const MAX_RATE_LIMIT_PER_MINUTE = 10_000_000;

/** A DNS name, an IPv4 address or a bracketed IPv6 address: no wildcard. */
const HOST_NAME = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/;

/**
 * One origin as a browser sends it in `Origin`: scheme, host and port only. Anything else (a
 * path, a trailing slash, a wildcard, another scheme) would never match, or would match more
 * than meant, so it is refused rather than silently ignored.
 */
export const isExactOrigin = (candidate: string): boolean => {
  const url = URL.parse(candidate);
  if (url === null) return false;
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.origin === candidate &&
    // The URL parser takes `*` as part of a host name; CORS would take it as a literal.
    HOST_NAME.test(url.hostname)
  );
};

/** HTTP_CORS_ORIGINS: comma-separated exact origins; unset or empty keeps CORS closed. */
export const corsOriginsFromEnv = (env: NodeJS.ProcessEnv): string[] => {
  const origins = stringOr(env, 'HTTP_CORS_ORIGINS', '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const malformed = origins.find((origin) => !isExactOrigin(origin));
  if (malformed !== undefined)
    throw new ConfigError(
      'HTTP_CORS_ORIGINS',
      `must list exact origins like https://app.example.com (scheme, host, optional port; no path, no wildcard); got '${malformed}'`,
    );
  return [...new Set(origins)];
};

/** A requests-per-minute limit: 1 up to ten million (effectively unlimited, for benchmarks). */
export const perMinuteLimitFromEnv = (
  env: NodeJS.ProcessEnv,
  variable: string,
  fallback: number,
): number => integerIn(env, variable, { min: 1, max: MAX_RATE_LIMIT_PER_MINUTE }, fallback);

/** HTTP_CORS_ORIGINS and HTTP_RATE_LIMIT_PER_MINUTE; throws a ConfigError naming a bad one. */
export const httpConfigFromEnv = (env: NodeJS.ProcessEnv): HttpConfig => ({
  corsOrigins: corsOriginsFromEnv(env),
  rateLimitPerMinute: perMinuteLimitFromEnv(
    env,
    'HTTP_RATE_LIMIT_PER_MINUTE',
    DEFAULT_RATE_LIMIT_PER_MINUTE,
  ),
});
