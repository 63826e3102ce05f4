import { type DynamicModule, Module } from '@nestjs/common';
import {
  PlatformModule,
  serviceImports,
  systemClock,
  type Clock,
  type ServiceDescription,
} from '@talentloop/service-kit';
import { DeliveriesController } from './deliveries/deliveries.controller';
import {
  RedeliverWebhookHandler,
  WebhookDeliveriesHandler,
} from './deliveries/deliveries.handlers';
import { WebhookDeliveryLoops } from './deliveries/webhook-deliveries.loops';
import { MailSettingsController } from './mail-settings/mail-settings.controller';
import { MailLoops } from './mails/mail.loops';
import { NOTIFICATIONS_SETTINGS, notificationsSettingsFromEnv } from './notifications.settings';
import { WebhookSubscriptionsController } from './webhook-subscriptions/webhook-subscriptions.controller';
import { WebhookSubscriptionCommands } from './webhook-subscriptions/webhook-subscription.commands';
import { WebhookSubscriptionsDirectory } from './webhook-subscriptions/webhook-subscriptions.directory';
import {
  ListWebhookSubscriptionsHandler,
  ViewWebhookSubscriptionHandler,
} from './webhook-subscriptions/webhook-subscriptions.queries';
import { WebhookTargets } from './webhook-subscriptions/webhook-targets';

export const service: ServiceDescription = {
  name: 'notifications',
  title: 'Notifications service',
  defaultPort: 3005,
};

const handlers = [
  ListWebhookSubscriptionsHandler,
  ViewWebhookSubscriptionHandler,
  WebhookDeliveriesHandler,
  RedeliverWebhookHandler,
];

export interface NotificationsModuleOptions {
  readonly env: NodeJS.ProcessEnv;
  /** Tests fix the time; the service runs on the system clock. */
  readonly clock?: Clock;
}

@Module({})
export class NotificationsModule {
  static register({ env, clock = systemClock }: NotificationsModuleOptions): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [
        ...serviceImports,
        PlatformModule.forService(service.name, { clock, env, publishes: 'notifications' }),
      ],
      // Fixed paths before parameterised ones.
      controllers: [WebhookSubscriptionsController, DeliveriesController, MailSettingsController],
      providers: [
        { provide: NOTIFICATIONS_SETTINGS, useValue: notificationsSettingsFromEnv(env) },
        WebhookSubscriptionsDirectory,
        WebhookTargets,
        WebhookSubscriptionCommands,
        WebhookDeliveryLoops,
        MailLoops,
        ...handlers,
      ],
    };
  }
}

@Module({ imports: [NotificationsModule.register({ env: process.env })] })
export class AppModule {}
