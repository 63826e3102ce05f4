// The shapes of the answers the demo reads (only the fields it reads).
import { parseCloudEventType } from '@talentloop/contracts';

/**
 * Whether a replayed CloudEvent type is one of notifications' delivery events (MailSent, …),
 * told by the context its type names: they come while mails and webhooks are still going out,
 * so a run's counts leave them out.
 */
export const isDeliveryEvent = (cloudEventType: string): boolean =>
  parseCloudEventType(cloudEventType)?.context === 'notifications';

export interface EventBody {
  readonly type: string;
  readonly data: Record<string, unknown>;
}
export interface RankedGap {
  readonly competencyId: string;
  readonly name: string;
  readonly aptitude: number;
  readonly behaviour: number;
  readonly requiredScore: number;
  readonly weakestIndicators: readonly { name: string; score: number }[];
  readonly priority: {
    rank: number;
    score: number;
    impact: number;
    potential: number;
    energy: number;
  };
  readonly reasons: readonly { factor: string; explanation: string }[];
}
export interface GapReport {
  readonly competencies: readonly {
    competencyId: string;
    gap: number;
    worthDevelopment: boolean;
    verdict: string;
  }[];
  readonly ranked: readonly RankedGap[];
}
export interface Criterion {
  readonly criterionId: string;
  readonly instrument: string;
  readonly metric: string;
  readonly indicatorIds: readonly string[];
  readonly target: number;
  readonly description: string;
}
export interface GoalContent {
  readonly title: string;
  readonly language: string;
  readonly behaviour: string;
  readonly situation: string;
  readonly deadline: string;
  readonly target: { competencyId: string; indicatorIds: readonly string[] };
  readonly successCriteria: readonly Criterion[];
  readonly actions: readonly {
    actionId: string;
    kind: string;
    description: string;
    frequency: string;
  }[];
}
export interface Drafted {
  readonly goalId: string;
  readonly goal: GoalContent;
  readonly drafter: { kind: string; model: string | null; fallbackReason: string | null };
  readonly smartChecks: readonly { property: string; passed: boolean; explanation: string }[];
  readonly unpairedFormalLearning: unknown;
}
export interface Goal {
  readonly status: string;
  readonly content: GoalContent;
  readonly completedActionIds: readonly string[];
  readonly nextCheckInDueAt: string | null;
  readonly unacknowledgedAdjustments: readonly string[];
  readonly rejection: { feedback: string } | null;
  readonly history: readonly { event: string; by: string; data: Record<string, unknown> }[];
}
export interface InboxItem {
  readonly requestId: string;
  readonly kind: 'submission' | 'adjustment';
  readonly goalId: string;
  readonly employeeId: string;
  readonly submissionNumber?: number;
  readonly adjustment?: {
    readonly adjustmentId: string;
    readonly changes: readonly { field: string; before?: unknown; after: unknown }[];
    readonly reason?: string;
  };
}
export interface Thread {
  readonly requestId?: string;
  readonly status: string;
  readonly managerId: string;
  readonly submissionNumber: number;
  readonly exchange: readonly { event: string; feedback?: string }[];
}
/** A 360° round's scores per rater group, as assessment returns them. */
export interface RoundScores {
  readonly group: string;
  readonly raterCount: number;
  readonly score: number;
}
