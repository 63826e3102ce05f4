/** The shapes of the answers the employee pages read (only the fields they read). */
import type { GoalContent, Phase, SmartCheck, Target } from '../../lib/goal';

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
