import type {
  AdjustmentApprovalRequested,
  ApprovalEvent,
  ApprovalRequested,
  GoalApproved,
} from '@talentloop/contracts';
import { text } from '@talentloop/i18n';
import { assertNever, type Decider } from '@talentloop/domain-kernel';
import { addressedToFor, decidingRole, type AddressedTo, type Caller } from './access.rule';
import {
  ApprovalNotPending,
  ApprovalRequestNotFound,
  CheckInCadenceMismatch,
  FeedbackTooLong,
  FeedbackTooVague,
  StaleSubmission,
} from './approval-request.errors';
import { feedbackProblemText, MAX_ADJUSTMENT_FEEDBACK_LENGTH } from './feedback.rule';
import { isOverdue, pendingDaysAt, secondsBetween } from './pending-time';

type CheckInCadence = GoalApproved['data']['checkInCadence'];
type AdjustmentChanges = AdjustmentApprovalRequested['data']['changes'];

/** What a request asks the manager to agree to: a submitted goal, or an adjustment of one. */
export type ApprovalSubject =
  | { readonly kind: 'submission'; readonly submissionNumber: number }
  | {
      readonly kind: 'adjustment';
      readonly adjustmentId: string;
      /** The adjusted fields with their new values; the reason stays in the sealed event. */
      readonly changes: AdjustmentChanges;
    };

export type ApprovalKind = ApprovalSubject['kind'];

/**
 * The request as it stands: of a goal's latest submission (one thread per goal), or of one
 * adjustment (one request per adjustment). Routing, reassignment, reminders and who decides
 * are the same for both kinds.
 */
export type ApprovalThread = ApprovalSubject & {
  readonly requestId: string;
  readonly goalId: string;
  readonly employeeId: string;
  /** The manager who decides; null while the employee has none and HR decides as delegate. */
  readonly managerId: string | null;
  readonly addressedTo: AddressedTo;
  /** When the goal was submitted, or adjusted: what the turnaround and reminders count from. */
  readonly submittedAt: string;
  /** ApprovalOverdue was emitted for this submission or adjustment; it is emitted once. */
  readonly overdueReported: boolean;
};

export type ApprovalRequestState =
  | { readonly status: 'none' }
  | (ApprovalThread & {
      readonly status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
    });

interface DecisionInput {
  readonly caller: Caller;
  /** The submission the decider looked at; a newer one makes the decision stale. */
  readonly submissionNumber?: number;
  readonly now: Date;
}

export type ApprovalRequestCommand =
  | {
      readonly type: 'OpenApprovalRequest';
      readonly data: Omit<ApprovalRequested['data'], 'addressedTo'>;
    }
  | {
      readonly type: 'OpenAdjustmentApprovalRequest';
      readonly data: Omit<AdjustmentApprovalRequested['data'], 'addressedTo'>;
    }
  | {
      readonly type: 'ApproveRequest';
      readonly data: DecisionInput & {
        readonly note?: string;
        /** Required for a submission (the goal starts on it); an adjustment keeps the goal's. */
        readonly checkInCadence?: CheckInCadence;
      };
    }
  | {
      readonly type: 'RejectRequest';
      readonly data: DecisionInput & { readonly feedback: string };
    }
  | {
      readonly type: 'ReassignApproval';
      /** The manager the reporting line names now; null when it names none. */
      readonly data: { readonly toManagerId: string | null };
    }
  | {
      /** The employee withdrew the goal: a request still pending closes undecided. */
      readonly type: 'WithdrawApprovalRequest';
      readonly data: Record<string, never>;
    }
  | {
      readonly type: 'FlagOverdueApproval';
      readonly data: { readonly now: Date; readonly overdueAfterDays: number };
    };

const open = (
  data: Omit<ApprovalRequested['data'], 'addressedTo'>,
  state: ApprovalRequestState,
): readonly ApprovalEvent[] => {
  // A redelivered or older submission changes nothing; a revised goal reopens the thread.
  if (
    state.status !== 'none' &&
    (state.kind !== 'submission' || data.submissionNumber <= state.submissionNumber)
  )
    return [];
  return [
    { type: 'ApprovalRequested', data: { ...data, addressedTo: addressedToFor(data.managerId) } },
  ];
};

