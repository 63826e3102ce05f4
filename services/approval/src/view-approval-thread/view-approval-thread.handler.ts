import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { text } from '@talentloop/i18n';
import {
  ApprovalRequestNotFound,
  OtherTenant,
  approvalRequestIdFor,
} from '@talentloop/approval-domain';
import type { Actor } from '@talentloop/service-kit';
import type { ApprovalRequestView } from '../projections/approval-requests/approval-requests.projection';
import { ApprovalReadSide, type AdjustmentAsked } from '../projections/approval-read-side';
import type { GoalVersion } from '../projections/goal-submissions/goal-submissions.projection';

export type ApprovalThreadView = ApprovalRequestView & {
  /** What the employee submitted each time, when this service has seen the submission. */
  readonly versions: readonly GoalVersion[];
  /** On a request of an adjustment: the changes, before → after, and the reason. */
  readonly adjustment?: AdjustmentAsked;
};

export class ViewApprovalThreadQuery extends Query<ApprovalThreadView> {
  constructor(
    readonly actor: Actor,
    readonly target: { readonly requestId: string } | { readonly goalId: string },
  ) {
    super();
  }
}

@QueryHandler(ViewApprovalThreadQuery)
export class ViewApprovalThreadHandler implements IQueryHandler<ViewApprovalThreadQuery> {
  constructor(private readonly readSide: ApprovalReadSide) {}

  async execute({ actor, target }: ViewApprovalThreadQuery): Promise<ApprovalThreadView> {
    const requestId =
      'requestId' in target
        ? target.requestId
        : approvalRequestIdFor(actor.tenantId, target.goalId);
    const request = await this.readSide.request(requestId);
    if (!request) throw new ApprovalRequestNotFound(text('approval.requestNotFound'));
    if (request.tenantId !== actor.tenantId) throw new OtherTenant(text('approval.otherTenant'));
    // Who may read it (the employee, their current manager, HR) is the access guard's decision.
    const adjustment = await this.readSide.adjustmentOf(request);
    return {
      ...request,
      versions: await this.readSide.goalVersions(request.tenantId, request.goalId),
      ...(adjustment === undefined ? {} : { adjustment }),
    };
  }
}
