import { lazyPage, type Area } from '../../routes';

const browser = () => import('./event-browser');
const types = () => import('./event-types');

const roles = ['integrator', 'admin'];

/** The integrator's pages: the replay as an event browser, and each event type's schema. */
export const integratorArea: Area = {
  routes: [
    { path: '/integrator/events', roles, page: lazyPage(browser, 'EventBrowserPage') },
    { path: '/integrator/event-types', roles, page: lazyPage(types, 'EventTypesPage') },
    { path: '/integrator/event-types/:name', roles, page: lazyPage(types, 'EventTypePage') },
  ],
  nav: [
    { href: '/integrator/events', label: 'nav.events', roles },
    { href: '/integrator/event-types', label: 'eventTypes.nav', roles },
  ],
};
