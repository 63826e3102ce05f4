import {
  evolveEmployeeFacts,
  factsDocumentId,
  factsEventTypes,
  factsSubjectOf,
  type EmployeeFacts,
} from '@talentloop/analytics-domain';
import type { Projection } from '@talentloop/read-models';

/**
 * Analytics' one read model: a facts document per employee, folded from the events of every
 * service. The HR figures are computed from it (see FactsView); the history endpoint reads it.
 */
export const employeeFactsProjection: Projection<EmployeeFacts> = {
  name: 'analytics-employee-facts',
  // 2: check-ins outside the expected length are marked (CheckInFact.outsideExpectedLength).
  version: 2,
  eventTypes: factsEventTypes,
  // The facts keep no names and no free text (see EmployeeFacts).
  personalData: 'ignored',
  indexes: [
    { fields: { tenantId: 1, departmentId: 1 } },
    { fields: { tenantId: 1, managerId: 1 } },
  ],
  documentIds(event) {
    const employeeId = factsSubjectOf(event);
    return employeeId === undefined ? [] : [factsDocumentId(event.metadata.tenantId, employeeId)];
  },
  evolve: (document, event) => evolveEmployeeFacts(document, event),
};

export const analyticsProjections: ReadonlyMap<string, Projection> = new Map([
  [employeeFactsProjection.name, employeeFactsProjection as Projection],
]);
