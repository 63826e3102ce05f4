import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, RequestCommandId, type Actor } from '@talentloop/service-kit';
import { WebhookSubscriptionCommands } from './webhook-subscription.commands';
import {
  ChangeWebhookSubscriptionDto,
  CreateWebhookSubscriptionDto,
  DEFAULT_OVERLAP_SECONDS,
  PersonalDataDto,
  RotateWebhookSecretDto,
} from './webhook-subscription.dto';
import {
  ListWebhookSubscriptionsQuery,
  subscriptionView,
  ViewWebhookSubscriptionQuery,
  withNewSecret,
} from './webhook-subscriptions.queries';

@ApiTags('webhooks')
@Controller('webhook-subscriptions')
export class WebhookSubscriptionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly subscriptions: WebhookSubscriptionCommands,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: "Subscribe a platform's endpoint to the tenant's events",
    description:
      'Deliveries follow the Standard Webhooks specification (`webhook-id`, `webhook-timestamp`, `webhook-signature`); the body is the event as a CloudEvents JSON document (`application/cloudevents+json`), personal fields sealed. The answer carries the signing `secret` (`whsec_…`): the only time it is shown. The URL must resolve to public addresses (or ones the operator allows). Roles: integrator, admin.',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateWebhookSubscriptionDto,
    @RequestCommandId() commandId: string,
  ) {
    const { state, events } = await this.commands.execute(
      this.subscriptions.create(
        actor,
        { url: body.url, eventTypes: body.eventTypes, description: body.description ?? null },
        commandId,
      ),
    );
    return withNewSecret(state, events);
  }

  @Get()
  @ApiOperation({ summary: "The tenant's webhook subscriptions (without their secrets)" })
  list(@CurrentActor() actor: Actor) {
    return this.queries.execute(new ListWebhookSubscriptionsQuery(actor));
  }

  @Get(':subscriptionId')
  @ApiOperation({ summary: 'One webhook subscription (without its secrets)' })
  view(@CurrentActor() actor: Actor, @IdParam('subscriptionId') subscriptionId: string) {
    return this.queries.execute(new ViewWebhookSubscriptionQuery(actor, subscriptionId));
  }

  @Patch(':subscriptionId')
  @ApiOperation({
    summary: 'Change where and which events go; `active: false` pauses deliveries, `true` resumes',
    description:
      'Events stored while a subscription is disabled are not delivered to it; deliveries still pending when it was disabled become dead letters (redeliver them once it is active again).',
  })
  async change(
    @CurrentActor() actor: Actor,
    @IdParam('subscriptionId') subscriptionId: string,
    @Body() { active, ...settings }: ChangeWebhookSubscriptionDto,
    @RequestCommandId() commandId: string,
  ) {
    let { state } = await this.commands.execute(
      this.subscriptions.change(actor, subscriptionId, settings, commandId),
    );
    if (active !== undefined)
      ({ state } = await this.commands.execute(
        this.subscriptions.setActive(actor, subscriptionId, active, `${commandId}:active`),
      ));
    return subscriptionView(state);
  }

  @Delete(':subscriptionId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a subscription: nothing more is delivered to it' })
  async remove(
    @CurrentActor() actor: Actor,
    @IdParam('subscriptionId') subscriptionId: string,
    @RequestCommandId() commandId: string,
  ): Promise<void> {
    await this.commands.execute(this.subscriptions.remove(actor, subscriptionId, commandId));
  }

  @Post(':subscriptionId/secret-rotations')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Rotate the signing secret',
    description:
      'The answer carries the new `secret` (shown only now). The previous one goes on signing beside it for `overlapSeconds` (a day by default; 0 revokes it at once), so the receiver can switch without missing a delivery.',
  })
  async rotate(
    @CurrentActor() actor: Actor,
    @IdParam('subscriptionId') subscriptionId: string,
    @Body() body: RotateWebhookSecretDto,
    @RequestCommandId() commandId: string,
  ) {
    const { state, events } = await this.commands.execute(
      this.subscriptions.rotateSecret(
        actor,
        subscriptionId,
        body.overlapSeconds ?? DEFAULT_OVERLAP_SECONDS,
        commandId,
      ),
    );
    return withNewSecret(state, events);
  }

  @Put(':subscriptionId/personal-data')
  @ApiOperation({
    summary: "Whether deliveries carry people's personal fields sealed or opened",
    description:
      "Sealed by default: names, e-mail addresses and free text go out as ciphertext, as on the bus. `opened` sends them as text, to a platform the tenant trusts with its people's data; it applies to attempts made from now on. Role: admin only.",
  })
  async setPersonalData(
    @CurrentActor() actor: Actor,
    @IdParam('subscriptionId') subscriptionId: string,
    @Body() { personalData }: PersonalDataDto,
    @RequestCommandId() commandId: string,
  ) {
    const { state } = await this.commands.execute(
      this.subscriptions.setPersonalData(actor, subscriptionId, personalData, commandId),
    );
    return subscriptionView(state);
  }
}
