import { platformConfigFromEnv, type PlatformConfig } from '@talentloop/service-kit';
import { analyticsSettingsFromEnv, type AnalyticsSettings } from './analytics.settings';

/** The same as `service.defaultPort` in app.module.ts (a test keeps them equal). */
export const ANALYTICS_DEFAULT_PORT = 3004;

/**
 * Everything the analytics service reads from its environment at start: the platform's settings
 * (HTTP, event store, bus, read models, relay checkpoint, logging, tracing) and its own.
 * Analytics publishes no events, so it starts no relay.
 */
export interface AnalyticsConfig extends PlatformConfig {
  readonly settings: AnalyticsSettings;
}

/**
 * Reads and validates every setting of the analytics service, as the service reads them at
 * start: the first bad or missing value throws a ConfigError naming the variable.
 */
export const analyticsConfigFromEnv = (env: NodeJS.ProcessEnv): AnalyticsConfig => ({
  ...platformConfigFromEnv({ name: 'analytics', defaultPort: ANALYTICS_DEFAULT_PORT }, env),
  settings: analyticsSettingsFromEnv(env),
});
