import { CLOCK, type Clock } from '@talentloop/service-kit';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@talentloop/service-kit';

import { ApprovalReadSide, type InboxItem } from '../projections/approval-read-side';

export class ManagerInboxQuery extends Query<readonly InboxItem[]> {
  constructor(
    readonly actor: Actor,
    readonly managerId: string | undefined,
  ) {
    super();
  }
}

@QueryHandler(ManagerInboxQuery)
export class ManagerInboxHandler implements IQueryHandler<ManagerInboxQuery> {
  constructor(
    private readonly readSide: ApprovalReadSide,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ actor, managerId = actor.userId }: ManagerInboxQuery) {
    // Whose inbox the caller may read is the access guard's decision (ACCESS-MATRIX.md).
    return this.readSide.inbox(actor.tenantId, managerId, this.clock.now());
  }
}

export class DelegatedInboxQuery extends Query<readonly InboxItem[]> {
  constructor(readonly actor: Actor) {
    super();
  }
}

@QueryHandler(DelegatedInboxQuery)
export class DelegatedInboxHandler implements IQueryHandler<DelegatedInboxQuery> {
  constructor(
    private readonly readSide: ApprovalReadSide,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ actor }: DelegatedInboxQuery) {
    return this.readSide.delegatedInbox(actor.tenantId, this.clock.now());
  }
}
