import type {
  CheckInLogged,
  GoalAdjusted,
  GoalDrafted,
  GoalSubmitted,
  PlanningEvent,
  Remeasured,
} from '@talentloop/contracts';
import { assertNever, type Decider } from '@talentloop/domain-kernel';
import { nextCheckInDue, type CheckInCadence } from './check-in-schedule';
import { evaluateGoal } from './evaluation';
import {
  applyChanges,
  contentOf,
  type DevelopmentAction,
  type GoalChanges,
  type GoalContent,
  type GoalContext,
  type SmartSettings,
} from './goal-content';
import {
  ActionAlreadyDone,
  AdjustmentNotPending,
  GoalNotFound,
  IllegalGoalTransition,
  SmartCheckFailed,
  UnknownAction,
} from './goal.errors';
import { checkSmart, failedChecks } from './smart-check';

export type GoalStatus = 'draft' | 'submitted' | 'revised' | 'active' | 'evaluated' | 'withdrawn';
/** How a goal reads to people: a submitted goal whose submission was rejected is revisable. */
export type GoalPhase = GoalStatus | 'rejected';

export interface GoalRecord {
  readonly goalId: string;
  readonly planId: string;
  readonly employeeId: string;
  readonly gapId: string | null;
  readonly drafted: GoalContent;
  readonly content: GoalContent;
  /** Why the employee wants the goal, given with the draft: what makes it relevant to them. */
  readonly motivationNote: string | null;
  readonly submissionNumber: number;
  readonly checkInCadence: CheckInCadence | null;
  readonly nextCheckInDueAt: string | null;
  readonly completedActionIds: readonly string[];
  /** Adjustments of target or deadline the manager has not acknowledged yet. */
  readonly unacknowledgedAdjustments: readonly string[];
}

export type GoalState =
  | { readonly status: 'none' }
  | (GoalRecord & { readonly status: GoalStatus });

/** The decision approval published on the latest submission, when it was a rejection. */
interface KnowsRejection {
  readonly rejectedSubmission?: number;
}

export type GoalCommand =
  | { readonly type: 'DraftGoal'; readonly data: GoalDrafted['data'] }
  | {
      readonly type: 'EditGoal';
      readonly data: KnowsRejection & { readonly changes: GoalChanges; readonly editedBy: string };
    }
  | {
      readonly type: 'SubmitGoal';
      /** The cap is not the goal's to decide: the employee's active set holds it (TakeSlot). */
      readonly data: KnowsRejection & {
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
      };
    }
  | { readonly type: 'AddAction'; readonly data: { readonly action: DevelopmentAction } }
  | { readonly type: 'CompleteAction'; readonly data: { readonly actionId: string } }
  | {
      readonly type: 'LogCheckIn';
      readonly data: Omit<
        CheckInLogged['data'],
        'goalId' | 'employeeId' | 'nextDueAt' | 'onTime'
      > & {
        readonly now: Date;
      };
    }
  | {
      readonly type: 'AdjustGoal';
      readonly data: Pick<
        GoalAdjusted['data'],
        'adjustmentId' | 'changes' | 'reason' | 'adjustedBy'
      >;
    }
  | {
      readonly type: 'AcknowledgeAdjustment';
      readonly data: { readonly adjustmentId: string; readonly acknowledgedBy: string };
    }
  | {
      readonly type: 'CarryOverGoal';
      readonly data: { readonly fromPlanId: string; readonly toPlanId: string };
    }
  | { readonly type: 'EvaluateGoal'; readonly data: { readonly remeasured: Remeasured['data'] } }
  | {
      readonly type: 'WithdrawGoal';
      readonly data: KnowsRejection & { readonly reason: string; readonly withdrawnBy: string };
    };

export const phaseOf = (
  state: GoalRecord & { readonly status: GoalStatus },
  rejectedSubmission: number | undefined,
): GoalPhase =>
  state.status === 'submitted' && rejectedSubmission === state.submissionNumber
    ? 'rejected'
    : state.status;

const existing = (state: GoalState) => {
  if (state.status === 'none') throw new GoalNotFound('there is no goal with this id');
  return state;
};

/** Refuses unless the goal is in one of the phases; the message names the phase it is in. */
const requirePhase = (
  state: GoalState,
  allowed: readonly GoalPhase[],
  action: string,
  rejectedSubmission?: number,
) => {
  const goal = existing(state);
  const phase = phaseOf(goal, rejectedSubmission);
  if (!allowed.includes(phase))
    throw new IllegalGoalTransition(
      `${/^[aeiou]/.test(phase) ? 'an' : 'a'} ${phase} goal cannot be ${action}`,
      { currentState: phase },
    );
  return goal;
};

