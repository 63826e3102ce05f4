import type { AssessedEmployee } from '@talentloop/assessment-domain';
import type { EventMetadata } from '@talentloop/contracts';
import type { ProjectedEvent } from '@talentloop/read-models';
import {
  assessedEmployeeOrigins,
  employeeAssessmentProjection as projection,
  type EmployeeAssessmentEvent,
} from './employee-assessment.projection';

const asProjected = (event: EmployeeAssessmentEvent) => ({ id: 'e', ...event }) as ProjectedEvent;

const given = (events: readonly EmployeeAssessmentEvent[]) =>
  events.reduce<AssessedEmployee | undefined>(
    (document, event) => projection.evolve(document, asProjected(event), 'acme:emp-1'),
    undefined,
  );

describe('the employee assessment read model', () => {
  it('keeps one document per tenant and employee', () =>
    expect(projection.documentIds(asProjected(synced))).toEqual(['acme:emp-1']));

  it('has no document before the HRIS sent the employee', () =>
    expect(given([motivated])).toBeUndefined());

  it('follows the reporting line', () =>
    expect(
      given([
        synced,
        {
          type: 'ReportingLineChanged',
          data: {
            employeeId: 'emp-1',
            previousManagerId: 'emp-7',
            newManagerId: 'emp-9',
            effectiveAt: at,
          },
          metadata,
        },
      ])?.record.managerId,
    ).toBe('emp-9'));

  it('keeps the employee’s energy per competency', () =>
    expect(given([synced, motivated])?.motivations).toEqual({
      collaboration: motivated.data,
    }));
});

describe('where the employee document keeps personal data', () => {
  it('is the synced record’s name and e-mail, and each motivation’s note', () => {
    expect(assessedEmployeeOrigins(['record', 'displayName'])).toEqual({
      type: 'EmployeeSynced',
      field: 'displayName',
    });
    expect(assessedEmployeeOrigins(['record', 'email'])).toEqual({
      type: 'EmployeeSynced',
      field: 'email',
    });
    expect(assessedEmployeeOrigins(['motivations', 'collaboration', 'note'])).toEqual({
      type: 'MotivationRecorded',
      field: 'note',
    });
  });

  it('is nowhere else', () => {
    for (const location of [
      ['record', 'departmentName'],
      ['motivations', 'note'],
      ['measurements', 'msr-1', 'note'],
      ['rounds', '0', 'displayName'],
    ])
      expect([location, assessedEmployeeOrigins(location)]).toEqual([location, undefined]);
  });
});

const at = '2026-03-01T09:00:00.000Z';
const metadata: EventMetadata = {
  tenantId: 'acme',
  actorId: 'hr-1',
  occurredAt: at,
  schemaVersion: 1,
};
const synced: EmployeeAssessmentEvent = {
  type: 'EmployeeSynced',
  data: {
    employeeId: 'emp-1',
    externalId: 'emp-1',
    displayName: 'Sanne de Vries',
    email: 'sanne@example.com',
    roleId: 'team-lead',
    departmentId: 'ops',
    departmentName: 'Operations',
    managerId: 'emp-7',
    preferredLanguage: 'nl',
    employmentStatus: 'active',
  },
  metadata,
};
const motivated: EmployeeAssessmentEvent = {
  type: 'MotivationRecorded',
  data: { employeeId: 'emp-1', competencyId: 'collaboration', energy: 4 },
  metadata,
};
