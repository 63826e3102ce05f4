// The HR analytics pages: one per report of the analytics service (goals achieved is part of
// the growth report's answer, with a page of its own).

export const ANALYTICS_HOME = '/hr/analytics';

export const reportIds = [
  'activePlans',
  'developmentFocus',
  'gapMap',
  'approvalFlow',
  'checkInAdherence',
  'growth',
  'goalsAchieved',
] as const;
export type ReportId = (typeof reportIds)[number];

export interface ReportInfo {
  readonly id: ReportId;
  /** The page's path in the console. */
  readonly path: string;
  /** The analytics service's endpoint that answers it. */
  readonly endpoint: string;
  /** The CSV files' base name. */
  readonly slug: string;
}

const info = (id: ReportId, slug: string, endpoint = `/analytics/${slug}`): ReportInfo => ({
  id,
  path: `${ANALYTICS_HOME}/${slug}`,
  endpoint,
  slug,
});

export const reports: Readonly<Record<ReportId, ReportInfo>> = {
  activePlans: info('activePlans', 'active-plans'),
  developmentFocus: info('developmentFocus', 'development-focus'),
  gapMap: info('gapMap', 'gap-map'),
  approvalFlow: info('approvalFlow', 'approval-flow'),
  checkInAdherence: info('checkInAdherence', 'check-in-adherence'),
  growth: info('growth', 'growth'),
  goalsAchieved: info('goalsAchieved', 'goals-achieved', '/analytics/growth'),
};
