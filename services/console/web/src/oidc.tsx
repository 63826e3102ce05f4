import * as oauth from 'oauth4webapi';
import { useState } from 'react';
import { type AuthSettings } from './auth';
import { storeSession } from './auth';
import { Problem } from './components/states';
import { useT } from './i18n';
import { type Session } from './lib/session';

type Production = Extract<AuthSettings, { mode: 'production' }>;

/** Where the identity provider sends the browser back with the code. */
const CALLBACK_PATH = '/auth/callback';
const PENDING_KEY = 'talentloop.oidc';

const redirectUri = () => `${location.origin}${CALLBACK_PATH}`;

export const isOidcCallback = (): boolean => location.pathname === CALLBACK_PATH;

/**
 * Plain http only for an issuer on this machine: the console's server refuses any other
 * (console.config.ts), and oauth4webapi insists on being told.
 */
const transport = (settings: Production) =>
  new URL(settings.issuer).protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {};

const discover = async (settings: Production) => {
  const issuer = new URL(settings.issuer);
  return oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, transport(settings)),
  );
};

/**
 * Authorization code flow with PKCE (a public client: no secret in a browser). The verifier and
 * state wait in sessionStorage for the way back.
 */
export const startOidcSignIn = async (settings: Production): Promise<void> => {
  const server = await discover(settings);
  if (!server.authorization_endpoint)
    throw new Error('the identity provider has no authorization endpoint');
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  // Where to come back to: the page the reader opened (a mail's link), else the start.
  const returnTo = isOidcCallback() ? '/' : `${location.pathname}${location.search}`;
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(server.authorization_endpoint);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', settings.scope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  if (settings.audience) url.searchParams.set('resource', settings.audience);
  location.assign(url.href);
};

/** Back from the identity provider: the code for tokens; the access token is the session. */
export const completeOidcSignIn = async (
  settings: Production,
): Promise<{ session: Session; returnTo: string }> => {
  const pending = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (pending === null) throw new Error('no sign-in was started in this tab');
  const { verifier, state, returnTo } = JSON.parse(pending) as {
    verifier: string;
    state: string;
    returnTo: string;
  };
  const server = await discover(settings);
  const client: oauth.Client = { client_id: settings.clientId };
  const params = oauth.validateAuthResponse(server, client, new URL(location.href), state);
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client,
    oauth.None(),
    params,
    redirectUri(),
    verifier,
    {
      ...transport(settings),
      ...(settings.audience ? { additionalParameters: { resource: settings.audience } } : {}),
    },
  );
  const result = await oauth.processAuthorizationCodeResponse(server, client, response);
  const session = storeSession(result.access_token);
  if (!session)
    throw new Error(
      'the access token is not a JWT with the sub, tenant, roles and exp claims the services read',
    );
  // Only a path of this app: never an address elsewhere.
  return {
    session,
    returnTo: returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/',
  };
};

export const OidcSignIn = ({ settings, expired }: { settings: Production; expired: boolean }) => {
  const t = useT();
  const [error, setError] = useState<Error | undefined>();
  return (
    <main id="content" className="sign-in">
      <h1>{t('signIn.title')}</h1>
      {expired && <p role="status">{t('signIn.expired')}</p>}
      <p>{t('signIn.oidcIntro')}</p>
      {error && <Problem error={error} />}
      <button
        type="button"
        onClick={() => {
          startOidcSignIn(settings).catch((failure: unknown) =>
            setError(failure instanceof Error ? failure : new Error(String(failure))),
          );
        }}
      >
        {t('signIn.oidc')}
      </button>
    </main>
  );
};
