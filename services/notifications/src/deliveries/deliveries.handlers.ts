import { Inject, NotFoundException } from '@nestjs/common';
import {
  Command,
  CommandHandler,
  IQueryHandler,
  Query,
  QueryHandler,
  type ICommandHandler,
} from '@nestjs/cqrs';
import { text } from '@talentloop/i18n';
import type { ReadModelStore } from '@talentloop/read-models';
import { CLOCK, problem, READ_MODEL_STORE, type Actor, type Clock } from '@talentloop/service-kit';
import { liveSubscription } from '../webhook-subscriptions/webhook-subscriptions.queries';
import { WebhookSubscriptionsDirectory } from '../webhook-subscriptions/webhook-subscriptions.directory';
import { DELIVERIES, type DeliveryDocument, type DeliveryState } from './delivery.document';
import { WebhookDeliveryLoops } from './webhook-deliveries.loops';

/** A delivery as the log shows it: what was sent, where it stands, its attempts. */
export const deliveryView = (id: string, doc: DeliveryDocument) => ({
  deliveryId: id,
  eventId: doc.eventId,
  eventType: doc.eventType,
  subject: doc.subject,
  sequence: doc.position,
  state: doc.state,
  attempts: doc.attempts,
  nextAttemptAt: doc.state === 'pending' ? doc.nextAttemptAt : null,
  deliveredAt: doc.deliveredAt,
  deadAt: doc.deadAt,
  log: doc.log,
});

export type DeliveryView = ReturnType<typeof deliveryView>;

export class WebhookDeliveriesQuery extends Query<{
  readonly deliveries: readonly DeliveryView[];
}> {
  constructor(
    readonly actor: Actor,
    readonly subscriptionId: string,
    readonly state: DeliveryState | undefined,
    readonly limit: number,
  ) {
    super();
  }
}

/** A subscription's deliveries, newest first (404 once it is deleted). */
@QueryHandler(WebhookDeliveriesQuery)
export class WebhookDeliveriesHandler implements IQueryHandler<WebhookDeliveriesQuery> {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly directory: WebhookSubscriptionsDirectory,
  ) {}

  async execute({ actor, subscriptionId, state, limit }: WebhookDeliveriesQuery) {
    liveSubscription(await this.directory.find(actor.tenantId, subscriptionId));
    const found = await this.readModels.findStored<DeliveryDocument>(DELIVERIES, {
      where: {
        tenantId: actor.tenantId,
        subscriptionId,
        ...(state === undefined ? {} : { state }),
      },
      sort: { position: -1 },
      limit,
    });
    return { deliveries: found.map(({ id, doc }) => deliveryView(id, doc)) };
  }
}

const DELIVERY_ID = /^msg_[0-9a-f]{32}$/;

export class RedeliverWebhookCommand extends Command<DeliveryView> {
  constructor(
    readonly actor: Actor,
    readonly subscriptionId: string,
    readonly deliveryId: string,
  ) {
    super();
  }
}

/**
 * Makes a delivery pending again, due now, with a fresh retry window: a dead letter, or one
 * already delivered that the platform lost. Guarded by the delivery's version, so an attempt
 * ending meanwhile is read again rather than overwritten.
 */
@CommandHandler(RedeliverWebhookCommand)
export class RedeliverWebhookHandler implements ICommandHandler<RedeliverWebhookCommand> {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: WebhookSubscriptionsDirectory,
    private readonly loops: WebhookDeliveryLoops,
  ) {}

  async execute({ actor, subscriptionId, deliveryId }: RedeliverWebhookCommand) {
    liveSubscription(await this.directory.find(actor.tenantId, subscriptionId));
    const notFound = () =>
      new NotFoundException(
        problem(404, 'NOT_FOUND', text('notifications.deliveryNotFound', { deliveryId })),
      );
    if (!DELIVERY_ID.test(deliveryId)) throw notFound();
    for (;;) {
      const stored = (await this.readModels.load<DeliveryDocument>(DELIVERIES, [deliveryId])).get(
        deliveryId,
      );
      if (stored?.doc.tenantId !== actor.tenantId || stored.doc.subscriptionId !== subscriptionId)
        throw notFound();
      const doc: DeliveryDocument = {
        ...stored.doc,
        state: 'pending',
        attempts: 0,
        firstAttemptAt: null,
        nextAttemptAt: this.clock.now().toISOString(),
        deliveredAt: null,
        deadAt: null,
      };
      const { conflicts } = await this.readModels.write(DELIVERIES, [
        { id: deliveryId, doc, sources: stored.sources, expectedVersion: stored.version },
      ]);
      if (conflicts.length > 0) continue;
      this.loops.wake();
      return deliveryView(deliveryId, doc);
    }
  }
}
