import { integerIn } from '@talentloop/config';

export interface ApprovalSettings {
  /** Days a request may wait for a decision before it is marked overdue. */
  readonly overdueAfterDays: number;
  /** How often the service looks for overdue requests by itself; 0 leaves it to the endpoint. */
  readonly overdueCheckIntervalSeconds: number;
}

/**
 * APPROVAL_OVERDUE_AFTER_DAYS (1–365, default 5: a working week) and
 * APPROVAL_OVERDUE_CHECK_INTERVAL_SECONDS (0–86400, default 3600).
 */
export const approvalSettingsFromEnv = (env: NodeJS.ProcessEnv): ApprovalSettings => ({
  overdueAfterDays: integerIn(env, 'APPROVAL_OVERDUE_AFTER_DAYS', { min: 1, max: 365 }, 5),
  overdueCheckIntervalSeconds: integerIn(
    env,
    'APPROVAL_OVERDUE_CHECK_INTERVAL_SECONDS',
    { min: 0, max: 86_400 },
    3600,
  ),
});

export const APPROVAL_SETTINGS = Symbol('APPROVAL_SETTINGS');
