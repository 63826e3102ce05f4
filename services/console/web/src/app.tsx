import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiProvider } from './api';
import {
  DevSignIn,
  forgetSession,
  loadAuthSettings,
  storedSession,
  type AuthSettings,
} from './auth';
import { Layout } from './components/layout';
import { Loading, Problem } from './components/states';
import { useT } from './i18n';
import { matchRoute } from './lib/routes';
import { hasRole, type Session } from './lib/session';
import { OidcSignIn, completeOidcSignIn, isOidcCallback } from './oidc';
import { employeeArea } from './pages/employee/area';
import { hrArea } from './pages/hr/area';
import { integratorArea } from './pages/integrator/area';
import { mailLinksArea } from './pages/mail-links';
import { managerArea } from './pages/manager/area';
import { Link, navigate, useLocation } from './router';
import { type Area } from './routes';

const areas: readonly Area[] = [hrArea, managerArea, employeeArea, integratorArea, mailLinksArea];

const NotFound = () => {
  const t = useT();
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link href="/">{t('notFound.back')}</Link>
      </p>
    </>
  );
};

/** The first page of the caller's first role with an area: HR, manager, employee, integrator. */
const homeOf = (session: Session): string =>
  areas.flatMap((area) => area.nav).find((item) => hasRole(session, ...item.roles))?.href ?? '/';

const SignedIn = ({
  session,
  onSignOut,
}: {
  session: Session;
  onSignOut: (expired: boolean) => void;
}) => {
  const { pathname } = useLocation();
  const nav = useMemo(
    () => areas.flatMap((area) => area.nav).filter((item) => hasRole(session, ...item.roles)),
    [session],
  );
  const home = homeOf(session);
  useEffect(() => {
    if (pathname === '/' && home !== '/') navigate(home, true);
  }, [pathname, home]);
  const onUnauthorized = useCallback(() => onSignOut(true), [onSignOut]);
  const matched = areas
    .flatMap((area) => area.routes)
    .filter((route) => hasRole(session, ...route.roles))
    .map((route) => ({ route, params: matchRoute(route.path, pathname) }))
    .find(({ params }) => params !== undefined);
  const Page = matched?.route.page ?? NotFound;
  return (
    <ApiProvider session={session} onUnauthorized={onUnauthorized}>
      <Layout session={session} nav={nav} onSignOut={() => onSignOut(false)}>
        <Suspense fallback={<Loading />}>
          <Page key={pathname} params={matched?.params ?? {}} />
        </Suspense>
      </Layout>
    </ApiProvider>
  );
};

export const App = () => {
  const [settings, setSettings] = useState<AuthSettings | Error | undefined>();
  const [session, setSession] = useState<Session | undefined>(storedSession);
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    loadAuthSettings().then(setSettings, (error: unknown) =>
      setSettings(error instanceof Error ? error : new Error(String(error))),
    );
  }, []);
  useEffect(() => {
    if (
      settings &&
      !(settings instanceof Error) &&
      settings.mode === 'production' &&
      isOidcCallback()
    )
      completeOidcSignIn(settings).then(
        ({ session: signedIn, returnTo }) => {
          setSession(signedIn);
          navigate(returnTo, true);
        },
        (error: unknown) => setSettings(error instanceof Error ? error : new Error(String(error))),
      );
  }, [settings]);
  const signOut = useCallback((wasExpired: boolean) => {
    forgetSession();
    setExpired(wasExpired);
    setSession(undefined);
  }, []);
  if (session) return <SignedIn session={session} onSignOut={signOut} />;
  if (settings === undefined) return null;
  if (settings instanceof Error)
    return (
      <main id="content">
        <Problem error={settings} />
      </main>
    );
  if (settings.mode === 'development')
    return (
      <DevSignIn
        expired={expired}
        onSignedIn={(signedIn) => {
          setExpired(false);
          setSession(signedIn);
          // Opened from a link (a mail's): stay on its page.
          if (location.pathname === '/') navigate(homeOf(signedIn), true);
        }}
      />
    );
  return <OidcSignIn settings={settings} expired={expired} />;
};
