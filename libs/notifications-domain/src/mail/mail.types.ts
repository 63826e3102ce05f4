/**
 * The e-mails to people (issue 16, items 2–4): the shared vocabulary of the rules that plan
 * them, the schedule that times the reminders, and the composition that writes them.
 */

import type {
  CheckInCadence as CadenceOfContract,
  Language,
  MailKind as MailKindOfContract,
  MailRole as MailRoleOfContract,
  NotificationPreference as PreferenceOfContract,
} from '@talentloop/contracts';

/** The languages mails are written in: the contracts' `Language`. */
export type MailLanguage = Language;

export type CheckInCadence = CadenceOfContract;

export type NotificationPreference = PreferenceOfContract;

/**
 * What a mail tells its recipient (the contracts' `MailKind`, as MailSent and the other
 * delivery events carry it): approval-requested (ApprovalRequested), adjustment-approval-requested
 * (AdjustmentApprovalRequested: one mail per adjustment, to whoever decides it), goal-approved,
 * goal-rejected (with the feedback), check-in-due and check-in-overdue (with an iCalendar
 * invite), approval-overdue (ApprovalOverdue), remeasurement-due (the goal's deadline).
 */
export type MailKind = MailKindOfContract;

/** Why the recipient gets the mail: the same kind reads differently for each. */
export type MailRole = MailRoleOfContract;

/**
 * What a mail is about. Ids and figures only, plus, where the event carried free text, that
 * text exactly as stored: sealed (`enc:v2:…`), opened only when the mail is written.
 */
export interface MailFacts {
  /** The employee whose goal it is (the recipient themselves when role is employee). */
  readonly employeeId: string;
  readonly goalId: string;
  readonly requestId?: string;
  /** GoalRejected.feedback as stored (sealed for employeeId). */
  readonly feedback?: string;
  /** ApprovalOverdue.pendingDays. */
  readonly pendingDays?: number;
  /** The check-in's due time (check-in-due, check-in-overdue), ISO 8601. */
  readonly dueAt?: string;
  readonly cadence?: CheckInCadence;
  /** The goal's deadline (remeasurement-due), ISO date. */
  readonly deadline?: string;
}

/** A mail the rules decided on, before anyone looked at the recipient's preference. */
export interface PlannedMail {
  /** Derived from what it answers and who gets it: the same cause never makes a second mail. */
  readonly mailId: string;
  readonly tenantId: string;
  readonly kind: MailKind;
  readonly role: MailRole;
  readonly recipientId: string;
  readonly facts: MailFacts;
  /** What it answers, for the log: an event id, or `<goalId>@<dueAt>` for a reminder. */
  readonly cause: string;
}
