import type { ApprovalEvent, ApprovalRequested } from '@talentloop/contracts';
import { fold } from '@talentloop/domain-kernel';
import { DeciderSpecification } from '@talentloop/testing';
import { approvalRequestDecider, type ApprovalRequestCommand } from './approval-request.decider';
import {
  ApprovalNotPending,
  ApprovalRequestNotFound,
  CheckInCadenceMismatch,
  FeedbackTooVague,
  NotAllowedToDecide,
  StaleSubmission,
} from './approval-request.errors';

const spec = DeciderSpecification.for(approvalRequestDecider);
const submittedAt = '2026-02-02T10:00:00.000Z';
const now = new Date('2026-02-03T10:00:00.000Z');
// Fixtures the histories below are built from at collection time, so they come first.
const ids = { requestId: 'apr-1', goalId: 'goal-3001', employeeId: 'emp-1001' };
const manager = { userId: 'emp-0007', roles: ['manager'] };
const hr = { userId: 'hr-17', roles: ['hr'] };
const feedback = 'Name the meetings where you will practise, and make the target 60.';

describe('no request yet', () => {
  it('opens a request addressed to the manager for a submitted goal', () =>
    spec
      .given([])
      .when(open(1))
      .then([requested(1)]));

  it('refuses a decision on a request that does not exist', () =>
    spec.given([]).when(approve(manager)).thenThrows(ApprovalRequestNotFound));

  it('reassigns nothing when there is no request', () =>
    spec.given([]).when(reassign('emp-0031')).then([]));
});

describe('a pending request', () => {
  const history = [requested(1)];

  it('does not open twice for a redelivered submission', () =>
    spec.given(history).when(open(1)).then([]));

  it('is approved by the current manager, with the turnaround since submission', () =>
    spec
      .given(history)
      .when(approve(manager, { note: 'Good focus on the kick-offs.' }))
      .then([approved({ note: 'Good focus on the kick-offs.' })]));

  it('is approved by HR acting as delegate, recorded as such', () =>
    spec
      .given(history)
      .when(approve(hr))
      .then([approved({ decidedBy: 'hr-17', decidedAs: 'hr-delegate' })]));

  it('cannot be decided by the employee, even with the HR role', () =>
    spec
      .given(history)
      .when(approve({ userId: 'emp-1001', roles: ['employee', 'hr'] }))
      .thenThrows(NotAllowedToDecide, /own goal/));

  it('cannot be decided by another manager', () =>
    spec
      .given(history)
      .when(approve({ userId: 'emp-0099', roles: ['manager'] }))
      .thenThrows(NotAllowedToDecide, /current manager \(emp-0007\)/));

  it('is rejected with feedback the employee can act on', () =>
    spec
      .given(history)
      .when(reject(feedback))
      .then([rejected(1)]));

  it('refuses a rejection with placeholder feedback', () =>
    spec.given(history).when(reject('n/a')).thenThrows(FeedbackTooVague));

  it('is not approved without the check-in cadence the goal starts on', () =>
    spec
      .given(history)
      .when({ type: 'ApproveRequest', data: { caller: manager, now } })
      .thenThrows(CheckInCadenceMismatch, /check-in cadence/));

  it('refuses a decision on a submission that is no longer awaiting one', () =>
    spec
      .given(history)
      .when(approve(manager, { submissionNumber: 2 }))
      .thenThrows(StaleSubmission));

  it('moves to the new manager when the reporting line changes', () =>
    spec
      .given(history)
      .when(reassign('emp-0031'))
      .then([
        {
          type: 'ApprovalReassigned',
          data: {
            ...ids,
            fromManagerId: 'emp-0007',
            toManagerId: 'emp-0031',
            addressedTo: 'manager',
            reason: 'reporting-line-change',
          },
        },
      ]));

  it('is not reassigned to the manager it already has', () =>
    spec.given(history).when(reassign('emp-0007')).then([]));

  it('is flagged overdue once it has waited the configured days', () =>
    spec
      .given(history)
      .when(flagOverdue('2026-02-09T10:00:00.000Z', 7))
      .then([
        {
          type: 'ApprovalOverdue',
          data: { ...ids, managerId: 'emp-0007', addressedTo: 'manager', pendingDays: 7 },
        },
      ]));

  it('moves to HR as delegate when the reporting line names no manager any more', () =>
    spec
      .given(history)
      .when(reassign(null))
      .then([
        {
          type: 'ApprovalReassigned',
          data: {
            ...ids,
            fromManagerId: 'emp-0007',
            toManagerId: null,
            addressedTo: 'hr-delegate',
            reason: 'reporting-line-change',
          },
        },
      ]));

  it('is not flagged overdue before the configured days', () =>
    spec.given(history).when(flagOverdue('2026-02-09T09:59:59.000Z', 7)).then([]));
});

