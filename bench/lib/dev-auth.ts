import { randomDevSecret, unthrottledEnv } from '@talentloop/testing';
import { bearerTokens } from '../../scripts/tokens';

/**
 * Development-mode authentication for a benchmark's service: the env to start it with, and
 * the `Authorization` header of a caller it accepts (minted before timing, valid 8 h).
 */
export const devAuth = () => {
  // One HR caller drives the whole benchmark: no rate limit may count its load.
  const env = {
    AUTH_MODE: 'development',
    AUTH_DEV_SECRET: randomDevSecret(),
    ...unthrottledEnv(),
  };
  return { env, authorization: bearerTokens(env) };
};
