import { type Area } from '../../routes';
import { EventBrowserPage } from './event-browser';
import { EventTypePage, EventTypesPage } from './event-types';

const roles = ['integrator', 'admin'];

/** The integrator's pages: the replay as an event browser, and each event type's schema. */
export const integratorArea: Area = {
  routes: [
    { path: '/integrator/events', roles, page: EventBrowserPage },
    { path: '/integrator/event-types', roles, page: EventTypesPage },
    { path: '/integrator/event-types/:name', roles, page: EventTypePage },
  ],
  nav: [
    { href: '/integrator/events', label: 'nav.events', roles },
    { href: '/integrator/event-types', label: 'eventTypes.nav', roles },
  ],
};
