import { type Area } from '../../routes';
import { InboxPage } from './inbox-page';
import { managerPaths } from './paths';
import { RequestPage } from './request-page';
import { TeamPage } from './team-page';

const roles = ['manager'];

/** The manager's pages: the approval inbox, a request to decide, and the team's goals. */
export const managerArea: Area = {
  routes: [
    { path: managerPaths.inbox, roles, page: InboxPage },
    { path: managerPaths.request, roles, page: RequestPage },
    { path: managerPaths.team, roles, page: TeamPage },
  ],
  nav: [
    { href: managerPaths.inbox, label: 'nav.inbox', roles },
    { href: managerPaths.team, label: 'nav.team', roles },
  ],
};
