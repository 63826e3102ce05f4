import {
  adjustmentRequestIdFor,
  approvalRequestIdFor,
  type ApprovalRequestCommand,
} from '@talentloop/approval-domain';
import type { CommandBus } from '@nestjs/cqrs';
import type { GoalAdjusted, GoalSubmitted, ReceivedEvent } from '@talentloop/contracts';
import { MessagingError } from '@talentloop/messaging';
import { onApprovalRequest, type EventCaller } from '../approval-request.stream';
import type { ApprovalReadSide } from '../projections/approval-read-side';
import { moveToCurrentManager } from '../reassign-approval/reassign-approval';

/**
 * The employee's manager is not known yet: the people sync may simply not have arrived.
 * Retriable, so the bus tries again with backoff and dead-letters it if it never resolves.
 */
class ManagerUnknownError extends MessagingError {
  readonly code = 'MANAGER_UNKNOWN';
  readonly retriable = true;
  constructor(employeeId: string) {
    super(`no current manager known for employee ${employeeId}; waiting for the people sync`);
  }
}

/** A request to open: whose it is, the manager its event names, and its command once routed. */
interface RequestToRoute {
  readonly requestId: string;
  readonly employeeId: string;
  /** The manager the event names (a submission carries one), for when the lines do not. */
  readonly managerFromEvent: string | undefined;
  readonly open: (
    managerId: string | null,
  ) => Extract<
    ApprovalRequestCommand,
    { type: 'OpenApprovalRequest' | 'OpenAdjustmentApprovalRequest' }
  >;
}

/**
 * Opens a request of either kind, addressed to the manager the reporting lines name once they
 * include every people event published so far, or to HR as delegate when they name none; the
 * manager the event names is the fallback while the people sync has not reached this service.
 * A reporting-line change handled meanwhile may not have seen this request yet: looking at the
 * line again after opening it closes that gap (ADR 0008). The routing waits on the read side,
 * not on the request's state, so it runs before the decider command rather than in it: the
 * stream is read and appended to without a wait in between.
 */
const routeApprovalRequest = async (
  commands: CommandBus,
  readSide: ApprovalReadSide,
  request: RequestToRoute,
  caller: EventCaller,
): Promise<void> => {
  const { requestId, employeeId } = request;
  await readSide.reportingLinesFresh();
  const line = await readSide.managerOf(caller.tenantId, employeeId);
  const managerId = line === undefined ? request.managerFromEvent : line;
  if (managerId === undefined) throw new ManagerUnknownError(employeeId);
  await commands.execute(onApprovalRequest(requestId, request.open(managerId), caller));
  await moveToCurrentManager(commands, readSide, requestId, employeeId, caller);
};

/** Opens (or, for a revised goal, reopens) the request thread of a submitted goal. */
export const openApprovalRequest = (
  commands: CommandBus,
  readSide: ApprovalReadSide,
  event: ReceivedEvent & GoalSubmitted,
  caller: EventCaller,
): Promise<void> => {
  const { goalId, employeeId, submissionNumber } = event.data;
  const requestId = approvalRequestIdFor(caller.tenantId, goalId);
  return routeApprovalRequest(
    commands,
    readSide,
    {
      requestId,
      employeeId,
      managerFromEvent: event.data.managerId,
      open: (managerId) => ({
        type: 'OpenApprovalRequest',
        data: {
          requestId,
          goalId,
          employeeId,
          managerId,
          submissionNumber,
          submittedAt: event.metadata.occurredAt,
        },
      }),
    },
    caller,
  );
};

/**
 * Opens the request of an adjustment that needs the manager's agreement (a changed target,
 * success criteria or deadline); one that does not is in force at once and asks nothing.
 */
export const openAdjustmentApprovalRequest = async (
  commands: CommandBus,
  readSide: ApprovalReadSide,
  event: ReceivedEvent & GoalAdjusted,
  caller: EventCaller,
): Promise<void> => {
  const { goalId, employeeId, adjustmentId, changes, reason, adjustedBy } = event.data;
  if (!event.data.requiresAcknowledgement) return;
  const requestId = adjustmentRequestIdFor(caller.tenantId, goalId, adjustmentId);
  await routeApprovalRequest(
    commands,
    readSide,
    {
      requestId,
      employeeId,
      managerFromEvent: undefined,
      open: (managerId) => ({
        type: 'OpenAdjustmentApprovalRequest',
        data: {
          requestId,
          goalId,
          employeeId,
          adjustmentId,
          managerId,
          changes,
          reason,
          adjustedBy,
          submittedAt: event.metadata.occurredAt,
        },
      }),
    },
    caller,
  );
};
