// A real OpenID Connect provider for the console's production sign-in suite: panva's
// oidc-provider, on a loopback port, with its development login pages, one public client (the
// console, PKCE) and JWT access tokens (RFC 9068) for the services' audience that carry the
// tenant and roles the services read. A process of its own (oidc-provider is an ES module,
// which Jest's module system cannot load): node identity-provider-server.mjs <settings JSON>; it
// prints "ready" once it listens.
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

const { port, redirectUri, audience, tenant, roles } = JSON.parse(process.argv[2]);
const issuer = `http://127.0.0.1:${port}`;
const { privateKey } = await generateKeyPair('ES256', { extractable: true });
const key = { ...(await exportJWK(privateKey)), kid: 'console-e2e', alg: 'ES256', use: 'sig' };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'talentloop-console',
      token_endpoint_auth_method: 'none',
      id_token_signed_response_alg: 'ES256',
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
  extraTokenClaims: () => ({ tenant, roles }),
  // The name typed on the login page is the account id (the token's sub).
  findAccount: (_context, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
});

const server = createServer(provider.callback());
server.listen(port, '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
