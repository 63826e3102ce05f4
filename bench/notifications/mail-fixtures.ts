/**
 * What the e-mail benches send: people as the HRIS syncs them (managers, languages, names with
 * accents), and the mail the service writes when a goal is approved (composeMail, the worker's
 * headers and defaults), so that the transport alone carries the same kind of message as the
 * service does end to end.
 */
import { randomBytes } from 'node:crypto';
import { notificationMail } from '@talentloop/mail';
import {
  composeMail,
  mailIdOf,
  unsubscribeToken,
  type MailLanguage,
} from '@talentloop/notifications-domain';

/** The tenant of the e-mail benches. */
export const MAIL_TENANT = 'bench-mails';
/** One manager per block of this many people; the others report to them. */
export const TEAM_SIZE = 10;

/** The service's defaults (MAIL_FROM, NOTIFICATIONS_APP_URL, NOTIFICATIONS_PUBLIC_URL). */
const FROM = { name: 'Talentloop', address: 'notifications@talentloop.localhost' };
const APP_URL = 'http://localhost:3000';
const PUBLIC_URL = 'http://localhost:3005';
const UNSUBSCRIBE_SECRET = randomBytes(32).toString('base64url');

const FIRST = ['Sanne', 'Renée', 'Pieter', 'Zoë', 'Anna', 'Mohammed', 'Jürgen', 'Émile', 'Lotte'];
const LAST = ['de Vries', 'Jansen-Ëlberg', 'Bakker', 'Smit', 'Öztürk', 'van den Berg', 'Visser'];

export interface BenchPerson {
  readonly employeeId: string;
  readonly displayName: string;
  readonly email: string;
  readonly language: MailLanguage;
  /** The first of each team of TEAM_SIZE has none; the others report to them. */
  readonly managerId: string | null;
}

const employeeIdOf = (index: number) => `emp-mail-${index}`;

/** Person `index` of a tenant: every third writes in English, the others in Dutch. */
export const benchPerson = (index: number): BenchPerson => {
  const lead = index - (index % TEAM_SIZE);
  return {
    employeeId: employeeIdOf(index),
    displayName: `${FIRST[index % FIRST.length]} ${LAST[index % LAST.length]}`,
    email: `person.${index}@example.com`,
    language: index % 3 === 0 ? 'en' : 'nl',
    managerId: lead === index ? null : employeeIdOf(lead),
  };
};

/** The Message-ID (without angle brackets) of the goal-approved mail that `eventId` brings. */
export const goalApprovedMessageId = (employeeId: string, eventId: string): string =>
  `${mailIdOf(MAIL_TENANT, 'goal-approved', employeeId, eventId)}@talentloop`;

/**
 * The mail the service sends `person` for GoalApproved `eventId`: the same composition,
 * headers, sender and links as the mail worker's (another unsubscribe key, as each service
 * draws its own).
 */
export const goalApprovedMail = (person: BenchPerson, eventId: string, goalId: string) => {
  const mailId = mailIdOf(MAIL_TENANT, 'goal-approved', person.employeeId, eventId);
  const unsubscribe = `${PUBLIC_URL}/unsubscribe?token=${unsubscribeToken(UNSUBSCRIBE_SECRET, {
    tenantId: MAIL_TENANT,
    employeeId: person.employeeId,
  })}`;
  const now = new Date();
  const content = composeMail({
    mail: {
      mailId,
      tenantId: MAIL_TENANT,
      kind: 'goal-approved',
      role: 'employee',
      recipientId: person.employeeId,
      facts: { employeeId: person.employeeId, goalId, requestId: `apr-${goalId}` },
      cause: eventId,
    },
    recipient: { displayName: person.displayName, language: person.language },
    about: null,
    links: { app: APP_URL, unsubscribe },
    from: FROM.address,
    to: person.email,
    now,
  });
  return notificationMail({
    messageId: `${mailId}@talentloop`,
    from: FROM,
    to: { name: person.displayName, address: person.email },
    content,
    language: person.language,
    unsubscribeUrl: unsubscribe,
    date: now,
  });
};
