import type { TalentloopEventOfType } from '@talentloop/contracts';
import { assertNever } from '@talentloop/domain-kernel';
import type { MailLanguage, NotificationPreference } from './mail.types';

/**
 * A person as the mails need them. The name and address stay exactly as stored, sealed
 * (`enc:v2:…`): only the composition of a mail opens them, so an erasure (the person's key
 * shredded) reaches every mail not yet written.
 */
export interface MailPerson {
  readonly tenantId: string;
  readonly employeeId: string;
  /** The current manager; a change of reporting line counts from when it is recorded. */
  readonly managerId: string | null;
  readonly language: MailLanguage;
  readonly employmentStatus: 'active' | 'left';
  /** Sealed; null before the HRIS synced the person, and after an erasure. */
  readonly displayName: string | null;
  /** Sealed; null before the HRIS synced the person, and after an erasure. */
  readonly email: string | null;
  readonly preference: NotificationPreference;
  readonly erased: boolean;
}

export const mailPersonEventTypes = [
  'EmployeeSynced',
  'ReportingLineChanged',
  'PersonErased',
  'NotificationPreferenceSet',
] as const;

type MailPersonEventType = (typeof mailPersonEventTypes)[number];

/** An event as the store holds it: the tenant comes from its metadata. */
export type MailPersonEvent = {
  [Type in MailPersonEventType]: TalentloopEventOfType<Type> & {
    readonly metadata: { readonly tenantId: string };
  };
}[MailPersonEventType];

export const defaultNotificationPreference: NotificationPreference = 'immediately';

/** Someone heard of before the HRIS synced them: no name, no address, nothing to send to. */
const unsynced = (tenantId: string, employeeId: string): MailPerson => ({
  tenantId,
  employeeId,
  managerId: null,
  language: 'en',
  employmentStatus: 'active',
  displayName: null,
  email: null,
  preference: defaultNotificationPreference,
  erased: false,
});

/**
 * Folds the events about a person, in log order. Each event sets fields to values it
 * carries, so applying one twice changes nothing. An erasure is final: the HRIS may sync the
 * person again, but nothing brings back what was erased.
 */
export const evolveMailPerson = (
  person: MailPerson | undefined,
  event: MailPersonEvent,
): MailPerson => {
  if (person?.erased === true) return person;
  const current = person ?? unsynced(event.metadata.tenantId, event.data.employeeId);
  switch (event.type) {
    case 'EmployeeSynced': {
      const { managerId, preferredLanguage, employmentStatus, displayName, email } = event.data;
      return {
        ...current,
        managerId,
        language: preferredLanguage,
        employmentStatus,
        displayName,
        email,
      };
    }
    case 'ReportingLineChanged':
      return { ...current, managerId: event.data.newManagerId };
    case 'NotificationPreferenceSet':
      return { ...current, preference: event.data.preference };
    case 'PersonErased':
      return { ...current, displayName: null, email: null, erased: true };
    default:
      return assertNever(event);
  }
};

/** Who receives the mails addressed to HR in a tenant. */
export interface HrContacts {
  readonly tenantId: string;
  readonly employeeIds: readonly string[];
}

export const hrContactsEventTypes = ['HrContactsSet'] as const;

export type HrContactsEvent = TalentloopEventOfType<'HrContactsSet'> & {
  readonly metadata: { readonly tenantId: string };
};

/** Each HrContactsSet names the whole list: the last one is the list. */
export const evolveHrContacts = (
  _current: HrContacts | undefined,
  event: HrContactsEvent,
): HrContacts => ({
  tenantId: event.metadata.tenantId,
  employeeIds: [...event.data.employeeIds],
});
