import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EventStore } from '@talentloop/event-store';
import { ProtectedEventStore, sealedStoreOf } from '@talentloop/privacy';
import type { ReadModelStore } from '@talentloop/read-models';
import {
  CLOCK,
  EVENT_STORE,
  READ_MODEL_STORE,
  SUPERVISOR,
  type Clock,
  type Supervisor,
} from '@talentloop/service-kit';
import { WebhookSender } from '@talentloop/webhooks';
import {
  NOTIFICATIONS_SETTINGS,
  retryScheduleOf,
  type NotificationsSettings,
} from '../notifications.settings';
import { disableSubscription } from '../webhook-subscriptions/webhook-subscription.commands';
import { WebhookSubscriptionsDirectory } from '../webhook-subscriptions/webhook-subscriptions.directory';
import { DELIVERIES, DELIVERY_BODIES, deliveryIndexes } from './delivery.document';
import { startDeliveryScheduler } from './delivery-scheduler';
import { startDeliveryWorker } from './delivery-worker';
import { openedBody } from './opened-body';

/**
 * The two loops of webhook delivery, under the service's supervisor: the scheduler makes
 * deliveries from the event store, the worker attempts them. Both are safe to run on several
 * instances at once (deliveries have derived ids; attempts are claimed), so neither needs a lease.
 */
@Injectable()
export class WebhookDeliveryLoops implements OnApplicationBootstrap {
  private wakeWorker: () => void = () => {};

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(SUPERVISOR) private readonly supervisor: Supervisor,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
    private readonly subscriptions: WebhookSubscriptionsDirectory,
    private readonly commands: CommandBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.readModels.ensureCollection(DELIVERIES, deliveryIndexes);
    await this.readModels.ensureCollection(DELIVERY_BODIES, []);
    const now = () => this.clock.now();
    this.supervisor.supervise('notifications.webhook-scheduler', () =>
      startDeliveryScheduler({
        store: sealedStoreOf(this.store),
        readModels: this.readModels,
        pageSize: this.settings.schedulerPageSize,
        pollMs: this.settings.pollMs,
        now,
        onScheduled: () => this.wakeWorker(),
      }),
    );
    this.supervisor.supervise('notifications.webhook-worker', () => {
      // Its own sender: closed once the worker has finished the attempts in hand (a stop).
      const sender = new WebhookSender({
        allowlist: this.settings.webhookAllowlist,
        timeoutMs: this.settings.deliveryTimeoutMs,
      });
      const worker = startDeliveryWorker({
        readModels: this.readModels,
        store: this.store,
        sender,
        subscription: (tenantId, subscriptionId) =>
          this.subscriptions.find(tenantId, subscriptionId),
        open: (body) => this.open(body),
        disable: (tenantId, subscriptionId, at) =>
          disableSubscription(this.commands, tenantId, subscriptionId, at),
        concurrency: this.settings.deliveryConcurrency,
        attemptTimeoutMs: this.settings.deliveryTimeoutMs,
        schedule: retryScheduleOf(this.settings),
        pollMs: this.settings.pollMs,
        now,
      });
      const close = () => sender.close();
      worker.finished.then(close, close);
      this.wakeWorker = () => worker.wake();
      return worker;
    });
  }

  /** Opens a body's personal fields with the keys the event store seals them with. */
  private open(body: string): Promise<string> {
    return this.store instanceof ProtectedEventStore
      ? openedBody(this.store.cipher, body)
      : Promise.resolve(body);
  }

  /** A redelivery was asked for: attempt it now rather than at the next poll. */
  wake(): void {
    this.wakeWorker();
  }
}
