import { valuesBefore, withChanges, type AdjustmentChanges } from '@talentloop/approval-domain';
import type { GoalSubmitted } from '@talentloop/contracts';
import { assertNever } from '@talentloop/domain-kernel';
import type { ProjectedEvent, Projection } from '@talentloop/read-models';

type GoalContent = GoalSubmitted['data']['goal'];

/** One submitted version of a goal: the snapshot the manager decided on. */
export interface GoalVersion {
  readonly submissionNumber: number;
  readonly submittedAt: string;
  readonly goal: GoalContent;
  readonly smartChecks: GoalSubmitted['data']['smartChecks'];
}

/** What an adjustment replaced, of the fields approval follows (see valuesBefore). */
export interface AdjustmentBefore {
  readonly adjustmentId: string;
  readonly before: AdjustmentChanges;
}

export interface GoalSubmissions {
  readonly tenantId: string;
  readonly goalId: string;
  /** Ordered by submission number; a redelivered submission replaces itself. */
  readonly versions: readonly GoalVersion[];
  /** The latest version as adjusted since, and as refusals set it back. */
  readonly current?: GoalContent;
  /** Per adjustment seen after a submission, the values it replaced. */
  readonly adjustments?: readonly AdjustmentBefore[];
}

export const goalSubmissionsId = (tenantId: string, goalId: string): string =>
  `${tenantId}:${goalId}`;

type GoalEvent = Extract<
  ProjectedEvent,
  { type: 'GoalSubmitted' | 'GoalAdjusted' | 'GoalAdjustmentRefused' }
>;

const goalEventTypes: readonly GoalEvent['type'][] = [
  'GoalSubmitted',
  'GoalAdjusted',
  'GoalAdjustmentRefused',
];

const isGoalEvent = (event: ProjectedEvent): event is GoalEvent =>
  (goalEventTypes as readonly string[]).includes(event.type);

/**
 * The versions of each submitted goal, and the goal as adjusted since. Approval's own events
 * carry no goal content (the planning event does), so the thread view joins these to show
 * what each decision was on, and what an adjustment changes from.
 */
export const goalSubmissionsProjection: Projection<GoalSubmissions> = {
  name: 'goal-submissions',
  // 2: follows adjustments and refusals, for the values an adjustment replaces.
  version: 2,
  eventTypes: goalEventTypes,
  documentIds: (event) =>
    isGoalEvent(event) ? [goalSubmissionsId(event.metadata.tenantId, event.data.goalId)] : [],
  evolve: (submissions, event) => {
    if (!isGoalEvent(event)) return submissions;
    switch (event.type) {
      case 'GoalSubmitted': {
        const { goalId, submissionNumber, goal, smartChecks } = event.data;
        const version = {
          submissionNumber,
          submittedAt: event.metadata.occurredAt,
          goal,
          smartChecks,
        };
        const others = (submissions?.versions ?? []).filter(
          (known) => known.submissionNumber !== submissionNumber,
        );
        const versions = [...others, version].sort(
          (a, b) => a.submissionNumber - b.submissionNumber,
        );
        return {
          adjustments: [],
          ...submissions,
          tenantId: event.metadata.tenantId,
          goalId,
          versions,
          current: versions[versions.length - 1]?.goal ?? goal,
        };
      }
      case 'GoalAdjusted': {
        // Only an active goal is adjusted, so its submission came first; else nothing to follow.
        const current = submissions?.current;
        if (!submissions || !current) return submissions;
        const { adjustmentId, changes } = event.data;
        return {
          ...submissions,
          current: withChanges(current, changes),
          adjustments: [
            ...(submissions.adjustments ?? []),
            { adjustmentId, before: valuesBefore(current, changes) },
          ],
        };
      }
      case 'GoalAdjustmentRefused': {
        const current = submissions?.current;
        if (!submissions || !current) return submissions;
        return { ...submissions, current: withChanges(current, event.data.restored) };
      }
      default:
        return assertNever(event);
    }
  },
};
