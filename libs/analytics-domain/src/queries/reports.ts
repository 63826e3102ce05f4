import { activePlansReport } from './active-plans.query';
import { approvalFlowReport } from './approval-flow.query';
import { checkInAdherenceReport } from './check-in-adherence.query';
import { developmentFocusReport } from './development-focus.query';
import { gapMapReport } from './gap-map.query';
import { growthReport } from './growth.query';

/** The organisation-wide reports, by the name of the endpoint that answers each. */
export const analyticsReports = {
  'active-plans': activePlansReport,
  'development-focus': developmentFocusReport,
  'gap-map': gapMapReport,
  'approval-flow': approvalFlowReport,
  'check-in-adherence': checkInAdherenceReport,
  growth: growthReport,
} as const;

export type AnalyticsReportName = keyof typeof analyticsReports;
