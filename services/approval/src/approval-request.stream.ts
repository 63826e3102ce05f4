import {
  approvalRequestDecider,
  type ApprovalRequestCommand,
  type ApprovalRequestState,
} from '@talentloop/approval-domain';
import { streamName, type ApprovalEvent } from '@talentloop/contracts';
import { DeciderCommand, type CommandCaller, type DomainCommandOf } from '@talentloop/service-kit';

export const approvalRequestStream = (tenantId: string, requestId: string): string =>
  streamName({ context: 'approval', aggregate: 'approvalRequest', tenantId, id: requestId });

/** A command on one request's stream, within the caller's tenant, for the CommandBus. */
export const onApprovalRequest = (
  requestId: string,
  command: DomainCommandOf<ApprovalRequestCommand, ApprovalRequestState>,
  caller: CommandCaller,
) =>
  new DeciderCommand<ApprovalRequestCommand, ApprovalEvent, ApprovalRequestState>(
    approvalRequestDecider,
    approvalRequestStream(caller.tenantId, requestId),
    command,
    caller,
  );

/** A consumer's caller: its command id derives from the event it acts on. */
export type EventCaller = CommandCaller & { readonly commandId: string };
