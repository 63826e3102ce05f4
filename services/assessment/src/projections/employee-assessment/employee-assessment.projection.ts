import {
  employeeDecider,
  type AssessedEmployee,
  type EmployeeEvent,
} from '@talentloop/assessment-domain';
import type { EventMetadata } from '@talentloop/contracts';

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

/**
 * One document per employee and tenant: everything the assessment API answers about an
 * employee. Shaped as a `Projection` of libs/platform/read-models (name, version,
 * eventTypes, documentIds, evolve) and evolving with the domain's own evolve, so the
 * document is exactly the state the commands decide on. Until that library exposes a
 * runner, queries fold the employee's stream through it (EmployeeReader).
 */
export const employeeAssessmentProjection = {
  name: 'assessment.employee-assessment',
  version: 1,
  eventTypes,
  documentIds: (event: EmployeeAssessmentEvent): readonly string[] => [
    `${event.metadata.tenantId}:${event.data.employeeId}`,
  ],
  evolve: (
    document: AssessedEmployee | undefined,
    event: EmployeeAssessmentEvent,
  ): AssessedEmployee | undefined => {
    const next = employeeDecider.evolve(document ?? employeeDecider.initialState(), event);
    return next.status === 'unknown' ? undefined : next;
  },
};
