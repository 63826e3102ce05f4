import type { EmployeeFacts } from '../employee-facts';
import { activePlansReport } from './active-plans.query';
import { approvalFlowReport } from './approval-flow.query';
import { checkInAdherenceReport } from './check-in-adherence.query';
import { developmentFocusReport } from './development-focus.query';
import { gapMapReport } from './gap-map.query';
import { growthReport } from './growth.query';
import { parsePeriod } from './period';
import type { AnalyticsFilters } from './request';

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

/**
 * The kinds of filter the analytics service runs every report with once at start, so that the
 * reports' per-employee working data (parsed times, numbered ids, per-filter lists) is made
 * before a user asks: none; a department and role (the counts of no filter serve it); a
 * competency in this year. `sample`: any employee of the tenant, for ids that exist.
 */
export const warmUpFilters = (
  sample: EmployeeFacts | undefined,
  now: string,
): readonly AnalyticsFilters[] => [
  {},
  { departmentId: sample?.departmentId ?? undefined, roleId: sample?.roleId ?? undefined },
  {
    competencyId: Object.keys(sample?.measurements ?? {})[0] ?? 'none',
    period: parsePeriod(now.slice(0, 4)),
  },
];

/**
 * The warm-up as steps: every report, organisation-wide, under each kind of warmUpFilters, in
 * that order. `factsOf` is asked at each step, so a step sees the facts as they are when it runs.
 */
export const warmUpSteps = (
  factsOf: () => readonly EmployeeFacts[],
  now: string,
  threshold: number,
): (() => void)[] => {
  const filterKinds = warmUpFilters(factsOf()[0], now);
  return Object.values(analyticsReports).flatMap((report) =>
    filterKinds.map((filters) => () => {
      report(factsOf(), { scope: { kind: 'organisation' }, filters, now, threshold });
    }),
  );
};
