import { integerIn } from '@talentloop/config';
import { MIN_PRIVACY_THRESHOLD } from '@talentloop/analytics-domain';

export const ANALYTICS_SETTINGS = Symbol('ANALYTICS_SETTINGS');

export interface AnalyticsSettings {
  /** Figures describing fewer people are withheld; configurable upward only. */
  readonly privacyThreshold: number;
  /** Events per page when the projections catch up with the event store. */
  readonly projectionPageSize: number;
  /** Employees' facts per read when the view loads them at start. */
  readonly loadPageSize: number;
  /** How often the end of the event store is polled once caught up. */
  readonly projectionPollMs: number;
}

/**
 * ANALYTICS_PRIVACY_THRESHOLD (5; 5–1000: a lower value is refused at start),
 * ANALYTICS_PROJECTION_PAGE_SIZE (5000), ANALYTICS_PROJECTION_POLL_MS (100),
 * ANALYTICS_LOAD_PAGE_SIZE (500; 1–10000).
 */
export const analyticsSettingsFromEnv = (env: NodeJS.ProcessEnv): AnalyticsSettings => ({
  privacyThreshold: integerIn(
    env,
    'ANALYTICS_PRIVACY_THRESHOLD',
    { min: MIN_PRIVACY_THRESHOLD, max: 1000 },
    MIN_PRIVACY_THRESHOLD,
  ),
  projectionPageSize: integerIn(
    env,
    'ANALYTICS_PROJECTION_PAGE_SIZE',
    { min: 100, max: 100_000 },
    5000,
  ),
  projectionPollMs: integerIn(env, 'ANALYTICS_PROJECTION_POLL_MS', { min: 10, max: 60_000 }, 100),
  loadPageSize: integerIn(env, 'ANALYTICS_LOAD_PAGE_SIZE', { min: 1, max: 10_000 }, 500),
});
