import type { ReceivedEvent, ReportingLineChanged } from '@talentloop/contracts';
import type { CommandContext, EventStore } from '@talentloop/event-store';
import { runOnApprovalRequest } from '../approval-request.stream';
import type { ApprovalDirectory } from '../projections/approval-directory';

/**
 * Moves one request to the employee's manager as the reporting lines say now, if it is
 * pending with someone else: to HR as delegate when the line names no manager, and from HR
 * to the manager once the HRIS names one. An employee the lines do not know yet keeps the
 * request where it is. The decider ignores a move to whom it is already with.
 */
export const moveToCurrentManager = async (
  store: EventStore,
  directory: ApprovalDirectory,
  requestId: string,
  employeeId: string,
  context: CommandContext,
): Promise<void> => {
  const managerId = await directory.managerOf(context.tenantId, employeeId);
  if (managerId === undefined) return;
  await runOnApprovalRequest(
    store,
    requestId,
    { type: 'ReassignApproval', data: { toManagerId: managerId } },
    // One command per request and manager: the event's command id alone would collide.
    { ...context, commandId: `${context.commandId}:${requestId}:${managerId ?? 'hr-delegate'}` },
  );
};

/**
 * Moves the employee's pending requests to their current manager, once the reporting lines
 * include this change and the requests every request opened so far (ADR 0008).
 */
export const reassignPendingApprovals = async (
  store: EventStore,
  directory: ApprovalDirectory,
  event: ReceivedEvent & ReportingLineChanged,
  context: CommandContext,
): Promise<void> => {
  const { employeeId } = event.data;
  await directory.reportingLinesFresh();
  await directory.requestsFresh();
  for (const request of await directory.pending({ tenantId: context.tenantId, employeeId }))
    await moveToCurrentManager(store, directory, request.requestId, employeeId, context);
};
