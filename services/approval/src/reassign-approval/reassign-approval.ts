import type { CommandBus } from '@nestjs/cqrs';
import type { ReceivedEvent, ReportingLineChanged } from '@talentloop/contracts';
import { onApprovalRequest, type EventCaller } from '../approval-request.stream';
import type { ApprovalReadSide } from '../projections/approval-read-side';

/**
 * Moves one request to the employee's manager as the reporting lines say now, if it is
 * pending with someone else: to HR as delegate when the line names no manager, and from HR
 * to the manager once the HRIS names one. An employee the lines do not know yet keeps the
 * request where it is. The decider ignores a move to whom it is already with.
 */
export const moveToCurrentManager = async (
  commands: CommandBus,
  readSide: ApprovalReadSide,
  requestId: string,
  employeeId: string,
  caller: EventCaller,
): Promise<void> => {
  const managerId = await readSide.managerOf(caller.tenantId, employeeId);
  if (managerId === undefined) return;
  await commands.execute(
    onApprovalRequest(
      requestId,
      { type: 'ReassignApproval', data: { toManagerId: managerId } },
      // One command per request and manager: the event's command id alone would collide.
      { ...caller, commandId: `${caller.commandId}:${requestId}:${managerId ?? 'hr-delegate'}` },
    ),
  );
};

/**
 * Moves the employee's pending requests to their current manager, once the reporting lines
 * include this change and the requests every request opened so far (ADR 0008).
 */
export const reassignPendingApprovals = async (
  commands: CommandBus,
  readSide: ApprovalReadSide,
  event: ReceivedEvent & ReportingLineChanged,
  caller: EventCaller,
): Promise<void> => {
  const { employeeId } = event.data;
  await readSide.reportingLinesFresh();
  await readSide.requestsFresh();
  for (const request of await readSide.pending({ tenantId: caller.tenantId, employeeId }))
    await moveToCurrentManager(commands, readSide, request.requestId, employeeId, caller);
};
