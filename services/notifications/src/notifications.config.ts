import { platformConfigFromEnv, type PlatformConfig } from '@talentloop/service-kit';
import { notificationsSettingsFromEnv, type NotificationsSettings } from './notifications.settings';

/** The same as `service.defaultPort` in app.module.ts (a test keeps them equal). */
export const NOTIFICATIONS_DEFAULT_PORT = 3005;

/**
 * Everything the notifications service reads from its environment at start: the platform's
 * settings and its own. Its relay publishes its delivery events (MailSent, …) on the bus.
 */
export interface NotificationsConfig extends PlatformConfig {
  readonly settings: NotificationsSettings;
}

export const notificationsConfigFromEnv = (env: NodeJS.ProcessEnv): NotificationsConfig => ({
  ...platformConfigFromEnv({ name: 'notifications', defaultPort: NOTIFICATIONS_DEFAULT_PORT }, env),
  settings: notificationsSettingsFromEnv(env),
});
