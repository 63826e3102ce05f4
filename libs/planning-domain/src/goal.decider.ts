import type { GoalSubmitted, PlanningEvent } from '@talentloop/contracts';
import { assertNever, type Decider } from '@talentloop/domain-kernel';
import { text } from '@talentloop/i18n';
import { restoredBy } from './adjustments';
import { nextCheckInDue } from './check-in-schedule';
import { evaluateOnRequest, recordEvidence } from './evidence.decide';
import { evaluateGoal, isAtOrAfterDeadline, isLaterThanBaseline } from './evaluation';
import { applyChanges, isEvidenceOnly, type GoalChanges, type GoalContent } from './goal-content';
import type { GoalCommand } from './goal.commands';
import {
  ActionAlreadyDone,
  GoalNotFound,
  IllegalGoalTransition,
  NotAnAdjustment,
  NotAllowed,
  SmartCheckFailed,
  UnknownAction,
} from './goal.errors';
import { evolveGoal, type GoalRecord, type GoalState, type GoalStatus } from './goal.state';
import {
  failedChecks,
  findAdjustedSmart,
  findSubmissionSmart,
  smartChecksIn,
  smartFailures,
} from './smart-check';

const existing = (state: GoalState) => {
  if (state.status === 'none') throw new GoalNotFound(text('planning.goalNotFound'));
  return state;
};

/** What a command would do to a goal, as a refusal names it (`planning.action.*`). */
type GoalAction =
  | 'adjusted'
  | 'agreedTo'
  | 'carriedOver'
  | 'checkedInOn'
  | 'edited'
  | 'evaluated'
  | 'givenActions'
  | 'givenEvidence'
  | 'progressed'
  | 'setBack'
  | 'submitted'
  | 'withdrawn';

/** Refuses unless the goal is in one of the phases; the message names the phase it is in. */
const requirePhase = (state: GoalState, allowed: readonly GoalStatus[], action: GoalAction) => {
  const goal = existing(state);
  if (!allowed.includes(goal.status))
    throw new IllegalGoalTransition(
      text('planning.illegalTransition', {
        goal: text(`planning.phase.${goal.status}`),
        action: text(`planning.action.${action}`),
      }),
      { currentState: goal.status },
    );
  return goal;
};

/** A goal the employee still shapes: a draft, or a submission rejected or being revised. */
const requireRevisable = (state: GoalState, action: GoalAction) =>
  requirePhase(state, ['draft', 'revised', 'rejected'], action);

/** The same development target: kind and competency; the indicators may change. */
const isSameTarget = (changed: GoalContent['target'], current: GoalContent['target']) =>
  changed.kind === current.kind && changed.competencyId === current.competencyId;

/**
 * A changed target, success criteria or deadline is a new commitment: it needs the manager's
 * agreement, asked through approval as a submission is (ADR 0015).
 */
const needsAcknowledgement = (changes: GoalChanges) =>
  changes.target !== undefined ||
  changes.successCriteria !== undefined ||
  changes.deadline !== undefined;

