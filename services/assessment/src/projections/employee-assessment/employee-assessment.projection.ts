import {
  employeeDecider,
  type AssessedEmployee,
  type EmployeeEvent,
} from '@talentloop/assessment-domain';
import type { EventMetadata } from '@talentloop/contracts';
import { originInEventData, type OriginAt } from '@talentloop/privacy';
import type { Projection } from '@talentloop/read-models';

export type EmployeeAssessmentEvent = EmployeeEvent & { readonly metadata: EventMetadata };

const eventTypes = [
  'EmployeeSynced',
  'ReportingLineChanged',
  'MeasurementRecorded',
  'FeedbackRoundAggregated',
  'MotivationRecorded',
  'GapIdentified',
  'Remeasured',
] as const satisfies readonly EmployeeEvent['type'][];

export const employeeAssessmentId = (tenantId: string, employeeId: string): string =>
  `${tenantId}:${employeeId}`;

/**
 * One document per employee and tenant: everything the assessment API answers about an
 * employee, evolving with the domain's own evolve, so the document is exactly the state the
 * commands decide on. Fed from the employee streams as stored: names, e-mail and notes stay
 * sealed in the document, and EmployeeReader opens them to answer.
 */
export const employeeAssessmentProjection: Projection<AssessedEmployee> = {
  name: 'assessment-employees',
  version: 1,
  eventTypes,
  documentIds: (event) =>
    'employeeId' in event.data && typeof event.data.employeeId === 'string'
      ? [employeeAssessmentId(event.metadata.tenantId, event.data.employeeId)]
      : [],
  evolve: (document, event) => {
    const next = employeeDecider.evolve(
      document ?? employeeDecider.initialState(),
      event as unknown as EmployeeAssessmentEvent,
    );
    return next.status === 'unknown' ? undefined : next;
  },
};

/**
 * Where the document keeps personal data, and from which event field: the record is an
 * EmployeeSynced's data (name, e-mail), each motivation a MotivationRecorded's (its note). A
 * sealed value anywhere else in the document is none of these, and is never opened.
 */
export const assessedEmployeeOrigins: OriginAt = ([part, ...rest]) => {
  if (part === 'record') return originInEventData('EmployeeSynced', rest);
  if (part === 'motivations' && rest.length > 1)
    return originInEventData('MotivationRecorded', rest.slice(1));
  return undefined;
};
