import type { TalentloopEvent, TalentloopEventOfType } from '@talentloop/contracts';
import { assertNever } from '@talentloop/domain-kernel';
import { mailIdOf } from './mail-id';
import type { MailFacts, MailKind, MailRole, PlannedMail } from './mail.types';

/** What the rules need to know of people beyond the event: folded from the log before it. */
export interface MailPeople {
  /** The employee's current manager; null when they have none or are not known. */
  managerOf(employeeId: string): string | null;
  /** Who receives the mails addressed to HR in the event's tenant. */
  readonly hrContacts: readonly string[];
}

export interface MailRecipient {
  readonly recipientId: string;
  readonly role: MailRole;
}

/** An event as the store holds it: its id is the cause of the mails it brings. */
export type StoredMailEvent = TalentloopEvent & {
  readonly id: string;
  readonly metadata: { readonly tenantId: string; readonly occurredAt: string };
};

export const mailRuleEventTypes = [
  'ApprovalRequested',
  'AdjustmentApprovalRequested',
  'GoalApproved',
  'GoalRejected',
  'ApprovalOverdue',
] as const;

type MailRuleEvent = Extract<
  StoredMailEvent,
  { readonly type: (typeof mailRuleEventTypes)[number] }
>;

const isMailRuleEvent = (event: StoredMailEvent): event is MailRuleEvent =>
  (mailRuleEventTypes as readonly string[]).includes(event.type);

/**
 * One mail of a kind to each recipient, in the order given. A recipient named twice gets one
 * mail, in the first role they were named in; the employee whose goal it is never gets the
 * HR mail about it (an HR contact with a goal of their own hears of it as the employee).
 */
export const plannedMailsTo = (
  recipients: readonly MailRecipient[],
  mail: {
    readonly tenantId: string;
    readonly kind: MailKind;
    readonly cause: string;
    readonly facts: MailFacts;
  },
): PlannedMail[] => {
  const planned = new Map<string, PlannedMail>();
  for (const { recipientId, role } of recipients) {
    if (planned.has(recipientId)) continue;
    if (role === 'hr' && recipientId === mail.facts.employeeId) continue;
    planned.set(recipientId, {
      mailId: mailIdOf(mail.tenantId, mail.kind, recipientId, mail.cause),
      tenantId: mail.tenantId,
      kind: mail.kind,
      role,
      recipientId,
      facts: mail.facts,
      cause: mail.cause,
    });
  }
  return [...planned.values()];
};

const toHr = (people: MailPeople): MailRecipient[] =>
  people.hrContacts.map((recipientId) => ({ recipientId, role: 'hr' }));

const toManager = (managerId: string | null): MailRecipient[] =>
  managerId === null ? [] : [{ recipientId: managerId, role: 'manager' }];

/** A request goes to whoever decides it: the manager it names, or HR as delegate. */
const deciders = (
  request: TalentloopEventOfType<'ApprovalRequested' | 'AdjustmentApprovalRequested'>['data'],
  people: MailPeople,
): MailRecipient[] =>
  request.addressedTo === 'manager' && request.managerId !== null
    ? toManager(request.managerId)
    : toHr(people);

/**
 * The mails an event brings, before anyone's preference is looked at. Pure: what it needs
 * of people comes in `people`, as the log stood before the event.
 */
export const mailsForEvent = (event: StoredMailEvent, people: MailPeople): PlannedMail[] => {
  if (!isMailRuleEvent(event)) return [];
  const { tenantId } = event.metadata;
  const plan = (recipients: readonly MailRecipient[], kind: MailKind, facts: MailFacts) =>
    plannedMailsTo(recipients, { tenantId, kind, cause: event.id, facts });
  switch (event.type) {
    case 'ApprovalRequested': {
      const { data } = event;
      return plan(deciders(data, people), 'approval-requested', factsOfRequest(data));
    }
    case 'AdjustmentApprovalRequested': {
      const { data } = event;
      return plan(deciders(data, people), 'adjustment-approval-requested', factsOfRequest(data));
    }
    case 'GoalApproved':
      return plan(employee(event.data), 'goal-approved', factsOfRequest(event.data));
    case 'GoalRejected':
      return plan(employee(event.data), 'goal-rejected', {
        ...factsOfRequest(event.data),
        feedback: event.data.feedback,
      });
    case 'ApprovalOverdue': {
      const { data } = event;
      return plan([...toManager(data.managerId), ...toHr(people)], 'approval-overdue', {
        ...factsOfRequest(data),
        pendingDays: data.pendingDays,
      });
    }
    default:
      return assertNever(event);
  }
};

const employee = ({ employeeId }: { readonly employeeId: string }): MailRecipient[] => [
  { recipientId: employeeId, role: 'employee' },
];

const factsOfRequest = ({
  employeeId,
  goalId,
  requestId,
}: {
  readonly employeeId: string;
  readonly goalId: string;
  readonly requestId: string;
}): MailFacts => ({ employeeId, goalId, requestId });
