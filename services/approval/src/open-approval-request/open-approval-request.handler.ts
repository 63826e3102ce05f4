import { approvalRequestIdFor } from '@talentloop/approval-domain';
import type { GoalSubmitted, ReceivedEvent } from '@talentloop/contracts';
import type { CommandContext, EventStore } from '@talentloop/event-store';
import { MessagingError } from '@talentloop/messaging';
import { runOnApprovalRequest } from '../approval-request.stream';
import type { ApprovalDirectory } from '../projections/approval-directory';
import { moveToCurrentManager } from '../reassign-approval/reassign-approval.handler';

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

/**
 * Opens (or, for a revised goal, reopens) the request thread of a submitted goal, addressed
 * to the manager the reporting lines name once they include every people event published so
 * far, or to HR as delegate when they name none; the manager planning put on the submission
 * is the fallback while the people sync has not reached this service. A reporting-line change
 * handled meanwhile may not have seen this request yet: looking at the line again after
 * opening it closes that gap (ADR 0008).
 */
export const openApprovalRequest = async (
  store: EventStore,
  directory: ApprovalDirectory,
  event: ReceivedEvent & GoalSubmitted,
  context: CommandContext,
): Promise<void> => {
  const { goalId, employeeId, submissionNumber } = event.data;
  await directory.reportingLinesFresh();
  const line = await directory.managerOf(context.tenantId, employeeId);
  const managerId = line === undefined ? event.data.managerId : line;
  if (managerId === undefined) throw new ManagerUnknownError(employeeId);
  const requestId = approvalRequestIdFor(context.tenantId, goalId);
  await runOnApprovalRequest(
    store,
    requestId,
    {
      type: 'OpenApprovalRequest',
      data: {
        requestId,
        goalId,
        employeeId,
        managerId,
        submissionNumber,
        submittedAt: event.metadata.occurredAt,
      },
    },
    context,
  );
  await moveToCurrentManager(store, directory, requestId, employeeId, context);
};
