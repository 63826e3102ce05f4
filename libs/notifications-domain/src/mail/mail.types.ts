/**
 * The e-mails to people (issue 16, items 2–4): the shared vocabulary of the rules that plan
 * them, the schedule that times the reminders, and the composition that writes them.
 */

export type MailLanguage = 'nl' | 'en';

export type CheckInCadence = 'weekly' | 'fortnightly' | 'monthly';

export type NotificationPreference = 'off' | 'immediately' | 'daily-digest';

/** What a mail tells its recipient. */
export type MailKind =
  /** A goal (or a resubmission) awaits the manager's decision (ApprovalRequested). */
  | 'approval-requested'
  /**
   * An adjustment of an active goal awaits the manager's acknowledgement (planning's GoalAdjusted
   * that needs it is approval's AdjustmentApprovalRequested: one mail, to whoever decides it).
   */
  | 'adjustment-approval-requested'
  /** The manager approved the goal (GoalApproved). */
  | 'goal-approved'
  /** The manager rejected the goal, with feedback (GoalRejected). */
  | 'goal-rejected'
  /** A check-in on an active goal is due soon; carries an iCalendar invite. */
  | 'check-in-due'
  /** A check-in is past due and none was logged; carries an iCalendar invite. */
  | 'check-in-overdue'
  /** An approval request waited longer than the organisation allows (ApprovalOverdue). */
  | 'approval-overdue'
  /** A goal reached its deadline: remeasure with the baseline's instrument. */
  | 'remeasurement-due';

/** Why the recipient gets the mail: the same kind reads differently for each. */
export type MailRole = 'employee' | 'manager' | 'hr';

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
