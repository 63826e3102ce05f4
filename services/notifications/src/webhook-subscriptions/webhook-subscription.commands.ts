import { Injectable } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import {
  NEW_WEBHOOK_SECRET_BYTES,
  newWebhookSecret,
  webhookSubscriptionDecider,
  type WebhookSubscriptionCommand,
  type WebhookPersonalData,
  type WebhookSubscriptionEvent,
  type WebhookSubscriptionSettings,
  type WebhookSubscriptionState,
} from '@talentloop/notifications-domain';
import type { CommandContext } from '@talentloop/event-store';
import { callerOf, DeciderCommand, type Actor, type CommandCaller } from '@talentloop/service-kit';
import { createHash, randomBytes } from 'node:crypto';
import { WebhookTargets } from './webhook-targets';
import { subscriptionStream } from './webhook-subscriptions.directory';

type SubscriptionCommand = DeciderCommand<
  WebhookSubscriptionCommand,
  WebhookSubscriptionEvent,
  WebhookSubscriptionState
>;

/** A command on one subscription's stream, built from its state and the command's context. */
export const onSubscription = (
  caller: CommandCaller,
  subscriptionId: string,
  command: (
    state: WebhookSubscriptionState,
    context: CommandContext,
  ) => WebhookSubscriptionCommand | Promise<WebhookSubscriptionCommand>,
): SubscriptionCommand =>
  new DeciderCommand(
    webhookSubscriptionDecider,
    subscriptionStream(caller.tenantId, subscriptionId),
    command,
    caller,
  );

/** The endpoint answered 410 Gone: the subscription is disabled, by no one. */
export const disableSubscription = async (
  commands: CommandBus,
  tenantId: string,
  subscriptionId: string,
  at: Date,
): Promise<void> => {
  await commands.execute(
    onSubscription({ tenantId, actorId: 'notifications' }, subscriptionId, () => ({
      type: 'DisableWebhookSubscription',
      data: { reason: 'endpoint-gone', now: at },
    })),
  );
};

/**
 * The subscription's id, derived from the request's command id: a POST retried under the same
 * Idempotency-Key names the same subscription (and gets the same answer), never a second one.
 */
const subscriptionIdOf = (tenantId: string, commandId: string): string =>
  `whsub-${createHash('sha256').update(`${tenantId}\u0000${commandId}`).digest('hex').slice(0, 24)}`;

const freshSecret = (): string => newWebhookSecret(randomBytes(NEW_WEBHOOK_SECRET_BYTES));

/** What a change asks for; what it leaves out stays as it is. */
export interface SettingsChange {
  readonly url?: string;
  readonly eventTypes?: readonly string[];
  readonly description?: string | null;
}

/**
 * The subscriptions' commands as the endpoints send them: settings are checked (the domain's
 * rules, and where the URL's host resolves) before anything is decided, and new secrets are
 * drawn here, never by a caller.
 */
@Injectable()
export class WebhookSubscriptionCommands {
  constructor(private readonly targets: WebhookTargets) {}

  create(actor: Actor, settings: WebhookSubscriptionSettings, commandId: string) {
    const subscriptionId = subscriptionIdOf(actor.tenantId, commandId);
    return onSubscription(callerOf(actor, commandId), subscriptionId, async (_state, { now }) => {
      await this.targets.assertValid(settings);
      return {
        type: 'CreateWebhookSubscription',
        data: { subscriptionId, ...settings, secret: freshSecret(), by: actor.userId, now },
      };
    });
  }

  change(actor: Actor, subscriptionId: string, change: SettingsChange, commandId: string) {
    return onSubscription(callerOf(actor, commandId), subscriptionId, async (state, { now }) => {
      const current: WebhookSubscriptionSettings =
        state.status === 'active' || state.status === 'disabled'
          ? state
          : { url: '', eventTypes: [], description: null };
      const settings: WebhookSubscriptionSettings = {
        url: change.url ?? current.url,
        eventTypes: change.eventTypes ?? current.eventTypes,
        description: change.description === undefined ? current.description : change.description,
      };
      // A subscription that is not there is the decider's 404, not a bad URL.
      if (state.status === 'active' || state.status === 'disabled')
        await this.targets.assertValid(settings);
      return { type: 'ChangeWebhookSubscription', data: { ...settings, by: actor.userId, now } };
    });
  }

  setActive(actor: Actor, subscriptionId: string, active: boolean, commandId: string) {
    return onSubscription(callerOf(actor, commandId), subscriptionId, (_state, { now }) =>
      active
        ? { type: 'EnableWebhookSubscription', data: { by: actor.userId, now } }
        : {
            type: 'DisableWebhookSubscription',
            data: { reason: 'by-request', by: actor.userId, now },
          },
    );
  }

  rotateSecret(actor: Actor, subscriptionId: string, overlapSeconds: number, commandId: string) {
    return onSubscription(callerOf(actor, commandId), subscriptionId, (_state, { now }) => ({
      type: 'RotateWebhookSecret',
      data: { secret: freshSecret(), overlapSeconds, by: actor.userId, now },
    }));
  }

  /** Opened personal data is an admin's grant (the access policy lets no one else here). */
  setPersonalData(
    actor: Actor,
    subscriptionId: string,
    personalData: WebhookPersonalData,
    commandId: string,
  ) {
    return onSubscription(callerOf(actor, commandId), subscriptionId, (_state, { now }) => ({
      type: 'SetWebhookDataAccess',
      data: { personalData, by: actor.userId, now },
    }));
  }

  remove(actor: Actor, subscriptionId: string, commandId: string) {
    return onSubscription(callerOf(actor, commandId), subscriptionId, (_state, { now }) => ({
      type: 'DeleteWebhookSubscription',
      data: { by: actor.userId, now },
    }));
  }
}
