import { Inject, Injectable } from '@nestjs/common';
import {
  adjustedFields,
  approvalRequestIdFor,
  isOverdue,
  pendingDaysAt,
  type AddressedTo,
  type AdjustedField,
  type ApprovalKind,
} from '@talentloop/approval-domain';
import { topicFor } from '@talentloop/contracts';
import { PERSONAL_DATA_CIPHER, ServiceLoops, type AccessFacts } from '@talentloop/service-kit';
import { consumerGroups } from '@talentloop/messaging';
import type { PersonalDataCipher } from '@talentloop/privacy';
import type { ReadSide } from '@talentloop/read-models';
import { APPROVAL_SETTINGS, type ApprovalSettings } from '../approval.settings';
import {
  approvalRequestOrigins,
  approvalRequestsProjection,
  type ApprovalRequestView,
} from './approval-requests/approval-requests.projection';
import {
  goalSubmissionsId,
  goalSubmissionsProjection,
  type GoalSubmissions,
  type GoalVersion,
} from './goal-submissions/goal-submissions.projection';
import {
  reportingLineId,
  reportingLinesProjection,
  type ReportingLine,
} from './reporting-lines/reporting-lines.projection';

/** What an adjustment asks the manager to agree to. */
export interface AdjustmentAsked {
  readonly adjustmentId: string;
  /** Each changed field, from the value before (where approval knows it) to the new one. */
  readonly changes: readonly AdjustedField[];
  /** The employee's reason, opened (or "[erased]"). */
  readonly reason: string | undefined;
}

export interface InboxItem {
  readonly requestId: string;
  /** `submission`: a submitted goal; `adjustment`: a change of an active goal's commitment. */
  readonly kind: ApprovalKind;
  readonly goalId: string;
  readonly employeeId: string;
  /** `hr-delegate`: the employee has no manager, so HR decides for them. */
  readonly addressedTo: AddressedTo;
  /** The submission awaiting a decision; absent for an adjustment. */
  readonly submissionNumber?: number;
  /** When the goal was submitted, or adjusted. */
  readonly submittedAt: string;
  readonly title: string | undefined;
  readonly adjustment?: AdjustmentAsked;
  readonly pendingDays: number;
  readonly overdue: boolean;
}

/** The read side's consumer group: people and goal events from the other contexts. */
export const APPROVAL_READ_SIDE_GROUP = consumerGroups.approvalReadSide.groupId;

/**
 * The approval service's read side, durable in the read-model store: requests from its own
 * streams, reporting lines and submitted goal versions from the bus (ADR 0008). Feedback and
 * notes stay sealed in the documents and are opened only to answer.
 */
@Injectable()
export class ApprovalReadSide implements AccessFacts {
  readonly readSide: ReadSide;

  constructor(
    loops: ServiceLoops,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
    @Inject(APPROVAL_SETTINGS) private readonly settings: ApprovalSettings,
  ) {
    this.readSide = loops.readSide({
      name: 'approval',
      own: [approvalRequestsProjection],
      fromBus: {
        ...consumerGroups.approvalReadSide,
        projections: [reportingLinesProjection, goalSubmissionsProjection],
      },
    });
  }

  /** Waits until the reporting lines include every people event published so far. */
  reportingLinesFresh(): Promise<void> {
    return this.readSide.freshWithBus([topicFor('assessment')]);
  }

  /** Waits until the requests include every approval event stored so far. */
  requestsFresh(): Promise<void> {
    return this.readSide.freshWithStore();
  }

  async managerOf(tenantId: string, employeeId: string): Promise<string | null | undefined> {
    const line = await this.readSide.reader.get<ReportingLine>(
      reportingLinesProjection.name,
      reportingLineId(tenantId, employeeId),
    );
    return line?.managerId;
  }

  /** The request with its feedback and notes opened (or "[erased]"). */
  async request(requestId: string): Promise<ApprovalRequestView | undefined> {
    const request = await this.readSide.reader.get<ApprovalRequestView>(
      approvalRequestsProjection.name,
      requestId,
    );
    return request && this.opened(request);
  }

  /**
   * For access decisions: whose approval request (by its id, or by its goal's) it is and
   * who decides on it now, in the caller's tenant.
   */
  async ownerOf(kind: 'goal' | 'plan' | 'approval-request', tenantId: string, id: string) {
    if (kind === 'plan') return undefined;
    const request = await this.readSide.reader.get<ApprovalRequestView>(
      approvalRequestsProjection.name,
      kind === 'goal' ? approvalRequestIdFor(tenantId, id) : id,
    );
    return request?.tenantId === tenantId
      ? { employeeId: request.employeeId, managerId: request.managerId }
      : undefined;
  }

