import type { CriterionEvidenceRecorded, PlanningEvent } from '@talentloop/contracts';
import { assertNever } from '@talentloop/domain-kernel';
import {
  afterAcknowledgement,
  afterAdjustment,
  afterRefusal,
  type PendingAdjustment,
} from './adjustments';
import type { CheckInCadence } from './check-in-schedule';
import type { GoalMeasurement } from './goal-measurement';
import { applyChanges, contentOf, type GoalContent } from './goal-content';

/** A goal as its stream folds it: what the goal decider decides on and read models keep. */

/** Where a goal stands; a rejected submission leaves it the employee's to revise (revisable). */
export type GoalStatus =
  | 'draft'
  | 'submitted'
  | 'rejected'
  | 'revised'
  | 'active'
  | 'evaluated'
  | 'withdrawn';

/**
 * Evidence the employee recorded for an evidence criterion, as the goal decides on it: what and
 * when, never the employee's description and reference (personal data, kept in the stream).
 */
export type RecordedEvidence = Omit<
  CriterionEvidenceRecorded['data'],
  'goalId' | 'employeeId' | 'description' | 'reference'
>;

export interface GoalRecord {
  readonly goalId: string;
  readonly planId: string;
  readonly employeeId: string;
  readonly gapId: string | null;
  readonly drafted: GoalContent;
  readonly content: GoalContent;
  /** Why the employee wants the goal, given with the draft: what makes it relevant to them. */
  readonly motivationNote: string | null;
  /**
   * The employee's agreement to the goal as it stands, with why it matters to them (GoalAgreed);
   * null before it, and again once the content changes. Read models keep no motivation.
   */
  readonly agreement: {
    readonly motivation: string | null;
    readonly agreedBy: string;
  } | null;
  /** The employee's latest measurement of the target when the goal became active. */
  readonly baseline: GoalMeasurement | null;
  /** The latest measurement since, before the deadline: progress, not yet the evaluation. */
  readonly progress: GoalMeasurement | null;
  readonly submissionNumber: number;
  readonly checkInCadence: CheckInCadence | null;
  readonly nextCheckInDueAt: string | null;
  readonly completedActionIds: readonly string[];
  /** Adjustments of target, criteria or deadline the manager has not acknowledged or refused. */
  readonly pendingAdjustments: readonly PendingAdjustment[];
  /** Evidence recorded for the goal's evidence criteria, oldest first. */
  readonly evidence: readonly RecordedEvidence[];
}

export type GoalState =
  | { readonly status: 'none' }
  | (GoalRecord & { readonly status: GoalStatus });

/** A goal after one more event of its stream. */
export const evolveGoal = (state: GoalState, event: PlanningEvent): GoalState => {
  if (event.type === 'GoalDrafted') {
    const { goalId, planId, employeeId, gapId, motivationNote } = event.data;
    const content = contentOf(event.data);
    return {
      status: 'draft',
      goalId,
      planId,
      employeeId,
      gapId,
      drafted: content,
      content,
      motivationNote,
      agreement: null,
      baseline: null,
      progress: null,
      submissionNumber: 0,
      checkInCadence: null,
      nextCheckInDueAt: null,
      completedActionIds: [],
      pendingAdjustments: [],
      evidence: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'GoalEdited':
      return {
        ...state,
        // An edit after a submission can only follow its rejection: the goal is being revised.
        // (Goals rejected before GoalSubmissionRejected existed go straight from submitted.)
        status:
          state.status === 'rejected' || state.status === 'submitted' ? 'revised' : state.status,
        content: applyChanges(state.content, event.data.changes),
        agreement: null,
      };
    case 'GoalAgreed':
      return {
        ...state,
        agreement: { motivation: event.data.motivation, agreedBy: event.data.agreedBy },
      };
    case 'GoalSubmitted':
      return { ...state, status: 'submitted', submissionNumber: event.data.submissionNumber };
    case 'GoalSubmissionRejected':
      return { ...state, status: 'rejected' };
    case 'GoalActivated':
      return {
        ...state,
        status: 'active',
        checkInCadence: event.data.checkInCadence,
        nextCheckInDueAt: event.data.nextCheckInDueAt,
        baseline: event.data.baseline,
      };
    case 'GoalProgressMeasured':
      return { ...state, progress: event.data.measurement };
    case 'ActionAdded':
      return {
        ...state,
        content: { ...state.content, actions: [...state.content.actions, event.data.action] },
        // An action added to a goal not yet active changes what the employee agreed to.
        agreement: state.status === 'active' ? state.agreement : null,
      };
    case 'ActionCompleted':
      return { ...state, completedActionIds: [...state.completedActionIds, event.data.actionId] };
    case 'CheckInLogged':
      return { ...state, nextCheckInDueAt: event.data.nextDueAt };
    case 'GoalAdjusted':
      return {
        ...state,
        content: applyChanges(state.content, event.data.changes),
        pendingAdjustments: afterAdjustment(state.pendingAdjustments, state.content, event.data),
      };
    case 'GoalAdjustmentAcknowledged':
      return {
        ...state,
        pendingAdjustments: afterAcknowledgement(state.pendingAdjustments, event.data.adjustmentId),
      };
    case 'GoalAdjustmentRefused':
      return {
        ...state,
        content: applyChanges(state.content, event.data.restored),
        pendingAdjustments: afterRefusal(state.pendingAdjustments, event.data.adjustmentId),
      };
    case 'CriterionEvidenceRecorded': {
      const { evidenceId, criterionId, evidence, obtainedOn, recordedBy } = event.data;
      const recorded = { evidenceId, criterionId, evidence, obtainedOn, recordedBy };
      return { ...state, evidence: [...state.evidence, recorded] };
    }
    case 'GoalEvaluated':
      return { ...state, status: 'evaluated' };
    case 'GoalWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'GoalCarriedOver':
      return { ...state, planId: event.data.toPlanId };
    case 'PlanStarted':
    case 'PlanClosed':
    case 'GoalSlotTaken':
      return state;
    default:
      return assertNever(event);
  }
};