describe('a reassigned request', () => {
  const history = [requested(1), reassigned('emp-0031')];

  it('is no longer decided by the former manager', () =>
    spec.given(history).when(approve(manager)).thenThrows(NotAllowedToDecide));

  it('is decided by the new manager', () =>
    spec
      .given(history)
      .when(approve({ userId: 'emp-0031', roles: ['manager'] }))
      .then([approved({ decidedBy: 'emp-0031' })]));
});

describe('a request of an employee without a manager', () => {
  const history = [requestedOfNoManager(1)];

  it('is opened addressed to HR as delegate, visibly', () =>
    spec
      .given([])
      .when(openOfNoManager(1))
      .then([requestedOfNoManager(1)]));

  it('is decided by HR, recorded as delegate', () =>
    spec
      .given(history)
      .when(approve(hr))
      .then([approved({ decidedBy: 'hr-17', decidedAs: 'hr-delegate' })]));

  it('cannot be decided by a manager, and says HR decides until a manager is named', () =>
    spec
      .given(history)
      .when(approve(manager))
      .thenThrows(NotAllowedToDecide, /no manager: HR decides as delegate/));

  it('moves to the manager the HRIS names', () =>
    spec
      .given(history)
      .when(reassign('emp-0031'))
      .then([
        {
          type: 'ApprovalReassigned',
          data: {
            ...ids,
            fromManagerId: null,
            toManagerId: 'emp-0031',
            addressedTo: 'manager',
            reason: 'reporting-line-change',
          },
        },
      ]));

  it('stays with HR while the reporting line still names no manager', () =>
    spec.given(history).when(reassign(null)).then([]));

  it('is flagged overdue as waiting on HR', () =>
    spec
      .given(history)
      .when(flagOverdue('2026-02-09T10:00:00.000Z', 7))
      .then([
        {
          type: 'ApprovalOverdue',
          data: { ...ids, managerId: null, addressedTo: 'hr-delegate', pendingDays: 7 },
        },
      ]));

  it('is decided by the named manager once it moved to them', () =>
    spec
      .given([...history, reassigned('emp-0031', null)])
      .when(approve({ userId: 'emp-0031', roles: ['manager'] }))
      .then([approved({ decidedBy: 'emp-0031' })]));
});

describe('an overdue request', () => {
  it('is flagged overdue only once', () =>
    spec
      .given([requested(1), overdue()])
      .when(flagOverdue('2026-02-20T10:00:00.000Z', 7))
      .then([]));
});

describe('a rejected request', () => {
  const history = [requested(1), rejected(1)];

  it('reopens the same thread for the revised goal', () =>
    spec
      .given(history)
      .when(open(2))
      .then([requested(2)]));

  it('cannot be decided again until the goal is revised', () =>
    spec.given(history).when(approve(manager)).thenThrows(ApprovalNotPending));

  it('ignores an older submission delivered late', () =>
    spec
      .given([...history, requested(2)])
      .when(open(1))
      .then([]));
});

describe('an approved request', () => {
  it('cannot be decided twice', () =>
    spec
      .given([requested(1), approved()])
      .when(reject(feedback))
      .thenThrows(ApprovalNotPending, /approved/));
});

