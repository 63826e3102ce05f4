import { type Area } from '../../routes';

const roles = ['manager'];

/** The manager pages (placeholder until the area is built). */
const ManagerHome = () => <h1>/manager/inbox</h1>;

export const managerArea: Area = {
  routes: [{ path: '/manager/inbox', roles, page: ManagerHome }],
  nav: [{ href: '/manager/inbox', label: 'nav.inbox', roles }],
};