/** Who decides, and that a decision is due: the same for a submission and an adjustment. */
const pendingForDecision = (input: DecisionInput, state: ApprovalRequestState) => {
  if (state.status === 'none') throw new ApprovalRequestNotFound(text('approval.requestNotFound'));
  const decidedAs = decidingRole(state, input.caller);
  if (state.status !== 'pending')
    throw new ApprovalNotPending(
      text('approval.notPending', { status: text(`approval.status.${state.status}`) }),
      {
        requestStatus: state.status,
        ...(state.kind === 'submission' ? { submissionNumber: state.submissionNumber } : {}),
      },
    );
  if (
    state.kind === 'submission' &&
    input.submissionNumber !== undefined &&
    input.submissionNumber !== state.submissionNumber
  )
    throw new StaleSubmission(
      text('approval.staleSubmission', {
        submission: input.submissionNumber,
        awaiting: state.submissionNumber,
      }),
      { submissionNumber: state.submissionNumber },
    );
  const pending: ApprovalThread = state;
  return {
    pending,
    base: {
      requestId: state.requestId,
      goalId: state.goalId,
      employeeId: state.employeeId,
      decidedBy: input.caller.userId,
      decidedAs,
      turnaroundSeconds: secondsBetween(state.submittedAt, input.now),
    },
  };
};

const approve = (
  data: Extract<ApprovalRequestCommand, { type: 'ApproveRequest' }>['data'],
  state: ApprovalRequestState,
): readonly ApprovalEvent[] => {
  const { pending, base } = pendingForDecision(data, state);
  const { note, checkInCadence } = data;
  const noted = note === undefined ? {} : { note };
  if (pending.kind === 'adjustment') {
    if (checkInCadence !== undefined)
      throw new CheckInCadenceMismatch(text('approval.cadenceNotForAdjustment'));
    return [
      {
        type: 'AdjustmentApproved',
        data: { ...base, adjustmentId: pending.adjustmentId, ...noted },
      },
    ];
  }
  if (checkInCadence === undefined)
    throw new CheckInCadenceMismatch(text('approval.cadenceRequired'));
  return [
    {
      type: 'GoalApproved',
      data: { ...base, submissionNumber: pending.submissionNumber, ...noted, checkInCadence },
    },
  ];
};

/** Rejection is a conversation: the feedback must say what to change, on either kind. */
const reject = (
  data: Extract<ApprovalRequestCommand, { type: 'RejectRequest' }>['data'],
  state: ApprovalRequestState,
): readonly ApprovalEvent[] => {
  const { pending, base } = pendingForDecision(data, state);
  const problem = feedbackProblemText(data.feedback);
  if (problem) throw new FeedbackTooVague(problem);
  const feedback = data.feedback.trim();
  if (pending.kind === 'submission')
    return [
      {
        type: 'GoalRejected',
        data: { ...base, submissionNumber: pending.submissionNumber, feedback },
      },
    ];
  // The feedback becomes the reason of planning's refusal, which holds at most this much.
  if (feedback.length > MAX_ADJUSTMENT_FEEDBACK_LENGTH)
    throw new FeedbackTooLong(
      text('approval.feedbackTooLong', { max: MAX_ADJUSTMENT_FEEDBACK_LENGTH }),
    );
  return [
    { type: 'AdjustmentRejected', data: { ...base, adjustmentId: pending.adjustmentId, feedback } },
  ];
};

