import { platformConfigFromEnv, type PlatformConfig } from '@talentloop/service-kit';
import { approvalSettingsFromEnv, type ApprovalSettings } from './approval.settings';

/** The same as `service.defaultPort` in app.module.ts (a test keeps them equal). */
export const APPROVAL_DEFAULT_PORT = 3003;

/**
 * Everything the approval service reads from its environment at start: the platform's settings
 * (HTTP, event store, bus, relay checkpoint, logging, tracing) and its own.
 */
export interface ApprovalConfig extends PlatformConfig {
  readonly settings: ApprovalSettings;
}

/**
 * Reads and validates every setting of the approval service, as the service reads them at
 * start: the first bad or missing value throws a ConfigError naming the variable.
 */
export const approvalConfigFromEnv = (env: NodeJS.ProcessEnv): ApprovalConfig => ({
  ...platformConfigFromEnv({ name: 'approval', defaultPort: APPROVAL_DEFAULT_PORT }, env),
  settings: approvalSettingsFromEnv(env),
});
