import {
  AdjustmentApprovalRequested,
  ApprovalOverdue,
  ApprovalRequested,
  GoalAdjusted,
  GoalApproved,
  GoalRejected,
  type TalentloopEvent,
} from '@talentloop/contracts';
import { mailIdOf } from './mail-id';
import {
  mailRuleEventTypes,
  mailsForEvent,
  plannedMailsTo,
  type MailPeople,
  type StoredMailEvent,
} from './mail-rules';

const tenantId = 'acme';
const eventId = 'evt-9001';
const employeeId = 'emp-1001';
const managerId = 'emp-0007';
const hrContacts = ['emp-0002', 'emp-0003'];

describe('a goal submitted for approval', () => {
  it('asks the manager it is addressed to for a decision', () =>
    expect(
      mailsForEvent(
        stored({ type: 'ApprovalRequested', data: ApprovalRequested.example }),
        people(),
      ),
    ).toEqual([
      {
        mailId: mailIdOf(tenantId, 'approval-requested', managerId, eventId),
        tenantId,
        kind: 'approval-requested',
        role: 'manager',
        recipientId: managerId,
        facts: { employeeId, goalId: 'goal-3001', requestId: 'apr-4001' },
        cause: eventId,
      },
    ]));

  it('asks every HR contact when HR decides as delegate', () =>
    expect(
      summary(
        mailsForEvent(
          stored({
            type: 'ApprovalRequested',
            data: { ...ApprovalRequested.example, managerId: null, addressedTo: 'hr-delegate' },
          }),
          people(),
        ),
      ),
    ).toEqual([
      ['emp-0002', 'hr'],
      ['emp-0003', 'hr'],
    ]));

  it('goes to nobody when HR decides and the tenant named no HR contacts', () =>
    expect(
      mailsForEvent(
        stored({
          type: 'ApprovalRequested',
          data: { ...ApprovalRequested.example, managerId: null, addressedTo: 'hr-delegate' },
        }),
        people({ hrContacts: [] }),
      ),
    ).toEqual([]));

  it('does not ask an HR contact to decide on their own goal', () =>
    expect(
      summary(
        mailsForEvent(
          stored({
            type: 'ApprovalRequested',
            data: { ...ApprovalRequested.example, managerId: null, addressedTo: 'hr-delegate' },
          }),
          people({ hrContacts: ['emp-0002', employeeId] }),
        ),
      ),
    ).toEqual([['emp-0002', 'hr']]));
});

describe('an adjustment awaiting agreement', () => {
  it('asks the manager it is addressed to, naming the request', () =>
    expect(
      mailsForEvent(
        stored({ type: 'AdjustmentApprovalRequested', data: AdjustmentApprovalRequested.example }),
        people(),
      ),
    ).toEqual([
      expect.objectContaining({
        kind: 'adjustment-approval-requested',
        role: 'manager',
        recipientId: managerId,
        facts: { employeeId, goalId: 'goal-3001', requestId: 'apr-4002' },
      }),
    ]));

  it('asks HR when addressed to HR as delegate', () =>
    expect(
      summary(
        mailsForEvent(
          stored({
            type: 'AdjustmentApprovalRequested',
            data: {
              ...AdjustmentApprovalRequested.example,
              managerId: null,
              addressedTo: 'hr-delegate',
            },
          }),
          people(),
        ),
      ),
    ).toEqual([
      ['emp-0002', 'hr'],
      ['emp-0003', 'hr'],
    ]));
});

describe("the manager's decision", () => {
  it('tells the employee their goal was approved', () =>
    expect(
      mailsForEvent(stored({ type: 'GoalApproved', data: GoalApproved.example }), people()),
    ).toEqual([
      expect.objectContaining({
        kind: 'goal-approved',
        role: 'employee',
        recipientId: employeeId,
        facts: { employeeId, goalId: 'goal-3001', requestId: 'apr-4001' },
      }),
    ]));

  it('tells the employee their goal was rejected, with the feedback as stored', () => {
    const sealedFeedback = 'enc:v2:k1:ZmVlZGJhY2s=';
    expect(
      mailsForEvent(
        stored({
          type: 'GoalRejected',
          data: { ...GoalRejected.example, feedback: sealedFeedback },
        }),
        people(),
      ),
    ).toEqual([
      expect.objectContaining({
        kind: 'goal-rejected',
        role: 'employee',
        recipientId: employeeId,
        facts: { employeeId, goalId: 'goal-3001', requestId: 'apr-4001', feedback: sealedFeedback },
      }),
    ]);
  });
});

