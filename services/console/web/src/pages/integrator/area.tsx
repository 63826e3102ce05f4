import { type Area } from '../../routes';

const roles = ['integrator', 'admin'];

/** The integrator pages (placeholder until the area is built). */
const IntegratorHome = () => <h1>/integrator/events</h1>;

export const integratorArea: Area = {
  routes: [{ path: '/integrator/events', roles, page: IntegratorHome }],
  nav: [{ href: '/integrator/events', label: 'nav.events', roles }],
};
