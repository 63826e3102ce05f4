import { randomDevSecret } from '@talentloop/testing';
import { bearerTokens } from '../../scripts/tokens';

/**
 * Development-mode authentication for a benchmark's service: the env to start it with, and
 * the `Authorization` header of a caller it accepts (minted before timing, valid 8 h).
 */
export const devAuth = () => {
  const env = { AUTH_MODE: 'development', AUTH_DEV_SECRET: randomDevSecret() };
  return { env, authorization: bearerTokens(env) };
};
