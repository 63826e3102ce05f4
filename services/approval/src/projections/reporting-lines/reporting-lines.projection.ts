import type { ProjectedEvent, Projection } from '@talentloop/read-models';

/** Who an employee reports to now; null when the HRIS says they have no manager. */
export interface ReportingLine {
  readonly tenantId: string;
  readonly employeeId: string;
  readonly managerId: string | null;
}

export const reportingLineId = (tenantId: string, employeeId: string): string =>
  `${tenantId}:${employeeId}`;

type PeopleEvent = Extract<ProjectedEvent, { type: 'EmployeeSynced' | 'ReportingLineChanged' }>;

const isPeopleEvent = (event: ProjectedEvent): event is PeopleEvent =>
  event.type === 'EmployeeSynced' || event.type === 'ReportingLineChanged';

/**
 * Employee → current manager, from the people the HRIS sync publishes. A change applies
 * when it arrives: effectiveAt in the future is not waited for.
 */
export const reportingLinesProjection: Projection<ReportingLine> = {
  name: 'reporting-lines',
  version: 1,
  eventTypes: ['EmployeeSynced', 'ReportingLineChanged'],
  documentIds: (event) =>
    isPeopleEvent(event) ? [reportingLineId(event.metadata.tenantId, event.data.employeeId)] : [],
  evolve: (line, event) => {
    if (!isPeopleEvent(event)) return line;
    const managerId =
      event.type === 'EmployeeSynced' ? event.data.managerId : event.data.newManagerId;
    return { tenantId: event.metadata.tenantId, employeeId: event.data.employeeId, managerId };
  },
};
