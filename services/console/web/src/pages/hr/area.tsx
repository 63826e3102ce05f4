import { type Area } from '../../routes';
import { AnalyticsOverview } from './overview';
import { ANALYTICS_HOME, reports } from './report-list';
import {
  ActivePlansPage,
  ApprovalFlowPage,
  CheckInAdherencePage,
  DevelopmentFocusPage,
  GapMapPage,
  GoalsAchievedPage,
  GrowthPage,
} from './report-pages';

const roles = ['hr', 'admin'];

/** The HR pages: the analytics overview and a page per report. */
export const hrArea: Area = {
  routes: [
    { path: ANALYTICS_HOME, roles, page: AnalyticsOverview },
    { path: reports.activePlans.path, roles, page: ActivePlansPage },
    { path: reports.developmentFocus.path, roles, page: DevelopmentFocusPage },
    { path: reports.gapMap.path, roles, page: GapMapPage },
    { path: reports.approvalFlow.path, roles, page: ApprovalFlowPage },
    { path: reports.checkInAdherence.path, roles, page: CheckInAdherencePage },
    { path: reports.growth.path, roles, page: GrowthPage },
    { path: reports.goalsAchieved.path, roles, page: GoalsAchievedPage },
  ],
  nav: [{ href: ANALYTICS_HOME, label: 'nav.analytics', roles }],
};