  async goalVersions(tenantId: string, goalId: string): Promise<readonly GoalVersion[]> {
    return (await this.submissionsOf(tenantId, goalId))?.versions ?? [];
  }

  /**
   * Pending requests, oldest first: of a tenant, a manager, an employee or those addressed to
   * HR as delegate, or all of them.
   */
  pending(filter: {
    tenantId?: string;
    managerId?: string;
    employeeId?: string;
    addressedTo?: AddressedTo;
  }): Promise<ApprovalRequestView[]> {
    const where: Record<string, string> = { status: 'pending' };
    for (const field of ['tenantId', 'managerId', 'employeeId', 'addressedTo'] as const) {
      const value = filter[field];
      if (value !== undefined) where[field] = value;
    }
    return this.readSide.reader.find<ApprovalRequestView>(approvalRequestsProjection.name, {
      where,
      sort: { submittedAt: 1 },
    });
  }

  /** A manager's pending requests, oldest first, with how long each has waited. */
  async inbox(tenantId: string, managerId: string, now: Date): Promise<InboxItem[]> {
    return this.inboxOf(tenantId, await this.pending({ tenantId, managerId }), now);
  }

  /** Pending requests of employees without a manager, which HR decides as delegate. */
  async delegatedInbox(tenantId: string, now: Date): Promise<InboxItem[]> {
    return this.inboxOf(
      tenantId,
      await this.pending({ tenantId, addressedTo: 'hr-delegate' }),
      now,
    );
  }

  private inboxOf(
    tenantId: string,
    pending: readonly ApprovalRequestView[],
    now: Date,
  ): Promise<InboxItem[]> {
    return Promise.all(
      pending.map(async (sealed): Promise<InboxItem> => {
        // Only a request of an adjustment shows a sealed field here: its reason.
        const request = sealed.kind === 'adjustment' ? await this.opened(sealed) : sealed;
        const submissions = await this.submissionsOf(tenantId, request.goalId);
        const title =
          request.kind === 'submission'
            ? submissions?.versions.find(
                (version) => version.submissionNumber === request.submissionNumber,
              )?.goal.title
            : submissions?.current?.title;
        return {
          requestId: request.requestId,
          kind: request.kind,
          goalId: request.goalId,
          employeeId: request.employeeId,
          addressedTo: request.addressedTo,
          ...(request.kind === 'submission'
            ? { submissionNumber: request.submissionNumber }
            : { adjustment: adjustmentAsked(request, submissions) }),
          submittedAt: request.submittedAt,
          title,
          pendingDays: pendingDaysAt(request.submittedAt, now),
          overdue: isOverdue(request.submittedAt, now, this.settings.overdueAfterDays),
        };
      }),
    );
  }

  /** What a request of an adjustment asks, or undefined for a submission's; `request` opened. */
  async adjustmentOf(request: ApprovalRequestView): Promise<AdjustmentAsked | undefined> {
    if (request.kind !== 'adjustment') return undefined;
    return adjustmentAsked(request, await this.submissionsOf(request.tenantId, request.goalId));
  }

  private submissionsOf(tenantId: string, goalId: string): Promise<GoalSubmissions | undefined> {
    return this.readSide.reader.get<GoalSubmissions>(
      goalSubmissionsProjection.name,
      goalSubmissionsId(tenantId, goalId),
    );
  }

  private opened(request: ApprovalRequestView): Promise<ApprovalRequestView> {
    return this.cipher.openFields(
      { tenantId: request.tenantId, subjectId: request.employeeId },
      request,
      approvalRequestOrigins(request),
    );
  }
}

/** The request's changes with what they replace, and the reason from its first step. */
const adjustmentAsked = (
  request: Extract<ApprovalRequestView, { kind: 'adjustment' }>,
  submissions: GoalSubmissions | undefined,
): AdjustmentAsked => {
  const { adjustmentId, changes } = request;
  const before = submissions?.adjustments?.find(
    (known) => known.adjustmentId === adjustmentId,
  )?.before;
  const asked = request.exchange.find((entry) => entry.event === 'AdjustmentApprovalRequested');
  return {
    adjustmentId,
    changes: adjustedFields(changes, before),
    reason: typeof asked?.['reason'] === 'string' ? asked['reason'] : undefined,
  };
};
