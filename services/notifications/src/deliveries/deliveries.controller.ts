import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor } from '@talentloop/service-kit';
import { DeliveriesQueryDto } from '../webhook-subscriptions/webhook-subscription.dto';
import { RedeliverWebhookCommand, WebhookDeliveriesQuery } from './deliveries.handlers';

@ApiTags('webhooks')
@Controller('webhook-subscriptions/:subscriptionId/deliveries')
export class DeliveriesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: "A subscription's delivery log, newest first",
    description:
      '`state=dead` lists its dead letters: deliveries that failed for the whole retry window (24 hours by default), or that were pending when the subscription was disabled or deleted. Each delivery keeps its last 20 attempts.',
  })
  list(
    @CurrentActor() actor: Actor,
    @IdParam('subscriptionId') subscriptionId: string,
    @Query() query: DeliveriesQueryDto,
  ) {
    return this.queries.execute(
      new WebhookDeliveriesQuery(actor, subscriptionId, query.state, query.limit ?? 50),
    );
  }

  @Post(':deliveryId/redelivery')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Deliver again: a dead letter, or one already delivered',
    description:
      'The delivery is attempted again at once, with the same `webhook-id`, and retried for the whole window again if it fails.',
  })
  redeliver(
    @CurrentActor() actor: Actor,
    @IdParam('subscriptionId') subscriptionId: string,
    @Param('deliveryId') deliveryId: string,
  ) {
    return this.commands.execute(new RedeliverWebhookCommand(actor, subscriptionId, deliveryId));
  }
}
