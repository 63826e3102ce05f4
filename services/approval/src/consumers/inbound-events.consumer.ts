import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { ReceivedEvent } from '@talentloop/contracts';
import type { CommandContext, EventStore } from '@talentloop/event-store';
import { EVENT_STORE, MESSAGE_BUS, CLOCK, type Clock } from '@talentloop/http';
import {
  consumerCommandId,
  subscribeToEvents,
  type BusConsumer,
  type DeliveredMessage,
  type MessageBus,
} from '@talentloop/messaging';

import { consumedContexts } from './consumed-topics';
import { openApprovalRequest } from '../open-approval-request/open-approval-request.handler';
import { ApprovalDirectory } from '../projections/approval-directory';
import { reassignPendingApprovals } from '../reassign-approval/reassign-approval.handler';

const APPROVAL_CONSUMER_GROUP = 'approval';

/**
 * Reacts to submitted goals and reporting-line changes. At-least-once delivery is made
 * harmless by deriving each command id from the event id: a redelivery appends nothing.
 */
@Injectable()
export class InboundEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: BusConsumer | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: ApprovalDirectory,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await subscribeToEvents(this.bus, {
      groupId: APPROVAL_CONSUMER_GROUP,
      contexts: consumedContexts,
      handler: (event, delivered) => this.handle(event, delivered),
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  private async handle(event: ReceivedEvent, delivered: DeliveredMessage): Promise<void> {
    // Folded here too, so a submission that follows a people change on the same key sees it.
    await this.directory.applyFromBus(event, delivered);
    const context: CommandContext = {
      tenantId: event.metadata.tenantId,
      actorId: event.metadata.actorId,
      commandId: consumerCommandId(APPROVAL_CONSUMER_GROUP, event.id),
      now: this.clock.now(),
      correlationId: event.metadata.correlationId ?? event.id,
      // The trace: the consumer's span continues the event's (see deliver in messaging).
    };
    if (event.type === 'GoalSubmitted')
      await openApprovalRequest(this.store, this.directory, event, context);
    else if (event.type === 'ReportingLineChanged')
      await reassignPendingApprovals(this.store, this.directory, event, context);
  }
}