describe('a request whose goal was withdrawn', () => {
  const withdraw: ApprovalRequestCommand = { type: 'WithdrawApprovalRequest', data: {} };
  const withdrawn: ApprovalEvent = {
    type: 'ApprovalWithdrawn',
    data: { ...ids, kind: 'submission', reason: 'goal-withdrawn' },
  };

  it('closes undecided while it is pending', () =>
    spec
      .given([requested(1)])
      .when(withdraw)
      .then([withdrawn]));
  it('cannot be decided any more, saying it was withdrawn', () =>
    spec
      .given([requested(1), withdrawn])
      .when(approve(manager))
      .thenThrows(ApprovalNotPending, /withdrawn/));
  it('is closed once: a redelivered withdrawal changes nothing', () =>
    spec
      .given([requested(1), withdrawn])
      .when(withdraw)
      .then([]));
  it('keeps a decision taken before the withdrawal', () =>
    spec
      .given([requested(1), approved()])
      .when(withdraw)
      .then([]));
  it('is not flagged overdue once closed', () =>
    spec
      .given([requested(1), withdrawn])
      .when(flagOverdue('2026-02-20T10:00:00.000Z', 7))
      .then([]));
});

describe('replaying the history', () => {
  it('rebuilds the same state as deciding step by step', () => {
    const history = [requested(1), rejected(1), requested(2), reassigned('emp-0031')];
    expect(fold(approvalRequestDecider, history)).toEqual({
      status: 'pending',
      ...ids,
      kind: 'submission',
      managerId: 'emp-0031',
      addressedTo: 'manager',
      submissionNumber: 2,
      submittedAt,
      overdueReported: false,
    });
  });
});

function open(submissionNumber: number): ApprovalRequestCommand {
  return {
    type: 'OpenApprovalRequest',
    data: { ...ids, managerId: 'emp-0007', submissionNumber, submittedAt },
  };
}

function openOfNoManager(submissionNumber: number): ApprovalRequestCommand {
  return {
    type: 'OpenApprovalRequest',
    data: { ...ids, managerId: null, submissionNumber, submittedAt },
  };
}

function approve(
  caller: { userId: string; roles: string[] },
  extra: { note?: string; submissionNumber?: number } = {},
): ApprovalRequestCommand {
  return { type: 'ApproveRequest', data: { caller, now, checkInCadence: 'fortnightly', ...extra } };
}

function reject(text: string): ApprovalRequestCommand {
  return { type: 'RejectRequest', data: { caller: manager, now, feedback: text } };
}

function reassign(toManagerId: string | null): ApprovalRequestCommand {
  return { type: 'ReassignApproval', data: { toManagerId } };
}

function flagOverdue(at: string, overdueAfterDays: number): ApprovalRequestCommand {
  return { type: 'FlagOverdueApproval', data: { now: new Date(at), overdueAfterDays } };
}

function requested(submissionNumber: number): ApprovalRequested {
  return {
    type: 'ApprovalRequested',
    data: { ...ids, managerId: 'emp-0007', addressedTo: 'manager', submissionNumber, submittedAt },
  };
}

function requestedOfNoManager(submissionNumber: number): ApprovalRequested {
  return {
    type: 'ApprovalRequested',
    data: { ...ids, managerId: null, addressedTo: 'hr-delegate', submissionNumber, submittedAt },
  };
}

function decision(submissionNumber: number) {
  return {
    ...ids,
    submissionNumber,
    decidedBy: 'emp-0007',
    decidedAs: 'manager' as const,
    turnaroundSeconds: 86_400,
  };
}

function approved(
  extra: { note?: string; decidedBy?: string; decidedAs?: 'manager' | 'hr-delegate' } = {},
): ApprovalEvent {
  return {
    type: 'GoalApproved',
    data: { ...decision(1), checkInCadence: 'fortnightly', ...extra },
  };
}

function rejected(submissionNumber: number): ApprovalEvent {
  return { type: 'GoalRejected', data: { ...decision(submissionNumber), feedback } };
}

function reassigned(toManagerId: string, fromManagerId: string | null = 'emp-0007'): ApprovalEvent {
  return {
    type: 'ApprovalReassigned',
    data: {
      ...ids,
      fromManagerId,
      toManagerId,
      addressedTo: 'manager',
      reason: 'reporting-line-change',
    },
  };
}

function overdue(): ApprovalEvent {
  return {
    type: 'ApprovalOverdue',
    data: { ...ids, managerId: 'emp-0007', addressedTo: 'manager', pendingDays: 7 },
  };
}
