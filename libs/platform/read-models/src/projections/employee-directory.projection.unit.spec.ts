import { eventRegistry, type EmployeeSynced } from '@talentloop/contracts';
import type { ProjectedEvent } from '../projection';
import {
  HEADCOUNT_BUCKETS,
  departmentsDocumentId,
  headcountBucketOf,
  headcountsOf,
  employeeDirectoryProjection as directory,
  employeeDocumentId,
  type EmployeeDirectoryDocument,
} from './employee-directory.projection';

const fold = (documentId: string, events: readonly ProjectedEvent[]) =>
  events.reduce<EmployeeDirectoryDocument | undefined>(
    (doc, event) => directory.evolve(doc, event, documentId),
    undefined,
  );

describe('the employee directory', () => {
  it('touches the employee and the tenant headcount on a sync, the employee alone on a manager change', () => {
    expect(directory.documentIds(synced('emp-1', 'dept-a'))).toEqual([
      employeeDocumentId('acme', 'emp-1'),
      departmentsDocumentId('acme', 'emp-1'),
    ]);
    expect(directory.documentIds(managerChanged('emp-1', 'emp-9'))).toEqual([
      employeeDocumentId('acme', 'emp-1'),
    ]);
  });

  it('lists the employee with the latest role, department and manager', () => {
    const doc = fold(employeeDocumentId('acme', 'emp-1'), [
      synced('emp-1', 'dept-a'),
      synced('emp-1', 'dept-b'),
      managerChanged('emp-1', 'emp-9'),
    ]);
    expect(doc).toMatchObject({ kind: 'employee', departmentId: 'dept-b', managerId: 'emp-9' });
  });

  it('moves the headcount when an employee changes department, and drops leavers', () => {
    const events = [
      synced('emp-1', 'dept-a'),
      synced('emp-2', 'dept-a'),
      synced('emp-1', 'dept-b'),
      synced('emp-2', 'dept-a', 'left'),
      synced('emp-3', 'dept-b'),
    ];
    const buckets = new Map<string, EmployeeDirectoryDocument | undefined>();
    for (const event of events)
      for (const id of directory.documentIds(event))
        if (id.startsWith('departments:'))
          buckets.set(id, directory.evolve(buckets.get(id), event, id));
    const documents = [...buckets.values()].filter((doc) => doc !== undefined);
    expect(headcountsOf(documents, 'acme')).toEqual({ 'dept-a': 0, 'dept-b': 2 });
  });

  it('spreads employees over buckets by a stable hash', () => {
    expect(departmentsDocumentId('acme', 'emp-1')).toBe(departmentsDocumentId('acme', 'emp-1'));
    const buckets = new Set(Array.from({ length: 5000 }, (_, i) => headcountBucketOf(`emp-${i}`)));
    expect(buckets.size).toBe(HEADCOUNT_BUCKETS);
  });

  it('keeps only a marker of an erased person, which a later sync does not undo', () => {
    const id = employeeDocumentId('acme', 'emp-1');
    const doc = fold(id, [synced('emp-1', 'dept-a'), erased('emp-1'), synced('emp-1', 'dept-a')]);
    expect(doc).toEqual({ kind: 'erased', tenantId: 'acme', employeeId: 'emp-1' });
    const headcounts = fold(departmentsDocumentId('acme', 'emp-1'), [
      synced('emp-1', 'dept-a'),
      erased('emp-1'),
    ]);
    expect(headcounts).toMatchObject({
      departments: { 'dept-a': { headcount: 0 } },
      placements: {},
    });
  });
});

const metadata = {
  tenantId: 'acme',
  actorId: 'hris-sync',
  occurredAt: '2026-01-01T00:00:00.000Z',
  schemaVersion: 1,
};

function synced(
  employeeId: string,
  departmentId: string,
  employmentStatus: EmployeeSynced['data']['employmentStatus'] = 'active',
): ProjectedEvent {
  const example = eventRegistry.current('EmployeeSynced')?.example as EmployeeSynced['data'];
  return {
    id: `sync-${employeeId}-${departmentId}`,
    type: 'EmployeeSynced',
    data: { ...example, employeeId, departmentId, departmentName: departmentId, employmentStatus },
    metadata,
  };
}

function managerChanged(employeeId: string, newManagerId: string): ProjectedEvent {
  return {
    id: `manager-${employeeId}`,
    type: 'ReportingLineChanged',
    data: { employeeId, previousManagerId: null, newManagerId, effectiveAt: metadata.occurredAt },
    metadata,
  };
}

function erased(employeeId: string): ProjectedEvent {
  return {
    id: `erased-${employeeId}`,
    type: 'PersonErased',
    data: { employeeId, erasedAt: metadata.occurredAt },
    metadata,
  };
}