describe('an approval waiting too long', () => {
  it('reminds the manager and alerts every HR contact, with the days it waited', () => {
    const mails = mailsForEvent(
      stored({ type: 'ApprovalOverdue', data: ApprovalOverdue.example }),
      people(),
    );
    expect(summary(mails)).toEqual([
      [managerId, 'manager'],
      ['emp-0002', 'hr'],
      ['emp-0003', 'hr'],
    ]);
    expect(mails.map(({ facts }) => facts.pendingDays)).toEqual([7, 7, 7]);
    expect(new Set(mails.map(({ mailId }) => mailId)).size).toBe(3);
  });

  it('alerts HR only when it waits on HR as delegate', () =>
    expect(
      summary(
        mailsForEvent(
          stored({
            type: 'ApprovalOverdue',
            data: { ...ApprovalOverdue.example, managerId: null, addressedTo: 'hr-delegate' },
          }),
          people(),
        ),
      ),
    ).toEqual([
      ['emp-0002', 'hr'],
      ['emp-0003', 'hr'],
    ]));

  it('sends a manager who is also an HR contact one mail, as the manager', () =>
    expect(
      summary(
        mailsForEvent(
          stored({ type: 'ApprovalOverdue', data: ApprovalOverdue.example }),
          people({ hrContacts: [managerId, 'emp-0002'] }),
        ),
      ),
    ).toEqual([
      [managerId, 'manager'],
      ['emp-0002', 'hr'],
    ]));

  it('does not alert the employee as HR about their own goal', () =>
    expect(
      summary(
        mailsForEvent(
          stored({ type: 'ApprovalOverdue', data: ApprovalOverdue.example }),
          people({ hrContacts: [employeeId] }),
        ),
      ),
    ).toEqual([[managerId, 'manager']]));
});

describe('an adjusted goal', () => {
  it('brings no mail of its own: the agreement it needs is asked for by AdjustmentApprovalRequested', () =>
    expect(
      mailsForEvent(stored({ type: 'GoalAdjusted', data: GoalAdjusted.example }), people()),
    ).toEqual([]));
});

describe('any other event', () => {
  it('brings no mail', () =>
    expect(
      mailsForEvent(
        stored({
          type: 'PersonErased',
          data: { employeeId, erasedAt: '2026-06-01T12:00:00.000Z' },
        }),
        people(),
      ),
    ).toEqual([]));

  it('is not among the types the rules act on', () =>
    expect(mailRuleEventTypes).toEqual([
      'ApprovalRequested',
      'AdjustmentApprovalRequested',
      'GoalApproved',
      'GoalRejected',
      'ApprovalOverdue',
    ]));
});

describe('the same event read again', () => {
  it('plans the same mails under the same ids', () => {
    const event = stored({ type: 'ApprovalOverdue', data: ApprovalOverdue.example });
    expect(mailsForEvent(event, people())).toEqual(mailsForEvent(event, people()));
  });
});

describe('mails to a list of recipients', () => {
  const mail = {
    tenantId,
    kind: 'remeasurement-due' as const,
    cause: 'goal-3001@remeasurement-due@2026-07-31',
    facts: { employeeId, goalId: 'goal-3001', deadline: '2026-07-31' },
  };

  it('keeps the first role of a recipient named twice', () =>
    expect(
      summary(
        plannedMailsTo(
          [
            { recipientId: 'emp-0002', role: 'hr' },
            { recipientId: 'emp-0002', role: 'manager' },
          ],
          mail,
        ),
      ),
    ).toEqual([['emp-0002', 'hr']]));

  it('mails the employee in a role other than HR', () =>
    expect(summary(plannedMailsTo([{ recipientId: employeeId, role: 'employee' }], mail))).toEqual([
      [employeeId, 'employee'],
    ]));

  it('plans nothing for nobody', () => expect(plannedMailsTo([], mail)).toEqual([]));
});

function people(overrides: Partial<MailPeople> = {}): MailPeople {
  return {
    managerOf: (id) => (id === employeeId ? managerId : null),
    hrContacts,
    ...overrides,
  };
}

function stored(event: TalentloopEvent): StoredMailEvent {
  return { ...event, id: eventId, metadata: { tenantId, occurredAt: '2026-04-02T10:00:00.000Z' } };
}

function summary(mails: readonly { recipientId: string; role: string }[]) {
  return mails.map(({ recipientId, role }) => [recipientId, role]);
}
