import { EmployeeSynced } from '@talentloop/contracts';
import { InMemoryReadModel } from '../in-memory-read-model';
import type { ProjectedEvent } from '@talentloop/read-models';
import { reportingLineId, reportingLinesProjection } from './reporting-lines.projection';

const metadata = {
  tenantId: 'acme',
  actorId: 'hris',
  occurredAt: '2026-02-01T00:00:00.000Z',
  schemaVersion: 1,
};
const synced: ProjectedEvent = {
  id: 'e1',
  type: 'EmployeeSynced',
  data: EmployeeSynced.example,
  metadata,
};
const changed: ProjectedEvent = {
  id: 'e2',
  type: 'ReportingLineChanged',
  data: {
    employeeId: 'emp-1001',
    previousManagerId: 'emp-0007',
    newManagerId: 'emp-0031',
    effectiveAt: '2026-03-01T00:00:00.000Z',
  },
  metadata,
};

describe('the reporting lines projection', () => {
  it('follows the employee to the current manager', () => {
    const model = new InMemoryReadModel(reportingLinesProjection);
    model.apply({ event: synced, source: 'kafka:t:0', position: 1n });
    expect(model.get(reportingLineId('acme', 'emp-1001'))?.managerId).toBe('emp-0007');
    model.apply({ event: changed, source: 'kafka:t:0', position: 2n });
    expect(model.get(reportingLineId('acme', 'emp-1001'))?.managerId).toBe('emp-0031');
  });

  it('ignores an older event delivered again after a newer one', () => {
    const model = new InMemoryReadModel(reportingLinesProjection);
    model.apply({ event: synced, source: 'kafka:t:0', position: 1n });
    model.apply({ event: changed, source: 'kafka:t:0', position: 2n });
    model.apply({ event: synced, source: 'kafka:t:0', position: 1n });
    expect(model.get(reportingLineId('acme', 'emp-1001'))?.managerId).toBe('emp-0031');
  });

  it('keeps tenants apart', () => {
    const model = new InMemoryReadModel(reportingLinesProjection);
    model.apply({ event: synced, source: 'kafka:t:0', position: 1n });
    expect(model.get(reportingLineId('globex', 'emp-1001'))).toBeUndefined();
  });
});
