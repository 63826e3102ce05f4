import { ID_PATTERN, TENANT_ID_PATTERN } from '@talentloop/contracts';
import {
  devSigningKey,
  mintToken,
  roles as knownRoles,
} from '@talentloop/service-kit/bearer-tokens';

/** How long a development token from the console's sign-in lasts. */
export const DEV_TOKEN_TTL_SECONDS = 8 * 60 * 60;

/** What the sign-in form sends: who to be, in which tenant, with which roles. */
interface DevTokenRequest {
  readonly tenantId: string;
  readonly userId: string;
  readonly roles: readonly string[];
}

/** The request's subject, or what is wrong with it (a pure check). */
export const devTokenRequestOf = (
  body: unknown,
): DevTokenRequest | { readonly invalid: string } => {
  if (typeof body !== 'object' || body === null) return { invalid: 'send a JSON object' };
  const { tenantId, userId, roles } = body as Record<string, unknown>;
  if (typeof tenantId !== 'string' || !TENANT_ID_PATTERN.test(tenantId))
    return { invalid: 'tenantId must be a tenant id (lower-case letters, digits and -)' };
  if (typeof userId !== 'string' || !ID_PATTERN.test(userId))
    return { invalid: 'userId must be an id' };
  if (
    !Array.isArray(roles) ||
    roles.length === 0 ||
    !roles.every((role) => (knownRoles as readonly unknown[]).includes(role))
  )
    return { invalid: `roles must be a non-empty list of ${knownRoles.join(', ')}` };
  return { tenantId, userId, roles: [...new Set(roles as string[])] };
};

/** A development token for the request's subject, signed as the services verify it. */
export const devTokenResponse = async (
  body: unknown,
  secret: string,
): Promise<{ token: string; expiresAt: string } | { readonly invalid: string }> => {
  const subject = devTokenRequestOf(body);
  if ('invalid' in subject) return subject;
  const token = await mintToken(subject, devSigningKey(secret), DEV_TOKEN_TTL_SECONDS);
  return { token, expiresAt: new Date(Date.now() + DEV_TOKEN_TTL_SECONDS * 1000).toISOString() };
};
