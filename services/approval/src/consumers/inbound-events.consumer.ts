import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ReceivedEvent } from '@talentloop/contracts';
import { ServiceLoops } from '@talentloop/service-kit';
import { consumerCommandId, consumerGroups } from '@talentloop/messaging';
import type { EventCaller } from '../approval-request.stream';
import {
  openAdjustmentApprovalRequest,
  openApprovalRequest,
} from '../open-approval-request/open-approval-request';
import { ApprovalReadSide } from '../projections/approval-read-side';
import { reassignPendingApprovals } from '../reassign-approval/reassign-approval';
import { withdrawPendingApprovals } from '../withdraw-approval/withdraw-approval';

const APPROVAL_CONSUMER_GROUP = consumerGroups.approval.groupId;

/**
 * Reacts to submitted goals, adjustments that need agreement, withdrawn goals and reporting-line
 * changes, with decider commands on the CommandBus. At-least-once delivery is made
 * harmless by deriving each command id from the event id: a redelivery appends nothing.
 */
@Injectable()
export class InboundEventsConsumer {
  constructor(
    private readonly commands: CommandBus,
    private readonly readSide: ApprovalReadSide,
    loops: ServiceLoops,
  ) {
    // Under the service's supervisor: a broker down at start or a crash is retried.
    loops.consume(consumerGroups.approval, (event) => this.handle(event), [
      'GoalSubmitted',
      'GoalAdjusted',
      'GoalWithdrawn',
      'ReportingLineChanged',
    ]);
  }

  private async handle(event: ReceivedEvent): Promise<void> {
    const caller: EventCaller = {
      tenantId: event.metadata.tenantId,
      actorId: event.metadata.actorId,
      commandId: consumerCommandId(APPROVAL_CONSUMER_GROUP, event.id),
      correlationId: event.metadata.correlationId ?? event.id,
      // The trace: the consumer's span continues the event's (see deliver in messaging).
    };
    if (event.type === 'GoalSubmitted')
      await openApprovalRequest(this.commands, this.readSide, event, caller);
    else if (event.type === 'GoalAdjusted')
      await openAdjustmentApprovalRequest(this.commands, this.readSide, event, caller);
    else if (event.type === 'GoalWithdrawn')
      await withdrawPendingApprovals(this.commands, this.readSide, event, caller);
    else if (event.type === 'ReportingLineChanged')
      await reassignPendingApprovals(this.commands, this.readSide, event, caller);
  }
}
