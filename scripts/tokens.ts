// Bearer tokens for the scripts that call a running system: the demo, the e2e suites, the
// benchmarks and `npm run token`.
import { createPrivateKey } from 'node:crypto';
import {
  devSigningKey,
  mintToken,
  type SigningKey,
  type TokenSubject,
} from '@talentloop/service-kit';
import { devJwtSecret } from './service-process';

/**
 * The key of development tokens as service-process.js hands it to the services: AUTH_DEV_SECRET,
 * else the secret of the data folder (TALENTLOOP_DATA_DIR, else data/).
 */
export const devSigningKeyFromEnv = (env: NodeJS.ProcessEnv = process.env): SigningKey =>
  devSigningKey(env['AUTH_DEV_SECRET'] ?? devJwtSecret(env));

/**
 * What signs the tokens for the system `env` describes: TALENTLOOP_SIGNING_KEY (a PKCS#8 PEM,
 * RS256 or ES256 by its type, for AUTH_ISSUER and AUTH_AUDIENCE) when the system runs in
 * production mode on a key the caller holds (the e2e suites on Kafka), else the development
 * secret the services get from service-process.js: AUTH_DEV_SECRET, else the one of its data
 * folder (TALENTLOOP_DATA_DIR, else data/), which `npm start` uses.
 */
export const signingKeyFromEnv = (env: NodeJS.ProcessEnv = process.env): SigningKey => {
  const privateKey = env['TALENTLOOP_SIGNING_KEY'];
  if (!privateKey) return devSigningKeyFromEnv(env);
  const type = createPrivateKey(privateKey).asymmetricKeyType;
  return {
    algorithm: type === 'ec' ? 'ES256' : 'RS256',
    privateKey,
    issuer: env['AUTH_ISSUER'] ?? '',
    audience: env['AUTH_AUDIENCE'] ?? '',
  };
};

/**
 * `Bearer <token>` for the subject, signed as signingKeyFromEnv says; one token per subject
 * for the life of the process (valid 8 h), so a benchmark does not measure signing.
 */
export const bearerTokens = (env: NodeJS.ProcessEnv = process.env) => {
  const key = signingKeyFromEnv(env);
  const minted = new Map<string, Promise<string>>();
  return (subject: TokenSubject): Promise<string> => {
    const id = JSON.stringify([subject.tenantId, subject.userId, subject.roles]);
    let token = minted.get(id);
    if (token === undefined) {
      token = mintToken(subject, key, '8h').then((jwt) => `Bearer ${jwt}`);
      minted.set(id, token);
    }
    return token;
  };
};

/** `employee,manager` → `['employee', 'manager']`. */
export const rolesOf = (roles: string): string[] =>
  roles
    .split(',')
    .map((role) => role.trim())
    .filter(Boolean);
