import { approvalEvents, type ApprovalEvent } from '@talentloop/contracts';
import { approvalRequestDecider, type ApprovalThread } from '@talentloop/approval-domain';
import { originInEventData, type OriginAt } from '@talentloop/privacy';
import type { ProjectedEvent, Projection } from '@talentloop/read-models';

/**
 * One step of the conversation: a submission or an adjustment (with its reason), a decision
 * with its feedback, a move, a reminder.
 */
export type ExchangeEntry = {
  readonly event: ApprovalEvent['type'];
  /** When it happened, and who caused it (the system for reassignments and reminders). */
  readonly at: string;
  readonly by: string;
} & Readonly<Record<string, unknown>>;

export type ApprovalRequestView = ApprovalThread & {
  readonly tenantId: string;
  readonly status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  /** The whole exchange, oldest first: every version, decision and piece of feedback. */
  readonly exchange: readonly ExchangeEntry[];
};

const approvalEventTypes: readonly ApprovalEvent['type'][] = approvalEvents.map((d) => d.name);

const isApprovalEvent = (event: ProjectedEvent): event is ProjectedEvent & ApprovalEvent =>
  (approvalEventTypes as readonly string[]).includes(event.type);

// The ids repeat the thread's own; an entry keeps what its step adds.
const threadKeys: ReadonlySet<string> = new Set(['requestId', 'goalId', 'employeeId']);

const entryOf = (event: ProjectedEvent & ApprovalEvent): ExchangeEntry => ({
  event: event.type,
  at: event.metadata.occurredAt,
  by: event.metadata.actorId,
  ...Object.fromEntries(Object.entries(event.data).filter(([key]) => !threadKeys.has(key))),
});

/**
 * Approval requests as managers, employees and HR read them. The status comes from the
 * domain's own evolve, so the read side can never disagree with what the decider enforces.
 */
export const approvalRequestsProjection: Projection<ApprovalRequestView> = {
  name: 'approval-requests',
  // 2: requests say whom they are addressed to (a manager, or HR as delegate).
  // 3: requests of adjustments, and the kind of each request.
  // (ApprovalWithdrawn needs no rebuild: no stored request was ever withdrawn before it.)
  version: 3,
  eventTypes: approvalEventTypes,
  // A manager's inbox, HR's delegated one, an employee's pending requests, every pending one.
  indexes: [
    { fields: { status: 1, tenantId: 1, managerId: 1, submittedAt: 1 } },
    { fields: { status: 1, tenantId: 1, addressedTo: 1, submittedAt: 1 } },
    { fields: { status: 1, tenantId: 1, employeeId: 1 } },
  ],
  documentIds: (event) => (isApprovalEvent(event) ? [event.data.requestId] : []),
  evolve: (view, event) => {
    if (!isApprovalEvent(event)) return view;
    const state = approvalRequestDecider.evolve(
      view ?? approvalRequestDecider.initialState(),
      event,
    );
    if (state.status === 'none') return view;
    return {
      ...state,
      tenantId: event.metadata.tenantId,
      exchange: [...(view?.exchange ?? []), entryOf(event)],
    };
  },
};

/**
 * Where a request keeps personal data, and from which event field: each entry of the exchange
 * keeps its event's data, so its notes and feedback are that event's fields. A sealed value
 * anywhere else in the request is none of these, and is never opened.
 */
export const approvalRequestOrigins =
  (request: ApprovalRequestView): OriginAt =>
  ([part, index, ...rest]) => {
    const entry = part === 'exchange' ? request.exchange[Number(index)] : undefined;
    return entry && originInEventData(entry.event, rest);
  };