const decide = (
  command: ApprovalRequestCommand,
  state: ApprovalRequestState,
): readonly ApprovalEvent[] => {
  switch (command.type) {
    case 'OpenApprovalRequest':
      return open(command.data, state);
    case 'OpenAdjustmentApprovalRequest':
      // One request per adjustment: a redelivered adjustment changes nothing.
      if (state.status !== 'none') return [];
      return [
        {
          type: 'AdjustmentApprovalRequested',
          data: { ...command.data, addressedTo: addressedToFor(command.data.managerId) },
        },
      ];
    case 'ApproveRequest':
      return approve(command.data, state);
    case 'RejectRequest':
      return reject(command.data, state);
    case 'ReassignApproval': {
      const { toManagerId } = command.data;
      if (state.status !== 'pending' || state.managerId === toManagerId) return [];
      return [
        {
          type: 'ApprovalReassigned',
          data: {
            requestId: state.requestId,
            goalId: state.goalId,
            employeeId: state.employeeId,
            fromManagerId: state.managerId,
            toManagerId,
            addressedTo: addressedToFor(toManagerId),
            reason: 'reporting-line-change',
          },
        },
      ];
    }
    case 'WithdrawApprovalRequest':
      // Decided already, or closed before: a withdrawal changes nothing.
      if (state.status !== 'pending') return [];
      return [
        {
          type: 'ApprovalWithdrawn',
          data: {
            requestId: state.requestId,
            goalId: state.goalId,
            employeeId: state.employeeId,
            kind: state.kind,
            reason: 'goal-withdrawn',
          },
        },
      ];
    case 'FlagOverdueApproval': {
      const { now, overdueAfterDays } = command.data;
      if (
        state.status !== 'pending' ||
        state.overdueReported ||
        !isOverdue(state.submittedAt, now, overdueAfterDays)
      )
        return [];
      return [
        {
          type: 'ApprovalOverdue',
          data: {
            requestId: state.requestId,
            goalId: state.goalId,
            employeeId: state.employeeId,
            managerId: state.managerId,
            addressedTo: state.addressedTo,
            pendingDays: pendingDaysAt(state.submittedAt, now),
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: ApprovalRequestState, event: ApprovalEvent): ApprovalRequestState => {
  switch (event.type) {
    case 'ApprovalRequested': {
      const { submissionNumber, ...request } = event.data;
      return {
        status: 'pending',
        ...request,
        kind: 'submission',
        submissionNumber,
        overdueReported: false,
      };
    }
    case 'AdjustmentApprovalRequested': {
      // The reason (sealed) and who adjusted stay in the event: the thread shows them there.
      const { data } = event;
      return {
        status: 'pending',
        kind: 'adjustment',
        requestId: data.requestId,
        goalId: data.goalId,
        employeeId: data.employeeId,
        managerId: data.managerId,
        addressedTo: data.addressedTo,
        submittedAt: data.submittedAt,
        adjustmentId: data.adjustmentId,
        changes: data.changes,
        overdueReported: false,
      };
    }
    case 'GoalApproved':
    case 'GoalRejected':
    case 'AdjustmentApproved':
    case 'AdjustmentRejected':
    case 'ApprovalReassigned':
    case 'ApprovalOverdue':
    case 'ApprovalWithdrawn':
      return state.status === 'none' ? state : evolveRequest(state, event);
    default:
      return assertNever(event);
  }
};

const evolveRequest = (
  state: Exclude<ApprovalRequestState, { status: 'none' }>,
  event: Exclude<ApprovalEvent, ApprovalRequested | AdjustmentApprovalRequested>,
): ApprovalRequestState => {
  switch (event.type) {
    case 'GoalApproved':
    case 'AdjustmentApproved':
      return { ...state, status: 'approved' };
    case 'GoalRejected':
    case 'AdjustmentRejected':
      return { ...state, status: 'rejected' };
    case 'ApprovalReassigned':
      return { ...state, managerId: event.data.toManagerId, addressedTo: event.data.addressedTo };
    case 'ApprovalOverdue':
      return { ...state, overdueReported: true };
    case 'ApprovalWithdrawn':
      return { ...state, status: 'withdrawn' };
    default:
      return assertNever(event);
  }
};

export const approvalRequestDecider: Decider<
  ApprovalRequestCommand,
  ApprovalEvent,
  ApprovalRequestState
> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};
