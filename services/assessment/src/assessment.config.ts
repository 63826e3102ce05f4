import { platformConfigFromEnv, type PlatformConfig } from '@talentloop/service-kit';
import type { PriorityWeighting } from '@talentloop/assessment-domain';
import { weightingsFromEnv } from './shared/priority-settings';

/** The same as `service.defaultPort` in app.module.ts (a test keeps them equal). */
export const ASSESSMENT_DEFAULT_PORT = 3001;

/**
 * Everything the assessment service reads from its environment at start: the platform's settings
 * (HTTP, event store, bus, relay checkpoint, logging, tracing) and its own.
 */
export interface AssessmentConfig extends PlatformConfig {
  /** ASSESSMENT_PRIORITY_WEIGHTING by tenant; unlisted tenants get the default. */
  readonly priorityWeightings: ReadonlyMap<string, PriorityWeighting>;
}

/**
 * Reads and validates every setting of the assessment service, as the service reads them at
 * start: the first bad or missing value throws a ConfigError naming the variable.
 */
export const assessmentConfigFromEnv = (env: NodeJS.ProcessEnv): AssessmentConfig => ({
  ...platformConfigFromEnv({ name: 'assessment', defaultPort: ASSESSMENT_DEFAULT_PORT }, env),
  priorityWeightings: weightingsFromEnv(env),
});
