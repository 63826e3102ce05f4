/** The shapes of the answers the manager pages read (only the fields they read). */
import type { GoalContent, Phase, SmartCheck } from '../../lib/goal';

export type RequestKind = 'submission' | 'adjustment';
export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';
export type Cadence = 'weekly' | 'fortnightly' | 'monthly';
export const cadences: readonly Cadence[] = ['weekly', 'fortnightly', 'monthly'];

/** One submitted version of the goal: what the manager decided on each time. */
export interface GoalVersion {
  readonly submissionNumber: number;
  readonly submittedAt: string;
  readonly goal: GoalContent;
  readonly smartChecks: readonly SmartCheck[];
}

/** A field an adjustment changes: the value before (when approval knows it) and after. */
export interface AdjustedField {
  readonly field: string;
  readonly before?: unknown;
  readonly after: unknown;
}

export interface AdjustmentAsked {
  readonly adjustmentId: string;
  readonly changes: readonly AdjustedField[];
  readonly reason?: string;
}

/** `GET /approval-requests/inbox`: one pending request. */
export interface InboxItem {
  readonly requestId: string;
  readonly kind: RequestKind;
  readonly goalId: string;
  readonly employeeId: string;
  readonly addressedTo: 'manager' | 'hr-delegate';
  readonly submissionNumber?: number;
  readonly submittedAt: string;
  readonly title?: string;
  readonly adjustment?: AdjustmentAsked;
  readonly pendingDays: number;
  readonly overdue: boolean;
}

/** One step of a request's exchange, with the fields of its event. */
export type ExchangeEntry = {
  readonly event: string;
  readonly at: string;
  readonly by: string;
} & Readonly<Record<string, unknown>>;

/** `GET /approval-requests/:requestId`: the request with its whole exchange. */
export interface ApprovalThread {
  readonly requestId: string;
  readonly kind: RequestKind;
  readonly status: RequestStatus;
  readonly goalId: string;
  readonly employeeId: string;
  readonly managerId: string | null;
  readonly addressedTo: 'manager' | 'hr-delegate';
  readonly submittedAt: string;
  readonly submissionNumber?: number;
  readonly adjustmentId?: string;
  readonly exchange: readonly ExchangeEntry[];
  readonly versions: readonly GoalVersion[];
  readonly adjustment?: AdjustmentAsked;
}

/** `GET /check-ins/overdue?scope=reports`: an active goal whose check-in is past due. */
export interface OverdueCheckIn {
  readonly goalId: string;
  readonly employeeId: string;
  readonly title: string;
  readonly dueAt: string;
  readonly cadence: Cadence | null;
}

/** `GET /managers/:managerId/reports`: one direct report; `displayName` null when unknown or erased. */
export interface Report {
  readonly employeeId: string;
  readonly displayName: string | null;
}

/** `GET /managers/:managerId/reports`. */
export interface Reports {
  readonly managerId: string;
  readonly reports: readonly Report[];
}

/** `GET /employees/:employeeId/goals` and `GET /goals/:goalId` (the fields read here). */
export interface TeamGoal {
  readonly goalId: string;
  readonly employeeId: string;
  readonly status: Phase;
  readonly content: GoalContent;
  readonly submissionNumber: number;
  readonly checkInCadence: Cadence | null;
  readonly nextCheckInDueAt: string | null;
  readonly unacknowledgedAdjustments: readonly string[];
  readonly agreement?: { readonly motivation?: string } | null;
}
