import { Inject } from '@nestjs/common';
import { text } from '@talentloop/i18n';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OtherTenant, type ApprovalRequestCommand } from '@talentloop/approval-domain';
import type { ApprovalEvent } from '@talentloop/contracts';
import type { EventStore } from '@talentloop/event-store';
import { EVENT_STORE, type Actor, CLOCK, type Clock } from '@talentloop/service-kit';

import { runOnApprovalRequest } from '../approval-request.stream';
import { ApprovalDirectory } from '../projections/approval-directory';
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

@CommandHandler(DecideApprovalCommand)
export class DecideApprovalHandler implements ICommandHandler<DecideApprovalCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: ApprovalDirectory,
  ) {}

  async execute({ actor, requestId, decision, commandId }: DecideApprovalCommand) {
    // Streams are per tenant, so another tenant's request would read as missing: say why.
    const known = await this.directory.request(requestId);
    if (known && known.tenantId !== actor.tenantId)
      throw new OtherTenant(text('approval.otherTenant'));
    const now = this.clock.now();
    const { events } = await runOnApprovalRequest(
      this.store,
      requestId,
      domainCommandOf(decision, actor, now),
      { tenantId: actor.tenantId, actorId: actor.userId, commandId, now },
    );
    const [decided] = events;
    return decided;
  }
}
