import { orderThread, versionsToCompare } from './thread';

describe('the conversation of a request', () => {
  it('given an exchange out of order, when ordered, then it reads oldest first with who spoke and what they said', () => {
    // given
    const exchange = [
      {
        event: 'ApprovalRequested',
        at: '2026-12-02T09:00:00.000Z',
        by: 'emp-chloe',
        submissionNumber: 2,
      },
      {
        event: 'GoalRejected',
        at: '2026-12-01T10:00:00.000Z',
        by: 'mgr-ben',
        submissionNumber: 1,
        feedback: 'Name the meetings where you practise.',
      },
      {
        event: 'ApprovalRequested',
        at: '2026-12-01T09:00:00.000Z',
        by: 'emp-chloe',
        submissionNumber: 1,
      },
      {
        event: 'ApprovalOverdue',
        at: '2026-12-05T09:00:00.000Z',
        by: 'system',
        pendingDays: 3,
      },
    ];
    // when
    const entries = orderThread({ exchange, employeeId: 'emp-chloe' });
    // then
    expect(entries.map((entry) => [entry.side, entry.step.kind])).toEqual([
      ['employee', 'submitted'],
      ['decider', 'rejected'],
      ['employee', 'resubmitted'],
      ['system', 'overdue'],
    ]);
    expect(entries[1]?.step).toEqual({
      kind: 'rejected',
      feedback: 'Name the meetings where you practise.',
      submissionNumber: 1,
    });
  });

  it('given steps at the same instant, when ordered, then they keep the order the service gave', () => {
    // given
    const at = '2026-12-01T09:00:00.000Z';
    const exchange = [
      { event: 'AdjustmentApprovalRequested', at, by: 'emp-chloe', reason: 'Reviews cancelled.' },
      { event: 'AdjustmentApproved', at, by: 'mgr-ben', note: 'Fine.' },
    ];
    // when
    const entries = orderThread({ exchange, employeeId: 'emp-chloe' });
    // then
    expect(entries.map((entry) => entry.step)).toEqual([
      { kind: 'adjustment-asked', reason: 'Reviews cancelled.' },
      { kind: 'adjustment-approved', note: 'Fine.' },
    ]);
  });

  it('given a move to HR and an unknown event, when ordered, then the move names no manager and the unknown is kept', () => {
    // given
    const exchange = [
      {
        event: 'ApprovalReassigned',
        at: '2026-12-01T09:00:00.000Z',
        by: 'system',
        toManagerId: null,
      },
      { event: 'SomethingNew', at: '2026-12-02T09:00:00.000Z', by: 'someone' },
    ];
    // when
    const entries = orderThread({ exchange, employeeId: 'emp-chloe' });
    // then
    expect(entries.map((entry) => entry.step)).toEqual([
      { kind: 'reassigned', to: null },
      { kind: 'other', event: 'SomethingNew' },
    ]);
  });

  it('given three versions and the request on the second, when choosing what to compare, then the second is current and the first previous', () => {
    // given
    const versions = [{ submissionNumber: 3 }, { submissionNumber: 1 }, { submissionNumber: 2 }];
    // when
    const chosen = versionsToCompare(versions, 2);
    // then
    expect(chosen).toEqual({ current: { submissionNumber: 2 }, previous: { submissionNumber: 1 } });
  });

  it('given one version or none, when choosing, then there is no previous (and nothing at all without versions)', () => {
    // given / when / then
    expect(versionsToCompare([{ submissionNumber: 1 }], 1)).toEqual({
      current: { submissionNumber: 1 },
    });
    expect(versionsToCompare([], undefined)).toEqual({});
    expect(
      versionsToCompare([{ submissionNumber: 1 }, { submissionNumber: 2 }], undefined),
    ).toEqual({
      current: { submissionNumber: 2 },
      previous: { submissionNumber: 1 },
    });
  });
});
