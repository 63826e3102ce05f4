import { Inject, Injectable } from '@nestjs/common';
import {
  approvalRequestIdFor,
  isOverdue,
  pendingDaysAt,
  type AddressedTo,
} from '@talentloop/approval-domain';
import { topicFor } from '@talentloop/contracts';
import { PERSONAL_DATA_CIPHER, ServiceLoops, type SubjectDirectory } from '@talentloop/http';
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

export interface InboxItem {
  readonly requestId: string;
  readonly goalId: string;
  readonly employeeId: string;
  /** `hr-delegate`: the employee has no manager, so HR decides for them. */
  readonly addressedTo: AddressedTo;
  readonly submissionNumber: number;
  readonly submittedAt: string;
  readonly title: string | undefined;
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
export class ApprovalDirectory implements SubjectDirectory {
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
    const submissions = await this.readSide.reader.get<GoalSubmissions>(
      goalSubmissionsProjection.name,
      goalSubmissionsId(tenantId, goalId),
    );
    return submissions?.versions ?? [];
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
      pending.map(async (request) => ({
        requestId: request.requestId,
        goalId: request.goalId,
        employeeId: request.employeeId,
        addressedTo: request.addressedTo,
        submissionNumber: request.submissionNumber,
        submittedAt: request.submittedAt,
        title: (await this.goalVersions(tenantId, request.goalId)).find(
          (version) => version.submissionNumber === request.submissionNumber,
        )?.goal.title,
        pendingDays: pendingDaysAt(request.submittedAt, now),
        overdue: isOverdue(request.submittedAt, now, this.settings.overdueAfterDays),
      })),
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
