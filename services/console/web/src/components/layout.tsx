import { type ReactNode } from 'react';
import { languages, useLanguage, useT, type Language } from '../i18n';
import { type Session } from '../lib/session';
import { Link, useLocation } from '../router';
import { type NavItem } from '../routes';

/** The frame of every signed-in page: skip link, header with menu and language, the page. */
export const Layout = ({
  session,
  nav,
  onSignOut,
  children,
}: {
  session: Session;
  nav: readonly NavItem[];
  onSignOut: () => void;
  children: ReactNode;
}) => {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  const { pathname } = useLocation();
  return (
    <>
      <a className="skip-link" href="#content">
        {t('app.skip')}
      </a>
      <header className="top">
        <Link href="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.main')}>
          <ul>
            {nav.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={pathname.startsWith(item.href) ? 'page' : undefined}
                >
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account">
          <label>
            <span className="visually-hidden">{t('language.label')}</span>
            <select
              value={language}
              onChange={(event) => setLanguage(event.target.value as Language)}
            >
              {languages.map((option) => (
                <option key={option} value={option}>
                  {t(`language.${option}`)}
                </option>
              ))}
            </select>
          </label>
          <span className="who">
            {session.userId} · {session.tenantId}
          </span>
          <button type="button" className="secondary" onClick={onSignOut}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="content" tabIndex={-1}>
        {children}
      </main>
    </>
  );
};
