import { randomUUID } from 'node:crypto';
import { eventRegistry, streamName, type EmployeeSynced } from '@talentloop/contracts';
import type { EventToAppend } from '@talentloop/event-store';
import { seededRandom as random } from '../analytics/random';

export interface EmployeeHistoryOptions {
  readonly tenants?: readonly string[];
  readonly employees: number;
  readonly departments: number;
  /** Re-syncs (department, role, status changes) and manager changes after the first sync. */
  readonly changes: number;
  readonly erasures?: number;
  readonly seed?: number;
}

export interface HistoryEvent {
  readonly streamName: string;
  /** The employee the event is about: the bus key, so all of one employee's events share a partition. */
  readonly subject: string;
  readonly event: EventToAppend;
}

const metadata = (tenantId: string, name: string, at: number) => ({
  tenantId,
  actorId: 'hris-sync',
  occurredAt: new Date(Date.UTC(2026, 0, 1) + at * 60_000).toISOString(),
  schemaVersion: eventRegistry.current(name)?.version ?? 1,
});

/**
 * HRIS history built from the published examples: every employee synced, then re-synced into
 * other departments and roles, some leaving, managers changing, and some people erased.
 */
export function employeeHistory(options: EmployeeHistoryOptions): HistoryEvent[] {
  const next = random(options.seed ?? 42);
  const tenants = options.tenants ?? ['acme'];
  const synced = eventRegistry.current('EmployeeSynced')?.example as EmployeeSynced['data'];
  const history: HistoryEvent[] = [];
  const managers = new Map<string, string | null>();
  let at = 0;
  const employee = (tenantId: string, index: number) => ({ tenantId, id: `emp-${index}` });
  const stream = (tenantId: string, id: string, context: 'assessment' | 'identity') =>
    streamName({
      context,
      aggregate: context === 'identity' ? 'person' : 'employee',
      tenantId,
      id,
    });
  const sync = (tenantId: string, id: string, status: 'active' | 'left' = 'active') => {
    const department = next(options.departments);
    const managerId = next(4) === 0 ? null : `emp-${next(options.employees)}`;
    managers.set(`${tenantId}/${id}`, managerId);
    history.push({
      streamName: stream(tenantId, id, 'assessment'),
      subject: id,
      event: {
        id: randomUUID(),
        type: 'EmployeeSynced',
        data: {
          ...synced,
          employeeId: id,
          externalId: `HR-${id}`,
          displayName: `Employee ${id}`,
          email: `${id}@example.com`,
          roleId: `role-${next(5)}`,
          departmentId: `dept-${department}`,
          departmentName: `Department ${department}`,
          managerId,
          employmentStatus: status,
        },
        metadata: metadata(tenantId, 'EmployeeSynced', at++),
      },
    });
  };
  for (const tenantId of tenants)
    for (let i = 0; i < options.employees; i++) sync(tenantId, employee(tenantId, i).id);
  for (let change = 0; change < options.changes; change++) {
    const tenantId = tenants[next(tenants.length)] ?? 'acme';
    const { id } = employee(tenantId, next(options.employees));
    if (next(3) === 0) {
      const previousManagerId = managers.get(`${tenantId}/${id}`) ?? null;
      const newManagerId = `emp-${next(options.employees)}`;
      managers.set(`${tenantId}/${id}`, newManagerId);
      history.push({
        streamName: stream(tenantId, id, 'assessment'),
        subject: id,
        event: {
          id: randomUUID(),
          type: 'ReportingLineChanged',
          data: {
            employeeId: id,
            previousManagerId,
            newManagerId,
            effectiveAt: '2026-03-01T00:00:00.000Z',
          },
          metadata: metadata(tenantId, 'ReportingLineChanged', at++),
        },
      });
    } else sync(tenantId, id, next(8) === 0 ? 'left' : 'active');
  }
  for (let erased = 0; erased < (options.erasures ?? 0); erased++) {
    const tenantId = tenants[erased % tenants.length] ?? 'acme';
    const { id } = employee(tenantId, erased * 3);
    history.push({
      streamName: stream(tenantId, id, 'identity'),
      subject: id,
      event: {
        id: randomUUID(),
        type: 'PersonErased',
        data: { employeeId: id, erasedAt: '2026-06-01T12:00:00.000Z' },
        metadata: metadata(tenantId, 'PersonErased', at++),
      },
    });
  }
  return history;
}
