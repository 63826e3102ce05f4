import { importPKCS8, type KeyLike, SignJWT } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER, type ProductionAlgorithm } from './auth.config';

/** Whom a token names. */
export interface TokenSubject {
  readonly tenantId: string;
  readonly userId: string;
  readonly roles: readonly string[];
}

/** What signs a token, and for which issuer and audience. */
export type SigningKey = {
  readonly issuer: string;
  readonly audience: string;
} & (
  | { readonly algorithm: 'HS256'; readonly secret: string }
  | {
      readonly algorithm: ProductionAlgorithm;
      /** A KeyLike or a PKCS#8 PEM. */
      readonly privateKey: KeyLike | string;
      readonly keyId?: string;
    }
);

/** The key of development tokens: HS256 with the service's AUTH_DEV_SECRET. */
export const devSigningKey = (secret: string): SigningKey => ({
  algorithm: 'HS256',
  secret,
  issuer: DEV_ISSUER,
  audience: DEV_AUDIENCE,
});

/**
 * A signed bearer token for `subject`, valid for `ttl` (a number of seconds or a jose time
 * span such as `8h`): for the dev-token CLI, the test harnesses and the end-to-end scripts.
 */
export const mintToken = async (
  subject: TokenSubject,
  key: SigningKey,
  ttl: number | string = '1h',
): Promise<string> => {
  const now = Math.floor(Date.now() / 1000);
  const token = new SignJWT({ tenant: subject.tenantId, roles: [...subject.roles] })
    .setSubject(subject.userId)
    .setIssuer(key.issuer)
    .setAudience(key.audience)
    .setIssuedAt(now)
    .setExpirationTime(typeof ttl === 'number' ? now + ttl : ttl);
  if (key.algorithm === 'HS256')
    return token
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode(key.secret));
  const privateKey =
    typeof key.privateKey === 'string'
      ? await importPKCS8(key.privateKey, key.algorithm)
      : key.privateKey;
  return token
    .setProtectedHeader({
      alg: key.algorithm,
      typ: 'JWT',
      ...(key.keyId === undefined ? {} : { kid: key.keyId }),
    })
    .sign(privateKey);
};
