/** Who is signed in: the bearer token and what its claims say (for the menus only; every
 * decision is the services', on the token itself). */
export interface Session {
  readonly token: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly roles: readonly string[];
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

const base64UrlDecode = (text: string): string => {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (character) => character.charCodeAt(0));
  return new TextDecoder().decode(bytes);
};

/** The session a JWT describes, or undefined when it is not a token with our claims. */
export const sessionOf = (token: string): Session | undefined => {
  const [, payload] = token.split('.');
  if (payload === undefined) return undefined;
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(base64UrlDecode(payload)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const { sub, tenant, roles, exp } = claims;
  if (typeof sub !== 'string' || typeof tenant !== 'string' || typeof exp !== 'number')
    return undefined;
  if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string')) return undefined;
  return { token, tenantId: tenant, userId: sub, roles, expiresAt: exp * 1000 };
};

/** Whether the session still has more than `marginMs` to go at `now`. */
export const isLive = (session: Session, now: number, marginMs = 30_000): boolean =>
  session.expiresAt - marginMs > now;

export const hasRole = (session: Session | undefined, ...roles: readonly string[]): boolean =>
  session !== undefined && roles.some((role) => session.roles.includes(role));
