import { ConfigError, integerIn, stringOr } from '@talentloop/config';
import { DEFAULT_SQLITE_PATH } from '@talentloop/event-store';
import { dirname, join } from 'node:path';
import {
  defaultRetrySchedule,
  parseAllowlist,
  type RetrySchedule,
  type WebhookAllowlist,
} from '@talentloop/notifications-domain';

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
  readonly mail: MailSettings;
}

export interface MailSettings {
  /** The SMTP server (smtp:// or smtps://, credentials in the URL); unset: the mailbox folder. */
  readonly smtpUrl: string | undefined;
  /** Where the embedded default writes each mail as an .eml file: the data folder's mailbox. */
  readonly mailboxDir: string;
  readonly from: { readonly name: string; readonly address: string };
  /** The product's address people open from a mail (goals, approvals). */
  readonly appUrl: string;
  /** This service's public address: the one-click unsubscribe links point here. */
  readonly publicUrl: string;
  /** Signs the unsubscribe links; unset: one is drawn at first start and kept in the read store. */
  readonly unsubscribeSecret: string | undefined;
  /** The hour (UTC) daily digests go out. */
  readonly digestHourUtc: number;
  /** Mails sent at the same time. */
  readonly concurrency: number;
  /** How long before a check-in is due its reminder goes out. */
  readonly checkInLeadMs: number;
  /** How long after a missed due time the overdue reminder goes out. */
  readonly overdueAfterMs: number;
  /** How often the schedules are looked at for reminders whose time came. */
  readonly reminderEveryMs: number;
}

const ADDRESS = /^(?:"?([^"<]*)"?\s*)?<([^<>\s@]+@[^<>\s@]+)>$|^([^<>\s@]+@[^<>\s@]+)$/;

const mailSettingsFromEnv = (env: NodeJS.ProcessEnv): MailSettings => {
  const smtpUrl = env.SMTP_URL === undefined || env.SMTP_URL === '' ? undefined : env.SMTP_URL;
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl))
    throw new ConfigError('SMTP_URL', 'must be an smtp:// or smtps:// URL');
  const fromText = stringOr(env, 'MAIL_FROM', 'Talentloop <notifications@talentloop.localhost>');
  const from = ADDRESS.exec(fromText.trim());
  if (from === null)
    throw new ConfigError('MAIL_FROM', 'must be an address, or a name and <address>');
  const url = (variable: string, fallback: string) => {
    const value = stringOr(env, variable, fallback).replace(/\/+$/, '');
    if (!/^https?:\/\/[^\s]+$/.test(value))
      throw new ConfigError(variable, 'must be an http:// or https:// URL');
    return value;
  };
  const secret = env.NOTIFICATIONS_UNSUBSCRIBE_SECRET;
  if (secret !== undefined && secret !== '' && secret.length < 32)
    throw new ConfigError('NOTIFICATIONS_UNSUBSCRIBE_SECRET', 'must be at least 32 characters');
  return {
    smtpUrl,
    // The data folder's mailbox unless named: the store's folder is only read when it is not.
    mailboxDir:
      env.NOTIFICATIONS_MAILBOX_DIR?.trim() ||
      join(dirname(stringOr(env, 'EVENT_STORE_SQLITE_PATH', DEFAULT_SQLITE_PATH)), 'mailbox'),
    from: {
      name: (from[1] ?? '').trim() || 'Talentloop',
      address: from[2] ?? from[3],
    },
    appUrl: url('NOTIFICATIONS_APP_URL', 'http://localhost:3000'),
    publicUrl: url('NOTIFICATIONS_PUBLIC_URL', 'http://localhost:3005'),
    unsubscribeSecret: secret === '' ? undefined : secret,
    digestHourUtc: integerIn(env, 'NOTIFICATIONS_DIGEST_HOUR_UTC', { min: 0, max: 23 }, 7),
    concurrency: integerIn(env, 'NOTIFICATIONS_MAIL_CONCURRENCY', { min: 1, max: 256 }, 8),
    checkInLeadMs: integerIn(
      env,
      'NOTIFICATIONS_CHECK_IN_LEAD_MS',
      { min: 0, max: 7 * 86_400_000 },
      86_400_000,
    ),
    overdueAfterMs: integerIn(
      env,
      'NOTIFICATIONS_OVERDUE_AFTER_MS',
      { min: 0, max: 14 * 86_400_000 },
      2 * 86_400_000,
    ),
    reminderEveryMs: integerIn(
      env,
      'NOTIFICATIONS_REMINDER_EVERY_MS',
      { min: 10, max: 3_600_000 },
      10_000,
    ),
  };
};

/**
 * NOTIFICATIONS_WEBHOOK_ALLOWLIST (comma-separated hosts, IPs, CIDR ranges; none),
 * NOTIFICATIONS_DELIVERY_CONCURRENCY (32), NOTIFICATIONS_DELIVERY_TIMEOUT_MS (10000),
 * NOTIFICATIONS_SCHEDULER_PAGE_SIZE (1000), NOTIFICATIONS_POLL_MS (100),
 * NOTIFICATIONS_RETRY_BASE_MS (5000), NOTIFICATIONS_RETRY_GIVE_UP_MS (86400000: at least a day);
 * mails: SMTP_URL (unset: the mailbox folder), NOTIFICATIONS_MAILBOX_DIR (<data folder>/mailbox),
 * MAIL_FROM, NOTIFICATIONS_APP_URL, NOTIFICATIONS_PUBLIC_URL, NOTIFICATIONS_UNSUBSCRIBE_SECRET,
 * NOTIFICATIONS_DIGEST_HOUR_UTC (7), NOTIFICATIONS_MAIL_CONCURRENCY (8),
 * NOTIFICATIONS_CHECK_IN_LEAD_MS (a day), NOTIFICATIONS_OVERDUE_AFTER_MS (two days),
 * NOTIFICATIONS_REMINDER_EVERY_MS (10000).
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
    mail: mailSettingsFromEnv(env),
  };
};

/** The retries of webhook deliveries and of mails: the default schedule with the operator's wait and window. */
export const retryScheduleOf = (settings: NotificationsSettings): RetrySchedule => ({
  ...defaultRetrySchedule,
  baseDelayMs: settings.retryBaseMs,
  giveUpAfterMs: settings.retryGiveUpMs,
});
