import { devSigningKey, mintToken, type TokenSubject } from '@talentloop/http';
import { randomDevSecret } from '@talentloop/testing';

/**
 * Development-mode authentication for a benchmark's service: the env to start it with, and
 * the `Authorization` header of a caller it accepts (minted before timing, valid 8 h).
 */
export const devAuth = () => {
  const secret = randomDevSecret();
  return {
    env: { AUTH_MODE: 'development', AUTH_DEV_SECRET: secret },
    authorization: async (subject: TokenSubject): Promise<string> =>
      `Bearer ${await mintToken(subject, devSigningKey(secret), '8h')}`,
  };
};
