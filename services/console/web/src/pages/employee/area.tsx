import { type Area } from '../../routes';
import { CheckInPage } from './check-in-page';
import { GoalPage } from './goal-page';
import { GrowthPage } from './growth-page';
import { PlanPage } from './plan-page';

const roles = ['employee'];

/** The employee pages: the plan and its goals, a goal, its check-in, and growth. */
export const employeeArea: Area = {
  routes: [
    { path: '/employee/plan', roles, page: PlanPage },
    { path: '/employee/goals/:goalId', roles, page: GoalPage },
    { path: '/employee/goals/:goalId/check-in', roles, page: CheckInPage },
    { path: '/employee/growth', roles, page: GrowthPage },
  ],
  nav: [
    { href: '/employee/plan', label: 'nav.plan', roles },
    { href: '/employee/growth', label: 'nav.growth', roles },
  ],
};
