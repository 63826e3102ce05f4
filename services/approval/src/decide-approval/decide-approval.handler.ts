import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OtherTenant, type ApprovalRequestCommand } from '@talentloop/approval-domain';
import type { ApprovalEvent } from '@talentloop/contracts';
import { text } from '@talentloop/i18n';
import { callerOf, type Actor } from '@talentloop/service-kit';
import { onApprovalRequest } from '../approval-request.stream';
import { ApprovalReadSide } from '../projections/approval-read-side';
import type { ApproveGoalDto, RejectGoalDto } from './decide-approval.dto';

type Decision =
  | { readonly type: 'ApproveRequest'; readonly body: ApproveGoalDto }
  | { readonly type: 'RejectRequest'; readonly body: RejectGoalDto };

export class DecideApprovalCommand extends Command<ApprovalEvent> {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
    readonly decision: Decision,
    readonly commandId: string,
  ) {
    super();
  }
}

const domainCommandOf = (decision: Decision, actor: Actor, now: Date): ApprovalRequestCommand => {
  const data = { ...decision.body, caller: actor, now };
  return decision.type === 'ApproveRequest'
    ? { type: 'ApproveRequest', data }
    : { type: 'RejectRequest', data: { ...data, feedback: decision.body.feedback } };
};

/**
 * A decider command on the request's stream, after one look across tenants: streams are per
 * tenant, so another tenant's request would read as missing from the caller's own stream; the
 * read side, which holds every tenant's requests, says why instead.
 */
@CommandHandler(DecideApprovalCommand)
export class DecideApprovalHandler implements ICommandHandler<DecideApprovalCommand> {
  constructor(
    private readonly commands: CommandBus,
    private readonly readSide: ApprovalReadSide,
  ) {}

  async execute({ actor, requestId, decision, commandId }: DecideApprovalCommand) {
    const known = await this.readSide.request(requestId);
    if (known && known.tenantId !== actor.tenantId)
      throw new OtherTenant(text('approval.otherTenant'));
    const { events } = await this.commands.execute(
      onApprovalRequest(
        requestId,
        (_state, { now }) => domainCommandOf(decision, actor, now),
        callerOf(actor, commandId),
      ),
    );
    const [decided] = events;
    return decided;
  }
}
