import { createHmac, timingSafeEqual } from 'node:crypto';

/** Whose e-mails an unsubscribe link turns off. */
export interface UnsubscribeSubject {
  readonly tenantId: string;
  readonly employeeId: string;
}

/** Longer tokens are refused before any work is done on them. */
export const MAX_UNSUBSCRIBE_TOKEN_LENGTH = 1024;

/** base64url segments: the payload, a full stop, and the 32 bytes of HMAC-SHA256 (43 chars). */
const TOKEN_SHAPE = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/;

const requireSecret = (secret: string): void => {
  if (secret.length === 0) throw new RangeError('an unsubscribe token needs a secret');
};

/**
 * The signature covers the payload segment as it appears in the token, not the decoded JSON:
 * base64url decoders are lenient, so signing the decoded bytes would let different tokens carry
 * one signature. Any change to the token's characters now fails verification.
 */
const signatureOf = (secret: string, encodedPayload: string): Buffer =>
  createHmac('sha256', secret).update(encodedPayload).digest();

/**
 * The token of a one-click unsubscribe link (RFC 8058): `base64url(JSON).base64url(HMAC)`.
 * It does not expire — an old e-mail's link must keep working — so its secret should serve
 * this purpose only; rotating the secret voids every link sent before.
 */
export const unsubscribeToken = (secret: string, who: UnsubscribeSubject): string => {
  requireSecret(secret);
  if (who.tenantId.length === 0 || who.employeeId.length === 0) {
    throw new RangeError('an unsubscribe token names a tenant and an employee');
  }
  const payload = Buffer.from(
    JSON.stringify({ tenantId: who.tenantId, employeeId: who.employeeId }),
  ).toString('base64url');
  return `${payload}.${signatureOf(secret, payload).toString('base64url')}`;
};

const isSubject = (value: unknown): value is UnsubscribeSubject => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { tenantId, employeeId } = value as Record<string, unknown>;
  return (
    Object.keys(value).length === 2 &&
    typeof tenantId === 'string' &&
    tenantId.length > 0 &&
    typeof employeeId === 'string' &&
    employeeId.length > 0
  );
};

/** Who the token unsubscribes, or null for a token this secret did not sign as it stands. */
export const readUnsubscribeToken = (secret: string, token: string): UnsubscribeSubject | null => {
  requireSecret(secret);
  if (typeof token !== 'string' || token.length > MAX_UNSUBSCRIBE_TOKEN_LENGTH) return null;
  const parts = TOKEN_SHAPE.exec(token);
  if (parts === null) return null;
  const [, payload = '', signature = ''] = parts;
  // Compared as text: decoding first would accept the variants of the last character that
  // differ only in its unused bits.
  const expected = Buffer.from(signatureOf(secret, payload).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return isSubject(value) ? { tenantId: value.tenantId, employeeId: value.employeeId } : null;
  } catch {
    return null;
  }
};
