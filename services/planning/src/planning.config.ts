import { platformConfigFromEnv, type PlatformConfig } from '@talentloop/service-kit';
import { planningSettingsFromEnv, type PlanningSettings } from './planning.settings';

/** The same as `service.defaultPort` in app.module.ts (a test keeps them equal). */
export const PLANNING_DEFAULT_PORT = 3002;

/**
 * Everything the planning service reads from its environment at start: the platform's settings
 * (HTTP, event store, bus, relay checkpoint, logging, tracing) and its own.
 */
export interface PlanningConfig extends PlatformConfig {
  readonly settings: PlanningSettings;
}

/**
 * Reads and validates every setting of the planning service, as the service reads them at
 * start: the first bad or missing value throws a ConfigError naming the variable.
 */
export const planningConfigFromEnv = (env: NodeJS.ProcessEnv): PlanningConfig => ({
  ...platformConfigFromEnv({ name: 'planning', defaultPort: PLANNING_DEFAULT_PORT }, env),
  settings: planningSettingsFromEnv(env),
});
