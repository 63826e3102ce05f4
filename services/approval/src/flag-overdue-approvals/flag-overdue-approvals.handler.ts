import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isOverdue } from '@talentloop/approval-domain';
import { CLOCK, type Clock } from '@talentloop/service-kit';
import { APPROVAL_SETTINGS, type ApprovalSettings } from '../approval.settings';
import { onApprovalRequest } from '../approval-request.stream';
import { ApprovalReadSide } from '../projections/approval-read-side';

export interface OverdueCheckResult {
  /** Requests that became overdue in this check and had ApprovalOverdue emitted. */
  readonly flagged: readonly string[];
}

export class FlagOverdueApprovalsCommand extends Command<OverdueCheckResult> {
  constructor(
    /** One organisation, or every one (the timer). */
    readonly tenantId: string | undefined,
    readonly actorId: string,
  ) {
    super();
  }
}

/** The pending requests the read side finds overdue, each flagged by a decider command. */
@CommandHandler(FlagOverdueApprovalsCommand)
export class FlagOverdueApprovalsHandler implements ICommandHandler<FlagOverdueApprovalsCommand> {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APPROVAL_SETTINGS) private readonly settings: ApprovalSettings,
    private readonly readSide: ApprovalReadSide,
  ) {}

  async execute({ tenantId, actorId }: FlagOverdueApprovalsCommand): Promise<OverdueCheckResult> {
    const now = this.clock.now();
    const { overdueAfterDays } = this.settings;
    const due = (await this.readSide.pending(tenantId === undefined ? {} : { tenantId })).filter(
      (request) =>
        !request.overdueReported && isOverdue(request.submittedAt, now, overdueAfterDays),
    );
    const flagged: string[] = [];
    for (const request of due) {
      const { events } = await this.commands.execute(
        onApprovalRequest(
          request.requestId,
          (_state, context) => ({
            type: 'FlagOverdueApproval',
            data: { now: context.now, overdueAfterDays },
          }),
          {
            tenantId: request.tenantId,
            actorId,
            // One id per submission (a request of an adjustment has one): checks that overlap
            // emit ApprovalOverdue once between them.
            commandId: `overdue-check.${request.requestId}.${request.kind === 'submission' ? request.submissionNumber : 'adjustment'}`,
          },
        ),
      );
      if (events.length > 0) flagged.push(request.requestId);
    }
    return { flagged };
  }
}
