// A real OpenID Connect provider for the console's production sign-in suite: panva's
// oidc-provider (certified), on a loopback port, with its development login pages, one public
// client (the console, PKCE) and JWT access tokens (RFC 9068) for the services' audience that
// carry the tenant and roles the services read.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';

export interface IdentityProvider {
  readonly issuer: string;
  readonly jwksUrl: string;
  /** Registers the console (a public client) with its redirect URI; the provider then answers. */
  registerConsole(redirectUri: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Listens at once (the issuer's address goes into the system's configuration); answers once
 * the console is registered, whose address is known only when the system starts.
 */
export const startIdentityProvider = async ({
  audience,
  claims,
}: {
  readonly audience: string;
  /** The tenant and roles every account's access token carries. */
  readonly claims: { readonly tenant: string; readonly roles: readonly string[] };
}): Promise<IdentityProvider> => {
  const { default: Provider } = await import('oidc-provider');
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const key = { ...(await exportJWK(privateKey)), kid: 'console-e2e', alg: 'ES256', use: 'sig' };
  const server: Server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const registerConsole = (redirectUri: string) => {
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'talentloop-console',
          token_endpoint_auth_method: 'none',
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      jwks: { keys: [key] },
      pkce: { required: () => true },
      features: {
        devInteractions: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => audience,
          useGrantedResource: () => true,
          getResourceServerInfo: () => ({
            scope: 'openid profile',
            audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: 3600,
            jwt: { sign: { alg: 'ES256' } },
          }),
        },
      },
      extraTokenClaims: () => ({ tenant: claims.tenant, roles: [...claims.roles] }),
      // The login page's name is the account id (the token's sub).
      findAccount: (_context: unknown, id: string) => ({
        accountId: id,
        claims: () => ({ sub: id }),
      }),
    });
    server.on('request', provider.callback());
  };
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    registerConsole: (redirectUri) => Promise.resolve(registerConsole(redirectUri)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
