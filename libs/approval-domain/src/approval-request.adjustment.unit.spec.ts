import type { AdjustmentApprovalRequested, ApprovalEvent } from '@talentloop/contracts';
import { fold } from '@talentloop/domain-kernel';
import { DeciderSpecification } from '@talentloop/testing';
import { approvalRequestDecider, type ApprovalRequestCommand } from './approval-request.decider';
import {
  ApprovalNotPending,
  CheckInCadenceMismatch,
  FeedbackTooLong,
  FeedbackTooVague,
  NotAllowedToDecide,
} from './approval-request.errors';

const spec = DeciderSpecification.for(approvalRequestDecider);
const submittedAt = '2026-04-02T10:00:00.000Z';
const now = new Date('2026-04-02T12:00:00.000Z');
// Fixtures the histories below are built from at collection time, so they come first.
const ids = { requestId: 'apr-2', goalId: 'goal-3001', employeeId: 'emp-1001' };
const adjustment = { adjustmentId: 'adj-1', changes: { deadline: '2026-09-30' } };
const manager = { userId: 'emp-0007', roles: ['manager'] };
const hr = { userId: 'hr-17', roles: ['hr'] };
const reason = 'Two months of parental leave moved the practice period.';
const feedback = 'The leave is covered by the milestones; keep the July deadline.';

describe('no request of the adjustment yet', () => {
  it('opens one addressed to the manager, with the changes and the reason', () =>
    spec
      .given([])
      .when(open('emp-0007'))
      .then([requested('emp-0007')]));

  it('opens one addressed to HR as delegate when the employee has no manager', () =>
    spec
      .given([])
      .when(open(null))
      .then([requested(null)]));
});

describe('a pending request of an adjustment', () => {
  const history = [requested('emp-0007')];

  it('does not open twice for a redelivered adjustment', () =>
    spec.given(history).when(open('emp-0007')).then([]));

  it('is approved by the current manager, with the turnaround since the adjustment', () =>
    spec
      .given(history)
      .when(approve(manager))
      .then([
        {
          type: 'AdjustmentApproved',
          data: { ...ids, adjustmentId: 'adj-1', ...decidedBy('emp-0007', 'manager') },
        },
      ]));

  it('is approved without a check-in cadence: the goal keeps its own', () =>
    spec
      .given(history)
      .when(approve(manager, 'weekly'))
      .thenThrows(CheckInCadenceMismatch, /keeps the check-in cadence/));

  it('is rejected with feedback, which becomes the reason of the refusal', () =>
    spec
      .given(history)
      .when(reject(`  ${feedback}  `))
      .then([rejected()]));

  it('refuses a rejection with placeholder feedback', () =>
    spec.given(history).when(reject('not good enough')).thenThrows(FeedbackTooVague));

  it('refuses feedback longer than the refusal can hold', () =>
    spec
      .given(history)
      .when(reject(`${feedback} `.repeat(20)))
      .thenThrows(FeedbackTooLong, /at most 1000/));

  it('cannot be decided by the employee, even with the HR role', () =>
    spec
      .given(history)
      .when(approve({ userId: 'emp-1001', roles: ['employee', 'hr'] }))
      .thenThrows(NotAllowedToDecide, /own goal/));

  it('is no longer decided by the former manager once it moved', () =>
    spec
      .given([...history, reassigned('emp-0031')])
      .when(approve(manager))
      .thenThrows(NotAllowedToDecide, /current manager \(emp-0031\)/));

  it('is flagged overdue as a submission is', () =>
    spec
      .given(history)
      .when({
        type: 'FlagOverdueApproval',
        data: { now: new Date('2026-04-09T10:00:00.000Z'), overdueAfterDays: 7 },
      })
      .then([
        {
          type: 'ApprovalOverdue',
          data: { ...ids, managerId: 'emp-0007', addressedTo: 'manager', pendingDays: 7 },
        },
      ]));
});

describe('a request of an adjustment addressed to HR', () => {
  it('is decided by HR, recorded as delegate', () =>
    spec
      .given([requested(null)])
      .when(approve(hr))
      .then([
        {
          type: 'AdjustmentApproved',
          data: { ...ids, adjustmentId: 'adj-1', ...decidedBy('hr-17', 'hr-delegate') },
        },
      ]));
});

describe('a decided request of an adjustment', () => {
  it('cannot be decided twice', () =>
    spec
      .given([requested('emp-0007'), rejected()])
      .when(approve(manager))
      .thenThrows(ApprovalNotPending, /rejected/));

  it('folds to the adjustment it was about', () =>
    expect(fold(approvalRequestDecider, [requested('emp-0007'), rejected()])).toEqual({
      status: 'rejected',
      kind: 'adjustment',
      ...ids,
      ...adjustment,
      managerId: 'emp-0007',
      addressedTo: 'manager',
      submittedAt,
      overdueReported: false,
    }));
});

function open(managerId: string | null): ApprovalRequestCommand {
  return {
    type: 'OpenAdjustmentApprovalRequest',
    data: { ...ids, ...adjustment, managerId, reason, adjustedBy: 'emp-1001', submittedAt },
  };
}

function requested(managerId: string | null): AdjustmentApprovalRequested {
  return {
    type: 'AdjustmentApprovalRequested',
    data: {
      ...ids,
      ...adjustment,
      managerId,
      addressedTo: managerId === null ? 'hr-delegate' : 'manager',
      reason,
      adjustedBy: 'emp-1001',
      submittedAt,
    },
  };
}

function approve(
  caller: { userId: string; roles: string[] },
  checkInCadence?: 'weekly',
): ApprovalRequestCommand {
  return {
    type: 'ApproveRequest',
    data: { caller, now, ...(checkInCadence === undefined ? {} : { checkInCadence }) },
  };
}

function reject(text: string): ApprovalRequestCommand {
  return { type: 'RejectRequest', data: { caller: manager, now, feedback: text } };
}

function decidedBy(userId: string, decidedAs: 'manager' | 'hr-delegate') {
  return { decidedBy: userId, decidedAs, turnaroundSeconds: 7200 };
}

function rejected(): ApprovalEvent {
  return {
    type: 'AdjustmentRejected',
    data: { ...ids, adjustmentId: 'adj-1', ...decidedBy('emp-0007', 'manager'), feedback },
  };
}

function reassigned(toManagerId: string): ApprovalEvent {
  return {
    type: 'ApprovalReassigned',
    data: {
      ...ids,
      fromManagerId: 'emp-0007',
      toManagerId,
      addressedTo: 'manager',
      reason: 'reporting-line-change',
    },
  };
}