/** A changed target, success-criterion target or deadline is a new commitment for the manager. */
const needsAcknowledgement = (changes: GoalChanges) =>
  changes.target !== undefined ||
  changes.successCriteria !== undefined ||
  changes.deadline !== undefined;

const submit = (
  data: Extract<GoalCommand, { type: 'SubmitGoal' }>['data'],
  state: GoalState,
): readonly PlanningEvent[] => {
  const goal = requirePhase(
    state,
    ['draft', 'revised', 'rejected'],
    'submitted',
    data.rejectedSubmission,
  );
  const smartChecks = checkSmart(goal.content, data.context, data.settings, data.today);
  const failed = failedChecks(smartChecks);
  if (failed.length > 0)
    throw new SmartCheckFailed(
      `the goal is not SMART yet: ${failed.map((f) => `${f.property}: ${f.explanation}`).join('; ')}`,
      { smartChecks },
    );
  const submitted: GoalSubmitted['data'] = {
    goalId: goal.goalId,
    planId: goal.planId,
    employeeId: goal.employeeId,
    ...(data.managerId === null ? {} : { managerId: data.managerId }),
    submissionNumber: goal.submissionNumber + 1,
    goal: goal.content,
    smartChecks: [...smartChecks],
  };
  return [{ type: 'GoalSubmitted', data: submitted }];
};

const logCheckIn = (
  data: Extract<GoalCommand, { type: 'LogCheckIn' }>['data'],
  state: GoalState,
): readonly PlanningEvent[] => {
  const goal = requirePhase(state, ['active'], 'checked in on');
  const { now, ...checkIn } = data;
  const known = new Set(goal.content.actions.map((action) => action.actionId));
  const unknown = checkIn.actionsTicked.find((id) => !known.has(id));
  if (unknown) throw new UnknownAction(`the goal has no action ${unknown}`);
  const newlyDone = checkIn.actionsTicked.filter((id) => !goal.completedActionIds.includes(id));
  const ids = { goalId: goal.goalId, employeeId: goal.employeeId };
  return [
    ...newlyDone.map(
      (actionId): PlanningEvent => ({
        type: 'ActionCompleted',
        data: { ...ids, actionId },
      }),
    ),
    {
      type: 'CheckInLogged',
      data: {
        ...checkIn,
        ...ids,
        // The cadence was set at activation, so an active goal always has one.
        nextDueAt: nextCheckInDue(now, goal.checkInCadence ?? 'monthly'),
        onTime: goal.nextCheckInDueAt === null || now.toISOString() <= goal.nextCheckInDueAt,
      },
    },
  ];
};

