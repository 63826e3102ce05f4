import type {
  CheckInLogged,
  GoalAdjusted,
  GoalAdjustmentRefused,
  GoalDrafted,
} from '@talentloop/contracts';
import type { CheckInCadence } from './check-in-schedule';
import type { RecordEvidenceData } from './evidence.decide';
import type { DevelopmentAction, GoalChanges, GoalContext, SmartSettings } from './goal-content';
import type { GoalMeasurement } from './goal-measurement';

/** What the goal decider is asked to do: the commands of a goal's stream. */
export type GoalCommand =
  | { readonly type: 'DraftGoal'; readonly data: GoalDrafted['data'] }
  | {
      readonly type: 'EditGoal';
      readonly data: { readonly changes: GoalChanges; readonly editedBy: string };
    }
  | {
      /** The employee agrees to the goal as it stands and says why: acceptable (SMART). */
      readonly type: 'AgreeToGoal';
      readonly data: { readonly motivation: string; readonly agreedBy: string };
    }
  | {
      readonly type: 'SubmitGoal';
      /** The cap is not the goal's to decide: the employee's active set holds it (TakeSlot). */
      readonly data: {
        readonly managerId: string | null;
        readonly context: GoalContext;
        readonly settings: SmartSettings;
        readonly today: string;
      };
    }
  | {
      readonly type: 'ActivateGoal';
      /** No cap here: the approved submission took its slot when it was submitted. */
      readonly data: {
        readonly approvalRequestId: string;
        readonly submissionNumber: number;
        readonly checkInCadence: CheckInCadence;
        readonly now: Date;
        /** The employee's latest measurement of the target, frozen as the baseline. */
        readonly baseline: GoalMeasurement | null;
      };
    }
  | {
      /** Approval rejected a submission: the goal goes back to the employee to revise. */
      readonly type: 'RejectSubmission';
      readonly data: {
        readonly approvalRequestId: string;
        readonly submissionNumber: number;
        readonly rejectedBy: string;
        /** When approval recorded the decision. */
        readonly rejectedAt: string;
      };
    }
  | { readonly type: 'AddAction'; readonly data: { readonly action: DevelopmentAction } }
  | { readonly type: 'CompleteAction'; readonly data: { readonly actionId: string } }
  | {
      readonly type: 'LogCheckIn';
      readonly data: Omit<
        CheckInLogged['data'],
        'goalId' | 'employeeId' | 'nextDueAt' | 'onTime' | 'loggedBy'
      > & {
        /** The employee, their manager or an HR delegate. */
        readonly loggedBy: string;
        readonly now: Date;
      };
    }
  | {
      readonly type: 'AdjustGoal';
      readonly data: Pick<
        GoalAdjusted['data'],
        'adjustmentId' | 'changes' | 'reason' | 'adjustedBy'
      > & {
        /** What the adjusted goal is SMART-checked against, as a submission is. */
        readonly check: {
          readonly context: GoalContext;
          readonly settings: SmartSettings;
          readonly today: string;
        };
      };
    }
  | {
      readonly type: 'AcknowledgeAdjustment';
      readonly data: { readonly adjustmentId: string; readonly acknowledgedBy: string };
    }
  | {
      readonly type: 'CarryOverGoal';
      readonly data: { readonly fromPlanId: string; readonly toPlanId: string };
    }
  | {
      readonly type: 'RefuseAdjustment';
      readonly data: Pick<GoalAdjustmentRefused['data'], 'adjustmentId' | 'reason' | 'refusedBy'>;
    }
  | {
      /** A measurement of the goal's target: progress before the deadline, else the evaluation. */
      readonly type: 'MeasureProgress';
      readonly data: { readonly measurement: GoalMeasurement };
    }
  | {
      /** Someone asks for the evaluation now, on the latest measurement since the baseline. */
      readonly type: 'EvaluateGoal';
      readonly data: { readonly today: string };
    }
  | { readonly type: 'RecordEvidence'; readonly data: RecordEvidenceData }
  | {
      readonly type: 'WithdrawGoal';
      readonly data: { readonly reason: string; readonly withdrawnBy: string };
    };
