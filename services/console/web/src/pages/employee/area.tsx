import { lazyPage, type Area } from '../../routes';

const roles = ['employee'];

/** The employee pages: the plan and its goals, a goal, its check-in, and growth. */
export const employeeArea: Area = {
  routes: [
    { path: '/employee/plan', roles, page: lazyPage(() => import('./plan-page'), 'PlanPage') },
    {
      path: '/employee/goals/:goalId',
      roles,
      page: lazyPage(() => import('./goal-page'), 'GoalPage'),
    },
    {
      path: '/employee/goals/:goalId/check-in',
      roles,
      page: lazyPage(() => import('./check-in-page'), 'CheckInPage'),
    },
    {
      path: '/employee/growth',
      roles,
      page: lazyPage(() => import('./growth-page'), 'GrowthPage'),
    },
  ],
  nav: [
    { href: '/employee/plan', label: 'nav.plan', roles },
    { href: '/employee/growth', label: 'nav.growth', roles },
  ],
};
