import { approvalRequestDecider, type ApprovalRequestCommand } from '@talentloop/approval-domain';
import { streamName } from '@talentloop/contracts';
import { handleCommand, type CommandContext, type EventStore } from '@talentloop/event-store';

export const approvalRequestStream = (tenantId: string, requestId: string): string =>
  streamName({ context: 'approval', aggregate: 'approvalRequest', tenantId, id: requestId });

/** Read, fold, decide and append on one request's stream, within the caller's tenant. */
export const runOnApprovalRequest = (
  store: EventStore,
  requestId: string,
  command: ApprovalRequestCommand,
  context: CommandContext,
) =>
  handleCommand(
    store,
    approvalRequestDecider,
    approvalRequestStream(context.tenantId, requestId),
    command,
    context,
  );
