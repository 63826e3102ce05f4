/** The shapes of the answers the manager pages read (only the fields they read). */

export type RequestKind = 'submission' | 'adjustment';
export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';
export type Cadence = 'weekly' | 'fortnightly' | 'monthly';
export const cadences: readonly Cadence[] = ['weekly', 'fortnightly', 'monthly'];

export interface SmartCheck {
  readonly property: string;
  readonly passed: boolean;
  readonly explanation: string;
}

export interface Target {
  readonly kind: string;
  readonly competencyId: string;
  readonly indicatorIds: readonly string[];
}

export interface Criterion {
  readonly kind?: 'measured' | 'evidence';
  readonly criterionId: string;
  readonly instrument?: string;
  readonly metric?: string;
  readonly indicatorIds?: readonly string[];
  readonly target?: number;
  readonly evidence?: string;
  readonly description: string;
}

export interface Action {
  readonly actionId: string;
  readonly kind: string;
  readonly description: string;
  readonly frequency: string;
  readonly estimatedHours?: number;
}

export interface Milestone {
  readonly description: string;
  readonly dueOn: string;
}

export interface GoalContent {
  readonly title: string;
  readonly language?: string;
  readonly target: Target;
  readonly behaviour: string;
  readonly situation: string;
  readonly successCriteria: readonly Criterion[];
  readonly actions: readonly Action[];
  readonly milestones?: readonly Milestone[];
  readonly deadline: string;
}

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

/** `GET /goals/:goalId/smart-check`: the goal as it is now, checked in the reader's language. */
export interface CurrentSmartCheck {
  readonly goalId: string;
  readonly checkedOn: string;
  readonly checks: readonly SmartCheck[];
}

/** `GET /employees/:employeeId/goals` and `GET /goals/:goalId` (the fields read here). */
export interface TeamGoal {
  readonly goalId: string;
  readonly employeeId: string;
  readonly status: string;
  readonly content: GoalContent;
  readonly submissionNumber: number;
  readonly checkInCadence: Cadence | null;
  readonly nextCheckInDueAt: string | null;
  readonly unacknowledgedAdjustments: readonly string[];
  readonly agreement?: { readonly motivation?: string } | null;
}

/** The decision event `approve` and `reject` answer with. */
export interface DecisionEvent {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}
