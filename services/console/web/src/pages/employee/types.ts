/** The shapes of the answers the employee pages read (only the fields they read). */

export type Phase =
  | 'draft'
  | 'submitted'
  | 'rejected'
  | 'revised'
  | 'active'
  | 'evaluated'
  | 'withdrawn';

export interface SmartCheck {
  readonly property: string;
  readonly passed: boolean;
  readonly explanation: string;
}

/** The SMART check of a goal as it is now (`GET /goals/:goalId/smart-check`). */
export interface GoalSmartCheck {
  readonly goalId: string;
  readonly checkedOn: string;
  readonly checks: readonly SmartCheck[];
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
  readonly estimatedHours: number;
}

export interface Milestone {
  readonly description: string;
  readonly dueOn: string;
}

export interface GoalContent {
  readonly title: string;
  readonly language: 'en' | 'nl';
  readonly target: Target;
  readonly behaviour: string;
  readonly situation: string;
  readonly successCriteria: readonly Criterion[];
  readonly actions: readonly Action[];
  readonly milestones?: readonly Milestone[];
  readonly deadline: string;
}

export interface Measurement {
  readonly measurementId: string;
  readonly instrument: string;
  readonly measuredAt: string;
  readonly behaviour: number;
  readonly indicators: readonly { readonly indicatorId: string; readonly score: number }[];
}

export interface HistoryEntry {
  readonly event: string;
  readonly at: string;
  readonly by: string;
  readonly data: Record<string, unknown>;
  readonly checkInLength?: { readonly durationMinutes?: number; readonly length?: string };
}

export interface Drafter {
  readonly kind: string;
  readonly model?: string | null;
  readonly fallbackReason?: string | null;
}

export interface Goal {
  readonly goalId: string;
  readonly planId: string;
  readonly employeeId: string;
  readonly gapId: string | null;
  readonly status: Phase;
  readonly drafted: GoalContent;
  readonly content: GoalContent;
  readonly agreement: { readonly motivation: string | null; readonly agreedBy: string } | null;
  readonly baseline: Measurement | null;
  readonly progress: Measurement | null;
  readonly submissionNumber: number;
  readonly checkInCadence: string | null;
  readonly nextCheckInDueAt: string | null;
  readonly completedActionIds: readonly string[];
  readonly draftedBy: Drafter | null;
  readonly rejection: {
    readonly submissionNumber: number;
    readonly decidedBy: string;
    readonly feedback: string;
  } | null;
  readonly unacknowledgedAdjustments: readonly string[];
  readonly evaluation: {
    readonly status: string;
    readonly reasons: readonly { readonly code: string; readonly explanation: string }[];
  } | null;
  readonly history: readonly HistoryEntry[];
}

export interface PlanGoal {
  readonly goalId: string;
  readonly title: string;
  readonly target: Target;
  readonly deadline: string;
  readonly phase: Phase;
}

export interface Plan {
  readonly planId: string;
  readonly employeeId: string;
  readonly cycle: string;
  readonly maxActiveGoals: number;
  readonly status: 'open' | 'closed';
  readonly startedAt: string;
  readonly closedAt: string | null;
  readonly previousPlanId: string | null;
  readonly nextPlanId: string | null;
  readonly goals: readonly PlanGoal[];
}

export interface Drafted {
  readonly goalId: string;
  readonly goal: GoalContent;
  readonly drafter: Drafter;
  readonly smartChecks: readonly SmartCheck[];
}

export interface Redraft {
  readonly goalId: string;
  readonly proposal: GoalContent;
  readonly drafter: Drafter;
  readonly smartChecks: readonly SmartCheck[];
  readonly differences: readonly { field: string; now: unknown; proposed: unknown }[];
}

export interface NamedIndicator {
  readonly indicatorId: string;
  readonly name: string;
  readonly score: number;
}

export interface CompetencyGap {
  readonly competencyId: string;
  readonly name: string;
  readonly measurementId: string;
  readonly aptitude: number;
  readonly behaviour: number;
  readonly gap: number;
  readonly worthDevelopment: boolean;
  readonly verdict: string;
  readonly weakestIndicators: readonly NamedIndicator[];
  readonly strongestIndicators: readonly NamedIndicator[];
}

export interface RankedGap extends CompetencyGap {
  readonly priority: { readonly rank: number; readonly score: number };
  readonly reasons: readonly { readonly factor: string; readonly explanation: string }[];
}

export interface GapReport {
  readonly competencies: readonly CompetencyGap[];
  readonly ranked: readonly RankedGap[];
}

/** An event a command answered with. */
export interface EventBody {
  readonly type: string;
  readonly data: Record<string, unknown>;
}
