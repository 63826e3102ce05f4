import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { approvalRequestIdFor, isOverdue, pendingDaysAt } from '@talentloop/approval-domain';
import { streamPrefix, type ReceivedEvent } from '@talentloop/contracts';
import type { EventStore, RecordedEvent, Subscription } from '@talentloop/event-store';
import { EVENT_STORE, MESSAGE_BUS, type SubjectDirectory } from '@talentloop/http';
import {
  subscribeToEvents,
  type BusConsumer,
  type DeliveredMessage,
  type MessageBus,
} from '@talentloop/messaging';
import { approvalRequestStream } from '../approval-request.stream';
import { APPROVAL_SETTINGS, type ApprovalSettings } from '../approval.settings';
import { consumedContexts } from '../consumers/consumed-topics';
import {
  approvalRequestsProjection,
  type ApprovalRequestView,
} from './approval-requests/approval-requests.projection';
import {
  goalSubmissionsId,
  goalSubmissionsProjection,
  type GoalVersion,
} from './goal-submissions/goal-submissions.projection';
import { InMemoryReadModel } from './in-memory-read-model';
import { busInput, STORE_SOURCE, toProjectedEvent } from '@talentloop/read-models';
import {
  reportingLineId,
  reportingLinesProjection,
} from './reporting-lines/reporting-lines.projection';

export interface InboxItem {
  readonly requestId: string;
  readonly goalId: string;
  readonly employeeId: string;
  readonly submissionNumber: number;
  readonly submittedAt: string;
  readonly title: string | undefined;
  readonly pendingDays: number;
  readonly overdue: boolean;
}

const managerKey = (request: { tenantId: string; managerId: string }) =>
  `${request.tenantId}/${request.managerId}`;

/**
 * The approval service's read side: requests (from its own streams), reporting lines and
 * goal versions (from the bus). All three are rebuilt from history at every start: the own
 * streams from the event store's beginning, the bus events by a consumer group of this
 * process alone that starts from the beginning of the topics.
 */
@Injectable()
export class ApprovalDirectory
  implements OnApplicationBootstrap, BeforeApplicationShutdown, SubjectDirectory
{
  private readonly requests = new InMemoryReadModel(approvalRequestsProjection, managerKey);
  private readonly reportingLines = new InMemoryReadModel(reportingLinesProjection);
  private readonly goalSubmissions = new InMemoryReadModel(goalSubmissionsProjection);
  private readonly logger = new Logger('approval-directory');
  private subscription: Subscription | undefined;
  private consumer: BusConsumer | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(APPROVAL_SETTINGS) private readonly settings: ApprovalSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = this.store.subscribeToAll(
      { filter: { streamPrefixes: [streamPrefix('approval')] } },
      (recorded) => this.applyFromStore(recorded),
    );
    this.subscription.finished.catch((error: unknown) =>
      this.logger.error('approval request subscription stopped', String(error)),
    );
    this.consumer = await subscribeToEvents(this.bus, {
      // Rebuilt from the beginning at every start; the bus forgets the group when it stops.
      groupId: 'approval.directory',
      ephemeral: true,
      // identity: PersonErased, to fold the person's threads again without their free text.
      contexts: [...consumedContexts, 'identity'],
      fromBeginning: true,
      handler: (event, delivered) => this.applyFromBus(event, delivered),
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.subscription?.stop();
  }

  private applyFromStore(recorded: RecordedEvent): void {
    const event = toProjectedEvent(recorded);
    if (event)
      this.requests.apply({ event, source: STORE_SOURCE, position: recorded.globalPosition });
  }

  /** Folds a people or goal event from the bus; a redelivery changes nothing. */
  async applyFromBus(event: ReceivedEvent, delivered: DeliveredMessage): Promise<void> {
    if (event.type === 'PersonErased')
      return this.forgetPerson(event.metadata.tenantId, event.data.employeeId);
    const input = busInput(delivered, event);
    this.reportingLines.apply(input);
    this.goalSubmissions.apply(input);
  }

  /**
   * The person's threads folded again from their streams, where the feedback and notes about
   * them now read "[erased]" (their key is destroyed).
   */
  private async forgetPerson(tenantId: string, employeeId: string): Promise<void> {
    const theirs = this.requests.filter(
      (request) => request.tenantId === tenantId && request.employeeId === employeeId,
    );
    for (const { requestId } of theirs) {
      const recorded = await this.store.readStream(approvalRequestStream(tenantId, requestId));
      this.requests.forget(requestId);
      for (const event of recorded) this.applyFromStore(event);
    }
  }

  managerOf(tenantId: string, employeeId: string): string | null | undefined {
    return this.reportingLines.get(reportingLineId(tenantId, employeeId))?.managerId;
  }

  request(requestId: string): ApprovalRequestView | undefined {
    return this.requests.get(requestId);
  }

  /**
   * For access decisions: whose approval request (by its id, or by its goal's) it is and
   * who decides on it now, in the caller's tenant.
   */
  ownerOf(kind: 'goal' | 'plan' | 'approval-request', tenantId: string, id: string) {
    if (kind === 'plan') return undefined;
    const request = this.request(kind === 'goal' ? approvalRequestIdFor(tenantId, id) : id);
    return request?.tenantId === tenantId
      ? { employeeId: request.employeeId, managerId: request.managerId }
      : undefined;
  }

  goalVersions(tenantId: string, goalId: string): readonly GoalVersion[] {
    return this.goalSubmissions.get(goalSubmissionsId(tenantId, goalId))?.versions ?? [];
  }

  pending(filter: { tenantId?: string; managerId?: string; employeeId?: string }) {
    const { tenantId, managerId } = filter;
    // A manager's inbox reads their own requests only; other questions look at all.
    const indexKey =
      tenantId !== undefined && managerId !== undefined
        ? managerKey({ tenantId, managerId })
        : undefined;
    return this.requests
      .filter(
        (request) =>
          request.status === 'pending' &&
          (filter.tenantId === undefined || request.tenantId === filter.tenantId) &&
          (filter.managerId === undefined || request.managerId === filter.managerId) &&
          (filter.employeeId === undefined || request.employeeId === filter.employeeId),
        indexKey,
      )
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  }

  /** A manager's pending requests, oldest first, with how long each has waited. */
  inbox(tenantId: string, managerId: string, now: Date): InboxItem[] {
    return this.pending({ tenantId, managerId }).map((request) => ({
      requestId: request.requestId,
      goalId: request.goalId,
      employeeId: request.employeeId,
      submissionNumber: request.submissionNumber,
      submittedAt: request.submittedAt,
      title: this.goalVersions(tenantId, request.goalId).find(
        (version) => version.submissionNumber === request.submissionNumber,
      )?.goal.title,
      pendingDays: pendingDaysAt(request.submittedAt, now),
      overdue: isOverdue(request.submittedAt, now, this.settings.overdueAfterDays),
    }));
  }
}
