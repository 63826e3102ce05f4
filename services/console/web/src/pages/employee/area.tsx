import { type Area } from '../../routes';

const roles = ['employee'];

/** The employee pages (placeholder until the area is built). */
const EmployeeHome = () => <h1>/employee/plan</h1>;

export const employeeArea: Area = {
  routes: [{ path: '/employee/plan', roles, page: EmployeeHome }],
  nav: [{ href: '/employee/plan', label: 'nav.plan', roles }],
};
