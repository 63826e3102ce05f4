import { useState, type FormEvent } from 'react';
import { useT } from './i18n';
import { isLive, sessionOf, type Session } from './lib/session';
import { ApiError, apiErrorOf } from './lib/problem';
import { Problem } from './components/states';

/** How the console signs in, as its server says (GET /auth/config). */
export type AuthSettings =
  | { readonly mode: 'development' }
  | {
      readonly mode: 'production';
      readonly issuer: string;
      readonly clientId: string;
      readonly scope: string;
      readonly audience?: string;
    };

const STORAGE_KEY = 'talentloop.session';

/** The session kept for this tab (sessionStorage: gone when the tab closes), if still live. */
export const storedSession = (now = Date.now()): Session | undefined => {
  const token = sessionStorage.getItem(STORAGE_KEY);
  const session = token === null ? undefined : sessionOf(token);
  return session && isLive(session, now) ? session : undefined;
};

export const storeSession = (token: string): Session | undefined => {
  const session = sessionOf(token);
  if (session) sessionStorage.setItem(STORAGE_KEY, token);
  return session;
};

export const forgetSession = (): void => sessionStorage.removeItem(STORAGE_KEY);

export const loadAuthSettings = async (): Promise<AuthSettings> => {
  const response = await fetch('/auth/config', { headers: { accept: 'application/json' } });
  if (!response.ok) throw apiErrorOf(response.status, response.statusText, await response.json());
  return (await response.json()) as AuthSettings;
};

const ROLES = ['employee', 'manager', 'hr', 'integrator', 'admin'] as const;

/** Development sign-in: any tenant, user and roles, signed by the console's server. */
export const DevSignIn = ({
  onSignedIn,
  expired,
}: {
  onSignedIn: (session: Session) => void;
  expired: boolean;
}) => {
  const t = useT();
  const [tenantId, setTenantId] = useState('acme');
  const [userId, setUserId] = useState('');
  const [roles, setRoles] = useState<string[]>(['employee']);
  const [error, setError] = useState<Error | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const response = await fetch('/auth/dev-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ tenantId, userId, roles }),
    });
    const body: unknown = await response.json();
    if (!response.ok) return setError(apiErrorOf(response.status, response.statusText, body));
    const session = storeSession((body as { token: string }).token);
    if (session) onSignedIn(session);
    else setError(new ApiError(500, 'the token has no subject', undefined));
  };
  return (
    <main id="content" className="sign-in">
      <h1>{t('signIn.title')}</h1>
      {expired && <p role="status">{t('signIn.expired')}</p>}
      <p>{t('signIn.intro')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <label>
          {t('signIn.tenant')}
          <input
            name="tenant"
            required
            value={tenantId}
            onChange={(event) => setTenantId(event.target.value)}
            autoComplete="organization"
          />
        </label>
        <label>
          {t('signIn.user')}
          <input
            name="user"
            required
            value={userId}
            onChange={(event) => setUserId(event.target.value)}
            autoComplete="username"
          />
        </label>
        <fieldset>
          <legend>{t('signIn.roles')}</legend>
          {ROLES.map((role) => (
            <label key={role} className="check">
              <input
                type="checkbox"
                name="roles"
                value={role}
                checked={roles.includes(role)}
                onChange={(event) =>
                  setRoles((current) =>
                    event.target.checked
                      ? [...current, role]
                      : current.filter((held) => held !== role),
                  )
                }
              />
              {t(`role.${role}`)}
            </label>
          ))}
        </fieldset>
        {error && <Problem error={error} />}
        <button type="submit">{t('signIn.submit')}</button>
      </form>
    </main>
  );
};
