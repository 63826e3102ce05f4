import { ConfigError, integerIn, oneOf, requiredString, stringOr } from '@talentloop/config';

/** The services whose public APIs the console calls, each under /api/<service>/ of its origin. */
export const consoleApis = [
  'assessment',
  'planning',
  'approval',
  'analytics',
  'notifications',
] as const;
export type ConsoleApi = (typeof consoleApis)[number];

/** The port the console listens on unless PORT says otherwise (npm start: base port − 1). */
export const CONSOLE_DEFAULT_PORT = 3000;

/** How the browser signs in: the identity provider's OIDC, or development tokens. */
export type ConsoleAuth =
  | {
      readonly mode: 'production';
      /** The identity provider's issuer URL (its /.well-known/openid-configuration). */
      readonly issuer: string;
      /** The console's client id at the identity provider (a public client, PKCE). */
      readonly clientId: string;
      readonly scope: string;
      /** Sent as the `resource`/`audience` of the authorization request when set. */
      readonly audience: string | undefined;
    }
  | {
      readonly mode: 'development';
      /** The secret the services verify development tokens with (AUTH_DEV_SECRET). */
      readonly devSecret: string;
    };

export interface ConsoleConfig {
  readonly port: number;
  /** The built web app (index.html and its assets). */
  readonly webDir: string;
  /** Base URL of each service's API, without a trailing slash. */
  readonly apis: Readonly<Record<ConsoleApi, string>>;
  readonly auth: ConsoleAuth;
}

const HTTP_URL = { pattern: /^https?:\/\/[^\s/]+(\/\S*)?$/, shape: 'http(s)://host[:port][/path]' };

const isLoopback = (url: string): boolean =>
  /^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/.test(url);

/** Reads and checks the console's settings; a bad value throws a ConfigError naming it. */
export const consoleConfigFromEnv = (env: NodeJS.ProcessEnv): ConsoleConfig => {
  const port = integerIn(env, 'PORT', { min: 1, max: 65_535 }, CONSOLE_DEFAULT_PORT);
  const webDir = requiredString(env, 'CONSOLE_WEB_DIR', 'to serve the web app');
  const apis = Object.fromEntries(
    consoleApis.map((api) => {
      const variable = `CONSOLE_${api.toUpperCase()}_URL`;
      return [api, requiredString(env, variable, `: the ${api} API`, HTTP_URL).replace(/\/+$/, '')];
    }),
  ) as Record<ConsoleApi, string>;
  const mode = oneOf(env, 'AUTH_MODE', ['production', 'development'], 'production');
  if (mode === 'development') {
    const devSecret = requiredString(env, 'AUTH_DEV_SECRET', 'when AUTH_MODE=development');
    if (devSecret.length < 32)
      throw new ConfigError('AUTH_DEV_SECRET', 'must be at least 32 characters');
    return { port, webDir, apis, auth: { mode, devSecret } };
  }
  const issuer = requiredString(env, 'OIDC_ISSUER', 'when AUTH_MODE=production', HTTP_URL);
  if (!issuer.startsWith('https://') && !isLoopback(issuer))
    throw new ConfigError('OIDC_ISSUER', 'must be https (plain http only on a loopback host)');
  return {
    port,
    webDir,
    apis,
    auth: {
      mode,
      // Exactly as the provider names itself: its metadata must repeat it to the character.
      issuer,
      clientId: requiredString(env, 'OIDC_CLIENT_ID', 'when AUTH_MODE=production'),
      scope: stringOr(env, 'OIDC_SCOPE', 'openid profile'),
      audience: env['OIDC_AUDIENCE']?.trim() || undefined,
    },
  };
};
