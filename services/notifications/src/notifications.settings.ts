import { ConfigError, integerIn } from '@talentloop/config';
import { parseAllowlist, type WebhookAllowlist } from '@talentloop/notifications-domain';

export const NOTIFICATIONS_SETTINGS = Symbol('NOTIFICATIONS_SETTINGS');

export interface NotificationsSettings {
  /**
   * Hosts, addresses and ranges a webhook may reach although they are not public (loopback,
   * private, link-local…): none by default, so a subscription cannot make the service call
   * into its own network (SSRF). Tests and on-premise receivers name theirs here.
   */
  readonly webhookAllowlist: WebhookAllowlist;
  /** Deliveries attempted at the same time, over all subscriptions. */
  readonly deliveryConcurrency: number;
  /** The longest an attempt may take, connection and answer together. */
  readonly deliveryTimeoutMs: number;
  /** Events read per page when deliveries are made from the event store. */
  readonly schedulerPageSize: number;
  /** How often the event store and the due deliveries are looked at when nothing woke them. */
  readonly pollMs: number;
  /** The first retry's wait (doubling after each failure, up to an hour). */
  readonly retryBaseMs: number;
  /** How long a delivery is retried before it is dead-lettered (24 hours). */
  readonly retryGiveUpMs: number;
}

/**
 * NOTIFICATIONS_WEBHOOK_ALLOWLIST (comma-separated hosts, IPs, CIDR ranges; none),
 * NOTIFICATIONS_DELIVERY_CONCURRENCY (32), NOTIFICATIONS_DELIVERY_TIMEOUT_MS (10000),
 * NOTIFICATIONS_SCHEDULER_PAGE_SIZE (1000), NOTIFICATIONS_POLL_MS (100),
 * NOTIFICATIONS_RETRY_BASE_MS (5000), NOTIFICATIONS_RETRY_GIVE_UP_MS (86400000: at least a day).
 */
export const notificationsSettingsFromEnv = (env: NodeJS.ProcessEnv): NotificationsSettings => {
  let webhookAllowlist: WebhookAllowlist;
  try {
    webhookAllowlist = parseAllowlist(env.NOTIFICATIONS_WEBHOOK_ALLOWLIST);
  } catch (error) {
    throw new ConfigError(
      'NOTIFICATIONS_WEBHOOK_ALLOWLIST',
      `must be a comma-separated list of host names, IP addresses and CIDR ranges: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    webhookAllowlist,
    deliveryConcurrency: integerIn(
      env,
      'NOTIFICATIONS_DELIVERY_CONCURRENCY',
      { min: 1, max: 1024 },
      32,
    ),
    deliveryTimeoutMs: integerIn(
      env,
      'NOTIFICATIONS_DELIVERY_TIMEOUT_MS',
      { min: 100, max: 60_000 },
      10_000,
    ),
    schedulerPageSize: integerIn(
      env,
      'NOTIFICATIONS_SCHEDULER_PAGE_SIZE',
      { min: 10, max: 10_000 },
      1000,
    ),
    pollMs: integerIn(env, 'NOTIFICATIONS_POLL_MS', { min: 10, max: 60_000 }, 100),
    retryBaseMs: integerIn(env, 'NOTIFICATIONS_RETRY_BASE_MS', { min: 10, max: 3_600_000 }, 5_000),
    retryGiveUpMs: integerIn(
      env,
      'NOTIFICATIONS_RETRY_GIVE_UP_MS',
      { min: 1_000, max: 30 * 86_400_000 },
      86_400_000,
    ),
  };
};
