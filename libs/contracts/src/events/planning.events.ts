// Planning's published events, one module per part of a plan's and a goal's life.
import { PlanStarted, PlanClosed, GoalCarriedOver } from './planning/plan.events';
import { GoalDrafted, GoalEdited } from './planning/goal-drafting.events';
import {
  GoalAgreed,
  GoalSubmitted,
  GoalSubmissionRejected,
} from './planning/goal-submission.events';
import {
  GoalActivated,
  GoalProgressMeasured,
  ActionAdded,
  ActionCompleted,
  CheckInLogged,
  GoalWithdrawn,
} from './planning/active-goal.events';
import {
  GoalAdjusted,
  GoalAdjustmentAcknowledged,
  GoalAdjustmentRefused,
} from './planning/goal-adjustment.events';
import { GoalEvaluated, CriterionEvidenceRecorded } from './planning/goal-evaluation.events';
import { GoalSlotTaken } from './planning/active-set.events';

export {
  criterionEvidenceKinds,
  type CriterionEvidenceKind,
  GoalChanges,
} from './planning/goal-content.schemas';
export {
  PlanStartedV1,
  PlanStarted,
  planStartedV1ToV2,
  PlanClosed,
  GoalCarriedOver,
} from './planning/plan.events';
export {
  GoalDraftedV1,
  draftContextParts,
  type DraftContextPart,
  GoalDraftedV2,
  goalDraftedV1ToV2,
  GoalDrafted,
  goalDraftedV2ToV3,
  GoalEditedV1,
  GoalEdited,
  goalEditedV1ToV2,
} from './planning/goal-drafting.events';
export {
  GoalSubmittedV1,
  GoalSubmitted,
  goalSubmittedV1ToV2,
  GoalAgreed,
  GoalSubmissionRejected,
} from './planning/goal-submission.events';
export {
  GoalActivatedV1,
  GoalActivated,
  goalActivatedV1ToV2,
  GoalProgressMeasured,
  ActionAdded,
  ActionCompleted,
  CheckInLoggedV1,
  CheckInLogged,
  checkInLoggedV1ToV2,
  GoalWithdrawn,
} from './planning/active-goal.events';
export {
  GoalAdjustedV1,
  GoalAdjusted,
  goalAdjustedV1ToV2,
  GoalAdjustmentAcknowledged,
  GoalAdjustmentRefusedV1,
  GoalAdjustmentRefused,
  goalAdjustmentRefusedV1ToV2,
} from './planning/goal-adjustment.events';
export {
  GoalEvaluatedV1,
  GoalEvaluatedV2,
  goalEvaluatedV1ToV2,
  GoalEvaluated,
  goalEvaluatedV2ToV3,
  CriterionEvidenceRecorded,
} from './planning/goal-evaluation.events';
export { GoalSlotTaken } from './planning/active-set.events';

export const planningEvents = [
  PlanStarted,
  GoalDrafted,
  GoalEdited,
  GoalAgreed,
  GoalSubmitted,
  GoalSubmissionRejected,
  GoalActivated,
  GoalProgressMeasured,
  ActionAdded,
  ActionCompleted,
  CheckInLogged,
  GoalAdjusted,
  GoalAdjustmentAcknowledged,
  GoalAdjustmentRefused,
  GoalEvaluated,
  GoalWithdrawn,
  GoalSlotTaken,
  PlanClosed,
  GoalCarriedOver,
  CriterionEvidenceRecorded,
] as const;