const decide = (command: GoalCommand, state: GoalState): readonly PlanningEvent[] => {
  switch (command.type) {
    case 'DraftGoal':
      // Drafting twice under one id is a retry of the same draft.
      return state.status === 'none' ? [{ type: 'GoalDrafted', data: command.data }] : [];
    case 'EditGoal': {
      const { changes, editedBy, rejectedSubmission } = command.data;
      const goal = requirePhase(
        state,
        ['draft', 'revised', 'rejected'],
        'edited',
        rejectedSubmission,
      );
      return [
        {
          type: 'GoalEdited',
          data: { goalId: goal.goalId, employeeId: goal.employeeId, changes, editedBy },
        },
      ];
    }
    case 'SubmitGoal':
      return submit(command.data, state);
    case 'ActivateGoal': {
      const { approvalRequestId, submissionNumber, checkInCadence, now } = command.data;
      const goal = existing(state);
      // A redelivered or superseded approval changes nothing.
      if (goal.status !== 'submitted' || submissionNumber !== goal.submissionNumber) return [];
      return [
        {
          type: 'GoalActivated',
          data: {
            goalId: goal.goalId,
            planId: goal.planId,
            employeeId: goal.employeeId,
            approvalRequestId,
            checkInCadence,
            nextCheckInDueAt: nextCheckInDue(now, checkInCadence),
          },
        },
      ];
    }
    case 'AddAction': {
      const goal = requirePhase(state, ['draft', 'revised', 'rejected', 'active'], 'given actions');
      if (goal.content.actions.some((action) => action.actionId === command.data.action.actionId))
        return [];
      return [
        {
          type: 'ActionAdded',
          data: { goalId: goal.goalId, employeeId: goal.employeeId, action: command.data.action },
        },
      ];
    }
    case 'CompleteAction': {
      const goal = requirePhase(state, ['active'], 'progressed');
      const { actionId } = command.data;
      if (!goal.content.actions.some((action) => action.actionId === actionId))
        throw new UnknownAction(`the goal has no action ${actionId}`);
      if (goal.completedActionIds.includes(actionId))
        throw new ActionAlreadyDone(`action ${actionId} is already done`);
      return [
        {
          type: 'ActionCompleted',
          data: { goalId: goal.goalId, employeeId: goal.employeeId, actionId },
        },
      ];
    }
    case 'LogCheckIn':
      return logCheckIn(command.data, state);
    case 'AdjustGoal': {
      const goal = requirePhase(state, ['active'], 'adjusted');
      return [
        {
          type: 'GoalAdjusted',
          data: {
            ...command.data,
            goalId: goal.goalId,
            employeeId: goal.employeeId,
            requiresAcknowledgement: needsAcknowledgement(command.data.changes),
          },
        },
      ];
    }
    case 'AcknowledgeAdjustment': {
      const goal = existing(state);
      const { adjustmentId, acknowledgedBy } = command.data;
      if (!goal.unacknowledgedAdjustments.includes(adjustmentId))
        throw new AdjustmentNotPending(`adjustment ${adjustmentId} does not await acknowledgement`);
      return [
        {
          type: 'GoalAdjustmentAcknowledged',
          data: { adjustmentId, goalId: goal.goalId, employeeId: goal.employeeId, acknowledgedBy },
        },
      ];
    }
    case 'CarryOverGoal': {
      const { fromPlanId, toPlanId } = command.data;
      const goal = requirePhase(
        state,
        ['draft', 'submitted', 'revised', 'rejected', 'active'],
        'carried over',
      );
      // Already in the new plan: a retry. A goal of a third plan was refused before (422).
      if (goal.planId !== fromPlanId) return [];
      const { goalId, employeeId } = goal;
      return [{ type: 'GoalCarriedOver', data: { goalId, employeeId, fromPlanId, toPlanId } }];
    }
    case 'EvaluateGoal': {
      const goal = existing(state);
      // Remeasurement evaluates active goals only; a redelivery finds it evaluated already.
      if (goal.status !== 'active') return [];
      return [
        {
          type: 'GoalEvaluated',
          data: evaluateGoal(goal.goalId, goal.employeeId, goal.content, command.data.remeasured),
        },
      ];
    }
    case 'WithdrawGoal': {
      const { reason, withdrawnBy, rejectedSubmission } = command.data;
      const goal = requirePhase(
        state,
        ['draft', 'submitted', 'revised', 'rejected', 'active'],
        'withdrawn',
        rejectedSubmission,
      );
      return [
        {
          type: 'GoalWithdrawn',
          data: { goalId: goal.goalId, employeeId: goal.employeeId, reason, withdrawnBy },
        },
      ];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: GoalState, event: PlanningEvent): GoalState => {
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
      submissionNumber: 0,
      checkInCadence: null,
      nextCheckInDueAt: null,
      completedActionIds: [],
      unacknowledgedAdjustments: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'GoalEdited':
      return {
        ...state,
        // An edit after a submission can only follow a rejection: the goal is being revised.
        status: state.status === 'submitted' ? 'revised' : state.status,
        content: applyChanges(state.content, event.data.changes),
      };
    case 'GoalSubmitted':
      return { ...state, status: 'submitted', submissionNumber: event.data.submissionNumber };
    case 'GoalActivated':
      return {
        ...state,
        status: 'active',
        checkInCadence: event.data.checkInCadence,
        nextCheckInDueAt: event.data.nextCheckInDueAt,
      };
    case 'ActionAdded':
      return {
        ...state,
        content: { ...state.content, actions: [...state.content.actions, event.data.action] },
      };
    case 'ActionCompleted':
      return { ...state, completedActionIds: [...state.completedActionIds, event.data.actionId] };
    case 'CheckInLogged':
      return { ...state, nextCheckInDueAt: event.data.nextDueAt };
    case 'GoalAdjusted':
      return {
        ...state,
        content: applyChanges(state.content, event.data.changes),
        unacknowledgedAdjustments: event.data.requiresAcknowledgement
          ? [...state.unacknowledgedAdjustments, event.data.adjustmentId]
          : state.unacknowledgedAdjustments,
      };
    case 'GoalAdjustmentAcknowledged':
      return {
        ...state,
        unacknowledgedAdjustments: state.unacknowledgedAdjustments.filter(
          (id) => id !== event.data.adjustmentId,
        ),
      };
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

export const goalDecider: Decider<GoalCommand, PlanningEvent, GoalState> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};
