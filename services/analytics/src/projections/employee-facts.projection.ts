import {
  evolveEmployeeFacts,
  factsDocumentId,
  factsEventTypes,
  factsSubjectOf,
  type EmployeeFacts,
} from '@talentloop/analytics-domain';
import type { ProjectedEvent, Projection } from '@talentloop/read-models';

/** Every event analytics reads names one employee: one document per employee. */
const documentIds = (event: ProjectedEvent): string[] => {
  const employeeId = factsSubjectOf(event);
  return employeeId === undefined ? [] : [factsDocumentId(event.metadata.tenantId, employeeId)];
};

/**
 * Analytics' facts: a document per employee, folded from the events of every service, without
 * the development history (always empty here; see employeeHistoryProjection). The HR figures
 * are computed from it (see FactsView), which loads every document at start: without the
 * history, a document is about a third of its size and loads without being rewritten.
 */
export const employeeFactsProjection: Projection<EmployeeFacts> = {
  name: 'analytics-employee-facts',
  // 2: check-ins outside the expected length are marked (CheckInFact.outsideExpectedLength).
  // 3: the history moved to analytics-employee-history.
  version: 3,
  eventTypes: factsEventTypes,
  // The facts keep no names and no free text (see EmployeeFacts).
  personalData: 'ignored',
  indexes: [
    { fields: { tenantId: 1, departmentId: 1 } },
    { fields: { tenantId: 1, managerId: 1 } },
  ],
  documentIds,
  evolve: (document, event) => {
    const facts = evolveEmployeeFacts(document, event);
    return facts.history.length === 0 ? facts : { ...facts, history: [] };
  },
};

/**
 * An employee's development history (GET /employees/:id/history): the same fold with its
 * history, read one document at a time.
 */
export const employeeHistoryProjection: Projection<EmployeeFacts> = {
  name: 'analytics-employee-history',
  version: 1,
  eventTypes: factsEventTypes,
  personalData: 'ignored',
  documentIds,
  evolve: (document, event) => evolveEmployeeFacts(document, event),
};

export const analyticsProjections: ReadonlyMap<string, Projection> = new Map(
  [employeeFactsProjection, employeeHistoryProjection].map((projection) => [
    projection.name,
    projection as Projection,
  ]),
);
