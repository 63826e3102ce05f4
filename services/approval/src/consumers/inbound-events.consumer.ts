import { Inject, Injectable } from '@nestjs/common';
import type { ReceivedEvent } from '@talentloop/contracts';
import type { CommandContext, EventStore } from '@talentloop/event-store';
import { CLOCK, EVENT_STORE, ServiceLoops, type Clock } from '@talentloop/service-kit';
import { consumerCommandId, consumerGroups } from '@talentloop/messaging';
import {
  openAdjustmentApprovalRequest,
  openApprovalRequest,
} from '../open-approval-request/open-approval-request.handler';
import { ApprovalDirectory } from '../projections/approval-directory';
import { reassignPendingApprovals } from '../reassign-approval/reassign-approval.handler';
import { withdrawPendingApprovals } from '../withdraw-approval/withdraw-approval.handler';

const APPROVAL_CONSUMER_GROUP = consumerGroups.approval.groupId;

/**
 * Reacts to submitted goals, adjustments that need agreement, withdrawn goals and reporting-line
 * changes. At-least-once delivery is made
 * harmless by deriving each command id from the event id: a redelivery appends nothing.
 */
@Injectable()
export class InboundEventsConsumer {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: ApprovalDirectory,
    loops: ServiceLoops,
  ) {
    // Under the service's supervisor: a broker down at start or a crash is retried.
    loops.consume(consumerGroups.approval, (event) => this.handle(event));
  }

  private async handle(event: ReceivedEvent): Promise<void> {
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
    else if (event.type === 'GoalAdjusted')
      await openAdjustmentApprovalRequest(this.store, this.directory, event, context);
    else if (event.type === 'GoalWithdrawn')
      await withdrawPendingApprovals(this.store, this.directory, event, context);
    else if (event.type === 'ReportingLineChanged')
      await reassignPendingApprovals(this.store, this.directory, event, context);
  }
}
