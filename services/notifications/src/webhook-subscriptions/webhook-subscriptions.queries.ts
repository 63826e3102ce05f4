import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { text } from '@talentloop/i18n';
import {
  WebhookSubscriptionNotFound,
  type WebhookSubscriptionEvent,
  type WebhookSubscriptionState,
} from '@talentloop/notifications-domain';
import type { Actor } from '@talentloop/service-kit';
import { WebhookSubscriptionsDirectory } from './webhook-subscriptions.directory';

type LiveSubscription = Extract<WebhookSubscriptionState, { status: 'active' | 'disabled' }>;

/** A subscription as the API shows it: never its secrets, only when each one signs. */
export interface WebhookSubscriptionView {
  readonly subscriptionId: string;
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly description: string | null;
  readonly status: 'active' | 'disabled';
  readonly disabledReason?: string;
  /** How deliveries carry personal fields: sealed, or opened (an admin's grant). */
  readonly personalData: 'sealed' | 'opened';
  readonly secrets: readonly { readonly activeFrom: string; readonly retiredAt: string | null }[];
}

/** The subscription a state is, or its 404 (never made, or deleted). */
export const liveSubscription = (state: WebhookSubscriptionState | undefined): LiveSubscription => {
  if (state === undefined || state.status === 'none' || state.status === 'deleted')
    throw new WebhookSubscriptionNotFound(text('notifications.subscriptionNotFound'));
  return state;
};

export const subscriptionView = (
  state: WebhookSubscriptionState | undefined,
): WebhookSubscriptionView => {
  const live = liveSubscription(state);
  return {
    subscriptionId: live.subscriptionId,
    url: live.url,
    eventTypes: live.eventTypes,
    description: live.description,
    status: live.status,
    ...(live.status === 'disabled' ? { disabledReason: live.disabledReason } : {}),
    personalData: live.personalData,
    secrets: live.secrets.map(({ activeFrom, retiredAt }) => ({ activeFrom, retiredAt })),
  };
};

/** The view, with the secret a creation or rotation drew: the one time it is shown. */
export const withNewSecret = (
  state: WebhookSubscriptionState,
  events: readonly WebhookSubscriptionEvent[],
): WebhookSubscriptionView & { readonly secret: string | undefined } => {
  let secret: string | undefined;
  for (const event of events)
    if (event.type === 'WebhookSubscriptionCreated' || event.type === 'WebhookSecretRotated')
      secret = event.data.secret;
  return { ...subscriptionView(state), secret };
};

export class ListWebhookSubscriptionsQuery extends Query<{
  readonly subscriptions: readonly WebhookSubscriptionView[];
}> {
  constructor(readonly actor: Actor) {
    super();
  }
}

@QueryHandler(ListWebhookSubscriptionsQuery)
export class ListWebhookSubscriptionsHandler
  implements IQueryHandler<ListWebhookSubscriptionsQuery>
{
  constructor(private readonly directory: WebhookSubscriptionsDirectory) {}

  async execute({ actor }: ListWebhookSubscriptionsQuery) {
    const subscriptions = await this.directory.list(actor.tenantId);
    return { subscriptions: subscriptions.map(subscriptionView) };
  }
}

export class ViewWebhookSubscriptionQuery extends Query<WebhookSubscriptionView> {
  constructor(
    readonly actor: Actor,
    readonly subscriptionId: string,
  ) {
    super();
  }
}

@QueryHandler(ViewWebhookSubscriptionQuery)
export class ViewWebhookSubscriptionHandler implements IQueryHandler<ViewWebhookSubscriptionQuery> {
  constructor(private readonly directory: WebhookSubscriptionsDirectory) {}

  async execute({ actor, subscriptionId }: ViewWebhookSubscriptionQuery) {
    return subscriptionView(await this.directory.find(actor.tenantId, subscriptionId));
  }
}
