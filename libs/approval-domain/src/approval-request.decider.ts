import type { ApprovalEvent, ApprovalRequested, GoalApproved } from '@talentloop/contracts';
import { text } from '@talentloop/i18n';
import { assertNever, type Decider } from '@talentloop/domain-kernel';
import { addressedToFor, decidingRole, type AddressedTo, type Caller } from './access.rule';
import {
  ApprovalNotPending,
  ApprovalRequestNotFound,
  FeedbackTooVague,
  StaleSubmission,
} from './approval-request.errors';
import { feedbackProblemText } from './feedback.rule';
import { isOverdue, pendingDaysAt, secondsBetween } from './pending-time';

type CheckInCadence = GoalApproved['data']['checkInCadence'];
/** The fields GoalApproved and GoalRejected share. */
type DecisionData = Omit<GoalApproved['data'], 'note' | 'checkInCadence'>;

/** The request as it stands for its latest submission; one thread per goal. */
export interface ApprovalThread {
  readonly requestId: string;
  readonly goalId: string;
  readonly employeeId: string;
  /** The manager who decides; null while the employee has none and HR decides as delegate. */
  readonly managerId: string | null;
  readonly addressedTo: AddressedTo;
  readonly submissionNumber: number;
  readonly submittedAt: string;
  /** ApprovalOverdue was emitted for this submission; it is emitted once. */
  readonly overdueReported: boolean;
}

export type ApprovalRequestState =
  | { readonly status: 'none' }
  | (ApprovalThread & { readonly status: 'pending' | 'approved' | 'rejected' });

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
      readonly type: 'ApproveGoal';
      readonly data: DecisionInput & {
        readonly note?: string;
        readonly checkInCadence: CheckInCadence;
      };
    }
  | { readonly type: 'RejectGoal'; readonly data: DecisionInput & { readonly feedback: string } }
  | {
      readonly type: 'ReassignApproval';
      /** The manager the reporting line names now; null when it names none. */
      readonly data: { readonly toManagerId: string | null };
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
  if (state.status !== 'none' && data.submissionNumber <= state.submissionNumber) return [];
  return [
    { type: 'ApprovalRequested', data: { ...data, addressedTo: addressedToFor(data.managerId) } },
  ];
};

/** What every decision shares, after checking who decides and that a decision is due. */
const decisionBase = (input: DecisionInput, state: ApprovalRequestState): DecisionData => {
  if (state.status === 'none') throw new ApprovalRequestNotFound(text('approval.requestNotFound'));
  const decidedAs = decidingRole(state, input.caller);
  if (state.status !== 'pending')
    throw new ApprovalNotPending(
      text('approval.notPending', { status: text(`approval.status.${state.status}`) }),
      {
        requestStatus: state.status,
        submissionNumber: state.submissionNumber,
      },
    );
  if (input.submissionNumber !== undefined && input.submissionNumber !== state.submissionNumber)
    throw new StaleSubmission(
      text('approval.staleSubmission', {
        submission: input.submissionNumber,
        awaiting: state.submissionNumber,
      }),
      { submissionNumber: state.submissionNumber },
    );
  return {
    requestId: state.requestId,
    goalId: state.goalId,
    employeeId: state.employeeId,
    submissionNumber: state.submissionNumber,
    decidedBy: input.caller.userId,
    decidedAs,
    turnaroundSeconds: secondsBetween(state.submittedAt, input.now),
  };
};

const decide = (
  command: ApprovalRequestCommand,
  state: ApprovalRequestState,
): readonly ApprovalEvent[] => {
  switch (command.type) {
    case 'OpenApprovalRequest':
      return open(command.data, state);
    case 'ApproveGoal': {
      const { note, checkInCadence } = command.data;
      const base = decisionBase(command.data, state);
      return [
        {
          type: 'GoalApproved',
          data: { ...base, ...(note === undefined ? {} : { note }), checkInCadence },
        },
      ];
    }
    case 'RejectGoal': {
      const base = decisionBase(command.data, state);
      const problem = feedbackProblemText(command.data.feedback);
      if (problem) throw new FeedbackTooVague(problem);
      return [{ type: 'GoalRejected', data: { ...base, feedback: command.data.feedback.trim() } }];
    }
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
  if (event.type === 'ApprovalRequested')
    return { status: 'pending', ...event.data, overdueReported: false };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'GoalApproved':
      return { ...state, status: 'approved' };
    case 'GoalRejected':
      return { ...state, status: 'rejected' };
    case 'ApprovalReassigned':
      return { ...state, managerId: event.data.toManagerId, addressedTo: event.data.addressedTo };
    case 'ApprovalOverdue':
      return { ...state, overdueReported: true };
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
