import { attentionOf, byMostOverdue, daysOverdue, orderGoals, teamMembers } from './team-members';
import type { InboxItem, OverdueCheckIn, TeamGoal } from './types';

const inboxItem = (overrides: Partial<InboxItem>): InboxItem => ({
  requestId: 'apr-1',
  kind: 'submission',
  goalId: 'goal-1',
  employeeId: 'emp-chloe',
  addressedTo: 'manager',
  submittedAt: '2026-12-01T09:00:00.000Z',
  pendingDays: 0,
  overdue: false,
  ...overrides,
});

const overdueItem = (overrides: Partial<OverdueCheckIn>): OverdueCheckIn => ({
  goalId: 'goal-9',
  employeeId: 'emp-daan',
  title: 'Own the release',
  dueAt: '2026-11-20T00:00:00.000Z',
  cadence: 'monthly',
  ...overrides,
});

const goal = (overrides: Partial<TeamGoal> & { title?: string }): TeamGoal => ({
  goalId: 'goal-1',
  employeeId: 'emp-chloe',
  status: 'active',
  content: {
    title: overrides.title ?? 'A goal',
    language: 'en',
    target: { kind: 'competency', competencyId: 'c', indicatorIds: [] },
    behaviour: 'b',
    situation: 's',
    successCriteria: [],
    actions: [],
    deadline: '2027-01-01',
  },
  submissionNumber: 1,
  checkInCadence: null,
  nextCheckInDueAt: null,
  unacknowledgedAdjustments: [],
  ...overrides,
});

describe("the manager's team", () => {
  it('given reports, people in the inbox and with overdue check-ins, when merged, then the reports come first and each is listed once', () => {
    // given
    const sources = {
      reports: [
        { employeeId: 'emp-finn', displayName: 'Finn Bakker' },
        { employeeId: 'emp-chloe', displayName: null },
      ],
      inbox: [inboxItem({ employeeId: 'emp-elif' }), inboxItem({ employeeId: 'emp-chloe' })],
      overdue: [overdueItem({ employeeId: 'emp-daan' }), overdueItem({ employeeId: 'emp-finn' })],
    };
    // when
    const members = teamMembers(sources);
    // then
    expect(members).toEqual([
      { employeeId: 'emp-finn', displayName: 'Finn Bakker', report: true },
      { employeeId: 'emp-chloe', displayName: null, report: true },
      { employeeId: 'emp-daan', displayName: null, report: false },
      { employeeId: 'emp-elif', displayName: null, report: false },
    ]);
  });

  it('given a check-in due three and a half days ago, when counted, then it is three days overdue (never negative)', () => {
    // given
    const now = new Date('2026-12-07T12:00:00.000Z');
    // when / then
    expect(daysOverdue('2026-12-04T00:00:00.000Z', now)).toBe(3);
    expect(daysOverdue('2026-12-08T00:00:00.000Z', now)).toBe(0);
    expect(daysOverdue('not a date', now)).toBe(0);
  });

  it('given overdue check-ins, when ordered, then the longest overdue comes first', () => {
    // given
    const items = [
      overdueItem({ goalId: 'a', dueAt: '2026-12-01T00:00:00.000Z' }),
      overdueItem({ goalId: 'b', dueAt: '2026-11-01T00:00:00.000Z' }),
    ];
    // when / then
    expect(byMostOverdue(items).map((item) => item.goalId)).toEqual(['b', 'a']);
  });

  it("given a member's goals, when ordered, then submitted and active come before drafts and withdrawn ones", () => {
    // given
    const goals = [
      goal({ goalId: 'w', status: 'withdrawn', title: 'A' }),
      goal({ goalId: 'd', status: 'draft', title: 'B' }),
      goal({ goalId: 'a', status: 'active', title: 'C' }),
      goal({ goalId: 's', status: 'submitted', title: 'D' }),
    ];
    // when / then
    expect(orderGoals(goals).map((item) => item.goalId)).toEqual(['s', 'a', 'd', 'w']);
  });

  it('given a goal with an adjustment in the inbox, another not there yet and an overdue check-in, when joined, then all three need the manager', () => {
    // given
    const teamGoal = goal({ goalId: 'goal-1', unacknowledgedAdjustments: ['adj-1', 'adj-2'] });
    const inbox = [
      inboxItem({
        requestId: 'apr-adj-1',
        kind: 'adjustment',
        adjustment: { adjustmentId: 'adj-1', changes: [] },
      }),
      inboxItem({ requestId: 'apr-other', goalId: 'goal-2' }),
    ];
    const overdue = [overdueItem({ goalId: 'goal-1' })];
    // when
    const attention = attentionOf(teamGoal, inbox, overdue);
    // then
    expect(attention.submissionRequest).toBeUndefined();
    expect(attention.adjustmentRequests).toEqual([
      { adjustmentId: 'adj-1', requestId: 'apr-adj-1' },
      { adjustmentId: 'adj-2' },
    ]);
    expect(attention.overdueCheckIn?.goalId).toBe('goal-1');
  });

  it('given a submitted goal in the inbox, when joined, then its request is the one to decide', () => {
    // given / when
    const attention = attentionOf(goal({ status: 'submitted' }), [inboxItem({})], []);
    // then
    expect(attention).toEqual({ submissionRequest: 'apr-1', adjustmentRequests: [] });
  });
});
