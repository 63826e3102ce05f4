import { lazyPage, type Area } from '../../routes';
import { ANALYTICS_HOME, reports } from './report-list';

const overview = () => import('./overview');
const pages = () => import('./report-pages');

const roles = ['hr', 'admin'];

/** The HR pages: the analytics overview and a page per report. */
export const hrArea: Area = {
  routes: [
    { path: ANALYTICS_HOME, roles, page: lazyPage(overview, 'AnalyticsOverview') },
    { path: reports.activePlans.path, roles, page: lazyPage(pages, 'ActivePlansPage') },
    { path: reports.developmentFocus.path, roles, page: lazyPage(pages, 'DevelopmentFocusPage') },
    { path: reports.gapMap.path, roles, page: lazyPage(pages, 'GapMapPage') },
    { path: reports.approvalFlow.path, roles, page: lazyPage(pages, 'ApprovalFlowPage') },
    { path: reports.checkInAdherence.path, roles, page: lazyPage(pages, 'CheckInAdherencePage') },
    { path: reports.growth.path, roles, page: lazyPage(pages, 'GrowthPage') },
    { path: reports.goalsAchieved.path, roles, page: lazyPage(pages, 'GoalsAchievedPage') },
  ],
  nav: [{ href: ANALYTICS_HOME, label: 'nav.analytics', roles }],
};
