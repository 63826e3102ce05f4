import { lazyPage, type Area } from '../../routes';
import { managerPaths } from './paths';

const roles = ['manager'];

/** The manager's pages: the approval inbox, a request to decide, and the team's goals. */
export const managerArea: Area = {
  routes: [
    { path: managerPaths.inbox, roles, page: lazyPage(() => import('./inbox-page'), 'InboxPage') },
    {
      path: managerPaths.request,
      roles,
      page: lazyPage(() => import('./request-page'), 'RequestPage'),
    },
    { path: managerPaths.team, roles, page: lazyPage(() => import('./team-page'), 'TeamPage') },
  ],
  nav: [
    { href: managerPaths.inbox, label: 'nav.inbox', roles },
    { href: managerPaths.team, label: 'nav.team', roles },
  ],
};
