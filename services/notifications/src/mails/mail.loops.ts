import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ERASED } from '@talentloop/contracts';
import type { EventStore } from '@talentloop/event-store';
import { createMailTransport } from '@talentloop/mail';
import {
  defaultReminderSettings,
  unsubscribeToken,
  type MailPerson,
  type ReminderSettings,
} from '@talentloop/notifications-domain';
import { ProtectedEventStore, sealedStoreOf, type PersonalDataCipher } from '@talentloop/privacy';
import type { ReadModelStore } from '@talentloop/read-models';
import {
  CLOCK,
  EVENT_STORE,
  READ_MODEL_STORE,
  SUPERVISOR,
  type Clock,
  type Supervisor,
} from '@talentloop/service-kit';
import { randomBytes } from 'node:crypto';
import {
  NOTIFICATIONS_SETTINGS,
  retryScheduleOf,
  type NotificationsSettings,
} from '../notifications.settings';
import {
  MAIL_GOALS,
  MAIL_PEOPLE,
  MAIL_TENANTS,
  MAILS,
  mailGoalIndexes,
  mailIndexes,
} from './mail.documents';
import { startMailPlanner } from './mail-planner';
import { startMailWorker, type OpenedPerson } from './mail-worker';

/** Where the unsubscribe links' key is kept when the operator set none. */
export const UNSUBSCRIBE_SECRET_STATE = 'notifications.unsubscribe-secret';

/**
 * The two loops of the mails to people, under the service's supervisor: the planner makes
 * mails from the event store and the clock, the worker sends them. Both are safe on several
 * instances at once (mails have derived ids; sending is claimed).
 */
@Injectable()
export class MailLoops implements OnApplicationBootstrap {
  private wakeWorker: () => void = () => {};
  private secret: string | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(SUPERVISOR) private readonly supervisor: Supervisor,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { mail } = this.settings;
    await this.readModels.ensureCollection(MAILS, mailIndexes);
    await this.readModels.ensureCollection(MAIL_GOALS, mailGoalIndexes);
    await this.readModels.ensureCollection(MAIL_PEOPLE, []);
    await this.readModels.ensureCollection(MAIL_TENANTS, []);
    const secret = await this.unsubscribeSecret();
    const now = () => this.clock.now();
    const reminders: ReminderSettings = {
      ...defaultReminderSettings,
      dueLeadMs: mail.checkInLeadMs,
      overdueAfterMs: mail.overdueAfterMs,
    };
    this.supervisor.supervise('notifications.mail-planner', () =>
      startMailPlanner({
        store: sealedStoreOf(this.store),
        readModels: this.readModels,
        pageSize: this.settings.schedulerPageSize,
        pollMs: this.settings.pollMs,
        reminderEveryMs: mail.reminderEveryMs,
        reminders,
        digestHourUtc: mail.digestHourUtc,
        now,
        onPlanned: () => this.wakeWorker(),
      }),
    );
    this.supervisor.supervise('notifications.mail-worker', () => {
      // Its own transport: closed once the worker has finished the mails in hand (a stop).
      const transport = createMailTransport({
        smtpUrl: mail.smtpUrl,
        mailboxDir: mail.mailboxDir,
        maxConnections: Math.min(mail.concurrency, 8),
        // An attempt ends within its claim (MAIL_CLAIM_MARGIN_MS on top).
        timeoutMs: this.settings.deliveryTimeoutMs,
      });
      const worker = startMailWorker({
        readModels: this.readModels,
        store: this.store,
        transport,
        open: (person) => this.openPerson(person),
        openFeedback: (tenantId, employeeId, sealed) =>
          this.openFeedback(tenantId, employeeId, sealed),
        unsubscribeUrl: (tenantId, employeeId) =>
          `${mail.publicUrl}/unsubscribe?token=${unsubscribeToken(secret, { tenantId, employeeId })}`,
        appUrl: mail.appUrl,
        from: mail.from,
        concurrency: mail.concurrency,
        attemptTimeoutMs: this.settings.deliveryTimeoutMs,
        schedule: retryScheduleOf(this.settings),
        pollMs: this.settings.pollMs,
        now,
      });
      const close = () => transport.close();
      worker.finished.then(close, close);
      this.wakeWorker = () => worker.wake();
      return worker;
    });
  }

  /** The key of the unsubscribe links: the operator's, or one drawn once and kept. */
  async unsubscribeSecret(): Promise<string> {
    if (this.secret !== undefined) return this.secret;
    const configured = this.settings.mail.unsubscribeSecret;
    if (configured !== undefined) return (this.secret = configured);
    const stored = await this.readModels.getState(UNSUBSCRIBE_SECRET_STATE);
    if (stored === undefined)
      await this.readModels.setState(
        UNSUBSCRIBE_SECRET_STATE,
        randomBytes(32).toString('base64url'),
      );
    // Read back: of two instances starting together, both use the one that was kept.
    return (this.secret = (await this.readModels.getState(UNSUBSCRIBE_SECRET_STATE))!);
  }

  /** The key of the unsubscribe links, once the service has started. */
  secretNow(): string {
    if (this.secret === undefined) throw new Error('the mail loops have not started yet');
    return this.secret;
  }

  private get cipher(): PersonalDataCipher | undefined {
    return this.store instanceof ProtectedEventStore ? this.store.cipher : undefined;
  }

  private async openPerson(person: MailPerson): Promise<OpenedPerson | undefined> {
    if (person.displayName === null || person.email === null) return undefined;
    const sealed = { displayName: person.displayName, email: person.email };
    const opened =
      this.cipher === undefined
        ? sealed
        : await this.cipher.openFields(
            { tenantId: person.tenantId, subjectId: person.employeeId },
            sealed,
            ([field]) => ({ type: 'EmployeeSynced', field }),
          );
    return opened.email === ERASED || opened.displayName === ERASED ? undefined : opened;
  }

  private async openFeedback(
    tenantId: string,
    employeeId: string,
    sealed: string,
  ): Promise<string | undefined> {
    const opened =
      this.cipher === undefined
        ? sealed
        : await this.cipher.openFields({ tenantId, subjectId: employeeId }, sealed, () => ({
            type: 'GoalRejected',
            field: 'feedback',
          }));
    return opened === ERASED ? undefined : opened;
  }

  /** A mail was made outside the planner: send it now rather than at the next poll. */
  wake(): void {
    this.wakeWorker();
  }
}
