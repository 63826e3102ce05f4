import type { ReceivedEvent, ReportingLineChanged } from '@talentloop/contracts';
import type { CommandContext, EventStore } from '@talentloop/event-store';
import { runOnApprovalRequest } from '../approval-request.stream';
import type { ApprovalDirectory } from '../projections/approval-directory';

/**
 * Moves the employee's pending requests to the new manager. With no new manager the
 * requests stay where they are: HR decides as delegate until the HRIS names one.
 */
export const reassignPendingApprovals = async (
  store: EventStore,
  directory: ApprovalDirectory,
  event: ReceivedEvent & ReportingLineChanged,
  context: CommandContext,
): Promise<void> => {
  const { employeeId, newManagerId } = event.data;
  if (newManagerId === null) return;
  for (const request of directory.pending({ tenantId: context.tenantId, employeeId }))
    await runOnApprovalRequest(
      store,
      request.requestId,
      { type: 'ReassignApproval', data: { toManagerId: newManagerId } },
      // One command per request: the event's command id alone would collide across them.
      { ...context, commandId: `${context.commandId}:${request.requestId}` },
    );
};
