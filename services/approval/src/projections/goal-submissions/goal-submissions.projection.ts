import type { GoalSubmitted } from '@talentloop/contracts';
import type { Projection } from '@talentloop/read-models';

/** One submitted version of a goal: the snapshot the manager decided on. */
export interface GoalVersion {
  readonly submissionNumber: number;
  readonly submittedAt: string;
  readonly goal: GoalSubmitted['data']['goal'];
  readonly smartChecks: GoalSubmitted['data']['smartChecks'];
}

export interface GoalSubmissions {
  readonly tenantId: string;
  readonly goalId: string;
  /** Ordered by submission number; a redelivered submission replaces itself. */
  readonly versions: readonly GoalVersion[];
}

export const goalSubmissionsId = (tenantId: string, goalId: string): string =>
  `${tenantId}:${goalId}`;

/**
 * The versions of each submitted goal. Approval's own events carry no goal content (the
 * planning event does), so the thread view joins these to show what each decision was on.
 */
export const goalSubmissionsProjection: Projection<GoalSubmissions> = {
  name: 'goal-submissions',
  version: 1,
  eventTypes: ['GoalSubmitted'],
  documentIds: (event) =>
    event.type === 'GoalSubmitted'
      ? [goalSubmissionsId(event.metadata.tenantId, event.data.goalId)]
      : [],
  evolve: (submissions, event) => {
    if (event.type !== 'GoalSubmitted') return submissions;
    const { goalId, submissionNumber, goal, smartChecks } = event.data;
    const version = { submissionNumber, submittedAt: event.metadata.occurredAt, goal, smartChecks };
    const others = (submissions?.versions ?? []).filter(
      (known) => known.submissionNumber !== submissionNumber,
    );
    return {
      tenantId: event.metadata.tenantId,
      goalId,
      versions: [...others, version].sort((a, b) => a.submissionNumber - b.submissionNumber),
    };
  },
};