const submit = (
  data: Extract<GoalCommand, { type: 'SubmitGoal' }>['data'],
  state: GoalState,
): readonly PlanningEvent[] => {
  const goal = requireRevisable(state, 'submitted');
  const findings = findSubmissionSmart(
    goal.content,
    goal.agreement,
    data.context,
    data.settings,
    data.today,
  );
  if (failedChecks(findings).length > 0)
    throw new SmartCheckFailed(
      text('planning.notSmartYet', { failures: smartFailures(findings) }),
      findings,
    );
  // What GoalSubmitted stores is English, as it always was; readers render their own.
  const smartChecks = smartChecksIn(findings, 'en');
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
  const goal = requirePhase(state, ['active'], 'checkedInOn');
  const { now, ...checkIn } = data;
  // The notes are the manager's side of the conversation: the employee's are the answers.
  if (checkIn.managerNotes !== undefined && checkIn.loggedBy === goal.employeeId)
    throw new NotAllowed(text('planning.managerNotes'));
  const known = new Set(goal.content.actions.map((action) => action.actionId));
  const unknown = checkIn.actionsTicked.find((id) => !known.has(id));
  if (unknown) throw new UnknownAction(text('planning.unknownAction', { actionId: unknown }));
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

const isPending = (goal: GoalRecord, adjustmentId: string) =>
  goal.pendingAdjustments.some((pending) => pending.adjustmentId === adjustmentId);

/**
 * A refused adjustment is not in force: the goal goes back to what it said before it, for the
 * fields no later adjustment changed again, and stays active. Approval's rejection is the only
 * way here, decided once per adjustment: one no longer pending (a redelivered decision, or an
 * adjustment that needed no agreement) changes nothing.
 */
const refuseAdjustment = (
  data: Extract<GoalCommand, { type: 'RefuseAdjustment' }>['data'],
  state: GoalState,
): readonly PlanningEvent[] => {
  const goal = requirePhase(state, ['active'], 'setBack');
  const refused = goal.pendingAdjustments.find(
    (pending) => pending.adjustmentId === data.adjustmentId,
  );
  if (!refused) return [];
  return [
    {
      type: 'GoalAdjustmentRefused',
      data: {
        ...data,
        goalId: goal.goalId,
        employeeId: goal.employeeId,
        restored: restoredBy(refused),
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
      const { changes, editedBy } = command.data;
      const goal = requireRevisable(state, 'edited');
      return [
        {
          type: 'GoalEdited',
          data: { goalId: goal.goalId, employeeId: goal.employeeId, changes, editedBy },
        },
      ];
    }
    case 'AgreeToGoal': {
      const { motivation, agreedBy } = command.data;
      const goal = requireRevisable(state, 'agreedTo');
      // Only the employee can agree to their own goal; a manager or HR cannot do it for them.
      if (agreedBy !== goal.employeeId) throw new NotAllowed(text('planning.agreementIsOwn'));
      // Already agreed to as it stands, in these words: a repeat changes nothing.
      if (goal.agreement?.motivation === motivation) return [];
      return [
        {
          type: 'GoalAgreed',
          data: { goalId: goal.goalId, employeeId: goal.employeeId, motivation, agreedBy },
        },
      ];
    }
    case 'SubmitGoal':
      return submit(command.data, state);
    case 'ActivateGoal': {
      const { approvalRequestId, submissionNumber, checkInCadence, now, baseline } = command.data;
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
            baseline,
          },
        },
      ];
    }
    case 'RejectSubmission': {
      const goal = existing(state);
      // A redelivered or superseded rejection changes nothing, as an approval's does.
      if (goal.status !== 'submitted' || command.data.submissionNumber !== goal.submissionNumber)
        return [];
      return [
        {
          type: 'GoalSubmissionRejected',
          data: { goalId: goal.goalId, employeeId: goal.employeeId, ...command.data },
        },
      ];
    }
    case 'AddAction': {
      const goal = requirePhase(state, ['draft', 'revised', 'rejected', 'active'], 'givenActions');
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
        throw new UnknownAction(text('planning.unknownAction', { actionId }));
      if (goal.completedActionIds.includes(actionId))
        throw new ActionAlreadyDone(text('planning.actionAlreadyDone', { actionId }));
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
      const { changes, check } = command.data;
      const switched = changes.target && !isSameTarget(changes.target, goal.content.target);
      if (switched)
        throw new NotAnAdjustment(
          text('planning.notAnAdjustment', {
            kind: changes.target?.kind ?? 'undefined',
            competencyId: changes.target?.competencyId ?? 'undefined',
            current: goal.content.target.competencyId,
          }),
        );
      const findings = findAdjustedSmart(
        applyChanges(goal.content, changes),
        check.context,
        check.settings,
        check.today,
      );
      if (failedChecks(findings).length > 0)
        throw new SmartCheckFailed(
          text('planning.adjustedNotSmart', { failures: smartFailures(findings) }),
          findings,
        );
      const { adjustmentId, reason, adjustedBy } = command.data;
      return [
        {
          type: 'GoalAdjusted',
          data: {
            adjustmentId,
            changes,
            reason,
            adjustedBy,
            goalId: goal.goalId,
            employeeId: goal.employeeId,
            requiresAcknowledgement: needsAcknowledgement(changes),
          },
        },
      ];
    }
    case 'AcknowledgeAdjustment': {
      const goal = existing(state);
      const { adjustmentId, acknowledgedBy } = command.data;
      // Approval's agreement, decided once per adjustment: again, it changes nothing.
      if (!isPending(goal, adjustmentId)) return [];
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
        'carriedOver',
      );
      // Already in the new plan: a retry. A goal of a third plan was refused before (422).
      if (goal.planId !== fromPlanId) return [];
      const { goalId, employeeId } = goal;
      return [{ type: 'GoalCarriedOver', data: { goalId, employeeId, fromPlanId, toPlanId } }];
    }
    case 'RefuseAdjustment':
      return refuseAdjustment(command.data, state);
    case 'MeasureProgress': {
      const { measurement } = command.data;
      const goal = existing(state);
      // Only an active goal grows; a measurement not newer than what it knows (a redelivery,
      // the baseline itself, one imported late) changes nothing. Nor does one of a goal whose
      // criteria are all met by evidence: no score of it is read.
      if (goal.status !== 'active' || isEvidenceOnly(goal.content)) return [];
      if (!isLaterThanBaseline(measurement, goal.baseline)) return [];
      if (goal.progress && !isLaterThanBaseline(measurement, goal.progress)) return [];
      if (isAtOrAfterDeadline(measurement, goal.content.deadline))
        return [
          { type: 'GoalEvaluated', data: evaluateGoal(goal, goal.baseline, measurement, false) },
        ];
      return [
        {
          type: 'GoalProgressMeasured',
          data: {
            goalId: goal.goalId,
            employeeId: goal.employeeId,
            measurement,
            baselineMeasurementId: goal.baseline?.measurementId ?? null,
          },
        },
      ];
    }
    case 'EvaluateGoal':
      return evaluateOnRequest(command.data.today, requirePhase(state, ['active'], 'evaluated'));
    case 'RecordEvidence':
      return recordEvidence(command.data, requirePhase(state, ['active'], 'givenEvidence'));
    case 'WithdrawGoal': {
      const { reason, withdrawnBy } = command.data;
      const goal = requirePhase(
        state,
        ['draft', 'submitted', 'revised', 'rejected', 'active'],
        'withdrawn',
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

export const goalDecider: Decider<GoalCommand, PlanningEvent, GoalState> = {
  initialState: () => ({ status: 'none' }),
  evolve: evolveGoal,
  decide,
};
