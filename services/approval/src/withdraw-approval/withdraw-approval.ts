import type { CommandBus } from '@nestjs/cqrs';
import type { GoalWithdrawn, ReceivedEvent } from '@talentloop/contracts';
import { onApprovalRequest, type EventCaller } from '../approval-request.stream';
import type { ApprovalReadSide } from '../projections/approval-read-side';

/**
 * Closes the withdrawn goal's pending requests, its submission and any adjustment awaiting
 * agreement, so none is left in an inbox to be decided on a goal that is gone. The goal's
 * requests were opened from its earlier events (one key, one order); the read side is read
 * once it includes every request opened so far (ADR 0008).
 */
export const withdrawPendingApprovals = async (
  commands: CommandBus,
  readSide: ApprovalReadSide,
  event: ReceivedEvent & GoalWithdrawn,
  caller: EventCaller,
): Promise<void> => {
  const { employeeId, goalId } = event.data;
  await readSide.requestsFresh();
  const pending = await readSide.pending({ tenantId: caller.tenantId, employeeId });
  for (const request of pending.filter((each) => each.goalId === goalId))
    await commands.execute(
      onApprovalRequest(
        request.requestId,
        { type: 'WithdrawApprovalRequest', data: {} },
        // One command per request: the event's command id alone would collide.
        { ...caller, commandId: `${caller.commandId}:${request.requestId}` },
      ),
    );
};
