import { type Area } from '../../routes';

const roles = ['hr', 'admin'];

/** The hr pages (placeholder until the area is built). */
const HrHome = () => <h1>/hr/analytics</h1>;

export const hrArea: Area = {
  routes: [{ path: '/hr/analytics', roles, page: HrHome }],
  nav: [{ href: '/hr/analytics', label: 'nav.analytics', roles }],
};
