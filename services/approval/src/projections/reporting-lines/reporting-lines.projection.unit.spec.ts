import { EmployeeSynced } from '@talentloop/contracts';
import {
  absentDocument,
  foldDocument,
  type DocumentState,
  type ProjectedEvent,
  type ProjectionInput,
} from '@talentloop/read-models';
import {
  reportingLineId,
  reportingLinesProjection,
  type ReportingLine,
} from './reporting-lines.projection';

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

const line = reportingLineId('acme', 'emp-1001');
const fold = (state: DocumentState<ReportingLine>, inputs: ProjectionInput[]) =>
  foldDocument(reportingLinesProjection, line, state, inputs).state;

describe('the reporting lines projection', () => {
  it('follows the employee to the current manager', () => {
    const synced1 = fold(absentDocument, [{ event: synced, source: 'kafka:t:0', position: 1n }]);
    expect(synced1.doc?.managerId).toBe('emp-0007');
    const moved = fold(synced1, [{ event: changed, source: 'kafka:t:0', position: 2n }]);
    expect(moved.doc?.managerId).toBe('emp-0031');
  });

  it('ignores an older event delivered again after a newer one', () => {
    const moved = fold(absentDocument, [
      { event: synced, source: 'kafka:t:0', position: 1n },
      { event: changed, source: 'kafka:t:0', position: 2n },
    ]);
    const again = fold(moved, [{ event: synced, source: 'kafka:t:0', position: 1n }]);
    expect(again.doc?.managerId).toBe('emp-0031');
  });

  it('keeps tenants apart', () => {
    expect(reportingLinesProjection.documentIds({ ...synced })).toEqual([line]);
    expect(
      reportingLinesProjection.documentIds({
        ...synced,
        metadata: { ...metadata, tenantId: 'globex' },
      }),
    ).not.toContain(line);
  });
});
