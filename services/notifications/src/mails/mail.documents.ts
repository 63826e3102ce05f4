import type { GoalSchedule, MailPerson, PlannedMail } from '@talentloop/notifications-domain';
import type { IndexSpec } from '@talentloop/read-models';

/** The people as the mails need them (names and addresses sealed, as stored). */
export const MAIL_PEOPLE = 'notifications-mail-people';
/** Each goal's reminder schedule, with the time its next reminder is due (`remindAt`). */
export const MAIL_GOALS = 'notifications-mail-goals';
/** Per tenant: who receives the mails addressed to HR. */
export const MAIL_TENANTS = 'notifications-mail-tenants';
/** The mails to people: one document per mail, its id derived from what it answers. */
export const MAILS = 'notifications-mails';

export const mailGoalIndexes: readonly IndexSpec[] = [{ fields: { remindAt: 1 } }];
export const mailIndexes: readonly IndexSpec[] = [
  { fields: { state: 1, sendAt: 1 } },
  { fields: { tenantId: 1, recipientId: 1, createdAt: 1 } },
  { fields: { tenantId: 1, createdAt: 1 } },
];

export const personDocumentId = (tenantId: string, employeeId: string): string =>
  `${tenantId}:${employeeId}`;
export const goalDocumentId = (tenantId: string, goalId: string): string => `${tenantId}:${goalId}`;

export type MailPersonDocument = MailPerson;

export interface MailGoalDocument extends GoalSchedule {
  /** When the next reminder is due; null when none is (closed, or nothing left to remind). */
  readonly remindAt: string | null;
}

export interface MailTenantDocument {
  readonly tenantId: string;
  readonly employeeIds: readonly string[];
}

/**
 * `pending`: to be sent at `sendAt` (or being sent: a claim moved `sendAt` past the attempt);
 * `sent`; `suppressed`: not sent, and never will be (the person turned e-mail off, was erased,
 * left, or has no address); `dead`: the mail server refused it for good, or kept failing for
 * the retry window.
 */
export type MailState = 'pending' | 'sent' | 'suppressed' | 'dead';

export interface MailAttempt {
  readonly at: string;
  readonly outcome: 'sent' | 'failed' | 'suppressed';
  /** The server's answer or why it failed; never an address or a name. */
  readonly detail: string;
}

export const MAIL_LOG_LENGTH = 10;

/**
 * A mail to a person: what it answers (its id is the planned mail's) and where it stands. No
 * personal data is kept here: rejection feedback stays sealed as the event stored it.
 */
export interface MailDocument extends Omit<PlannedMail, 'mailId'> {
  readonly state: MailState;
  /** Part of the recipient's daily digest (their preference when it was made). */
  readonly digest: boolean;
  readonly sendAt: string;
  readonly attempts: number;
  readonly firstAttemptAt: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
  /** The Message-ID it was sent with (a digest's is shared by the mails it gathered). */
  readonly messageId: string | null;
  readonly log: readonly MailAttempt[];
}
