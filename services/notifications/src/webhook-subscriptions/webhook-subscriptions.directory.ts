import { Inject, Injectable } from '@nestjs/common';
import { streamName } from '@talentloop/contracts';
import { fold } from '@talentloop/domain-kernel';
import { readRareTypes, type EventStore, type RecordedEvent } from '@talentloop/event-store';
import {
  webhookSubscriptionEventTypes,
  webhookSubscriptionDecider,
  type WebhookSubscriptionEvent,
  type WebhookSubscriptionState,
} from '@talentloop/notifications-domain';
import { EVENT_STORE } from '@talentloop/service-kit';

/** The stream of one subscription. */
export const subscriptionStream = (tenantId: string, subscriptionId: string): string =>
  streamName({
    context: 'notifications',
    aggregate: 'webhookSubscription',
    tenantId,
    id: subscriptionId,
  });

const PAGE = 1000;

const asSubscriptionEvents = (events: readonly RecordedEvent[]) =>
  events as unknown as readonly WebhookSubscriptionEvent[];

/**
 * A tenant's subscriptions as their streams say now, read from the event store on each call:
 * an answer right after a change includes it, and subscriptions are few (tens per tenant) with
 * few events each. Secrets are opened (the store opens personal fields): callers decide what
 * leaves the service.
 */
@Injectable()
export class WebhookSubscriptionsDirectory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** One subscription; undefined when its stream is empty (never made in this tenant). */
  async find(
    tenantId: string,
    subscriptionId: string,
  ): Promise<WebhookSubscriptionState | undefined> {
    const events = await this.store.readStream(subscriptionStream(tenantId, subscriptionId));
    if (events.length === 0) return undefined;
    return fold(webhookSubscriptionDecider, asSubscriptionEvents(events));
  }

  /** Every subscription of the tenant that was not deleted, oldest first. */
  async list(tenantId: string): Promise<WebhookSubscriptionState[]> {
    const types = [...webhookSubscriptionEventTypes];
    const byStream = new Map<string, WebhookSubscriptionState>();
    const events = await readRareTypes(this.store, types, { tenantId, pageSize: PAGE });
    for (const event of asSubscriptionEvents(events)) {
      const stream = (event as unknown as RecordedEvent).streamName;
      byStream.set(
        stream,
        webhookSubscriptionDecider.evolve(
          byStream.get(stream) ?? webhookSubscriptionDecider.initialState(),
          event,
        ),
      );
    }
    return [...byStream.values()].filter(
      (state) => state.status !== 'deleted' && state.status !== 'none',
    );
  }
}
