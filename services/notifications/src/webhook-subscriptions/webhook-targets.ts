import { Inject, Injectable } from '@nestjs/common';
import { cloudEventType, eventRegistry, isPublishedDefinition } from '@talentloop/contracts';
import {
  InvalidWebhookSubscription,
  validateSubscription,
  type WebhookViolation,
} from '@talentloop/notifications-domain';
import { checkWebhookTarget } from '@talentloop/webhooks';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../notifications.settings';

/**
 * The CloudEvents types a subscription may ask for: the current version of every published
 * event (the internal ones, such as the subscriptions' own with their signing secrets, are
 * never delivered).
 */
export const deliveredEventTypes = (): string[] =>
  [...new Set(eventRegistry.definitions.map(({ name }) => name))]
    .map((name) => eventRegistry.current(name))
    .filter((definition) => definition !== undefined && isPublishedDefinition(definition))
    .map((definition) => cloudEventType(definition!));

/**
 * Checks what a subscription asks for before anything is stored: the domain's rules, and that
 * the URL's host resolves to addresses a webhook may reach (public ones, or the operator's
 * allowlist). An unreachable or private target is refused with 422 and changes nothing.
 */
@Injectable()
export class WebhookTargets {
  private readonly knownTypes = deliveredEventTypes();

  constructor(@Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings) {}

  async assertValid(input: {
    readonly url: string;
    readonly eventTypes: readonly string[];
    readonly description: string | null;
  }): Promise<void> {
    const violations: WebhookViolation[] = [
      ...validateSubscription(
        {
          url: input.url,
          eventTypes: input.eventTypes,
          ...(input.description === null ? {} : { description: input.description }),
        },
        this.knownTypes,
      ),
    ];
    if (!violations.some(({ field }) => field === 'url'))
      violations.push(...(await checkWebhookTarget(input.url, this.settings.webhookAllowlist)));
    if (violations.length > 0) throw new InvalidWebhookSubscription(violations);
  }
}
