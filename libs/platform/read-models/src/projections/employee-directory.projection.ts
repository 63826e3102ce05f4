import type { EmployeeSynced } from '@talentloop/contracts';
import { assertNever } from '@talentloop/domain-kernel';
import type { Projection, ProjectedEvent } from '../projection';

/** One employee as the directory shows them. */
export interface EmployeeEntry {
  readonly kind: 'employee';
  readonly tenantId: string;
  readonly employeeId: string;
  readonly displayName: string;
  readonly roleId: string;
  readonly departmentId: string;
  readonly departmentName: string;
  readonly managerId: string | null;
  readonly employmentStatus: EmployeeSynced['data']['employmentStatus'];
}

/**
 * What is left of an erased person: no personal data, only the pseudonymous id. A marker
 * rather than a deletion because a deleted document forgets its source positions, and an
 * older EmployeeSynced delivered again would then bring the person back.
 */
export interface ErasedEmployee {
  readonly kind: 'erased';
  readonly tenantId: string;
  readonly employeeId: string;
}

/**
 * Headcount per department of one bucket of a tenant's employees. An EmployeeSynced names only
 * the department the employee is in now, so leaving the old one is only known to a document
 * that remembers where each employee was counted. One such document per tenant would be
 * copied whole on every event (evolve is pure), so employees are spread over a fixed number
 * of buckets by a hash of their id; a department's headcount is the sum over the buckets.
 */
export interface DepartmentHeadcounts {
  readonly kind: 'departments';
  readonly tenantId: string;
  readonly bucket: number;
  readonly departments: Readonly<
    Record<string, { readonly name: string; readonly headcount: number }>
  >;
  /** Active employees of the bucket and the department each one is counted in. */
  readonly placements: Readonly<Record<string, string>>;
}

export type EmployeeDirectoryDocument = EmployeeEntry | ErasedEmployee | DepartmentHeadcounts;

const directoryEventTypes = ['EmployeeSynced', 'ReportingLineChanged', 'PersonErased'] as const;
type DirectoryEvent = Extract<ProjectedEvent, { type: (typeof directoryEventTypes)[number] }>;
const isDirectoryEvent = (event: ProjectedEvent): event is DirectoryEvent =>
  (directoryEventTypes as readonly string[]).includes(event.type);

export const employeeDocumentId = (tenantId: string, employeeId: string): string =>
  `employee:${tenantId}:${employeeId}`;
/** Buckets per tenant: enough to keep each headcount document small, few enough to sum. */
export const HEADCOUNT_BUCKETS = 256;

/** FNV-1a: stable across processes and versions, unlike anything keyed on insertion order. */
export const headcountBucketOf = (employeeId: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < employeeId.length; i++)
    hash = Math.imul(hash ^ employeeId.charCodeAt(i), 0x01000193) >>> 0;
  return hash % HEADCOUNT_BUCKETS;
};

export const departmentsDocumentId = (tenantId: string, employeeId: string): string =>
  `departments:${tenantId}:${headcountBucketOf(employeeId)}`;

/** The headcount per department of a tenant, from its bucket documents. */
export const headcountsOf = (
  documents: readonly EmployeeDirectoryDocument[],
  tenantId: string,
): Record<string, number> => {
  const headcounts: Record<string, number> = {};
  for (const document of documents)
    if (document.kind === 'departments' && document.tenantId === tenantId)
      for (const [departmentId, { headcount }] of Object.entries(document.departments))
        headcounts[departmentId] = (headcounts[departmentId] ?? 0) + headcount;
  return headcounts;
};

/**
 * The bucket after an employee is counted in `target` (undefined: not counted). Untouched
 * parts are shared, and an unchanged bucket is returned as it was: a re-sync that changes
 * nothing costs no copy.
 */
const placed = (
  bucket: DepartmentHeadcounts,
  employeeId: string,
  target: string | undefined,
  named?: { readonly departmentId: string; readonly name: string },
): DepartmentHeadcounts => {
  const previous = bucket.placements[employeeId];
  const renamed =
    named !== undefined && bucket.departments[named.departmentId]?.name !== named.name;
  if (previous === target && !renamed) return bucket;
  const departments = { ...bucket.departments };
  const count = (departmentId: string, change: number, name?: string) => {
    const department = departments[departmentId];
    departments[departmentId] = {
      name: name ?? department?.name ?? departmentId,
      headcount: (department?.headcount ?? 0) + change,
    };
  };
  if (previous !== target) {
    if (previous !== undefined) count(previous, -1);
    if (target !== undefined) count(target, 1);
  }
  if (named) count(named.departmentId, 0, named.name);
  let placements = bucket.placements;
  if (previous !== target) {
    const copy = { ...placements };
    if (target === undefined) delete copy[employeeId];
    else copy[employeeId] = target;
    placements = copy;
  }
  return { ...bucket, departments, placements };
};

const evolveHeadcounts = (
  current: DepartmentHeadcounts | undefined,
  event: DirectoryEvent,
): DepartmentHeadcounts | undefined => {
  switch (event.type) {
    case 'EmployeeSynced': {
      const { employeeId, departmentId, departmentName, employmentStatus } = event.data;
      const bucket = current ?? {
        kind: 'departments',
        tenantId: event.metadata.tenantId,
        bucket: headcountBucketOf(employeeId),
        departments: {},
        placements: {},
      };
      const target = employmentStatus === 'active' ? departmentId : undefined;
      return placed(bucket, employeeId, target, { departmentId, name: departmentName });
    }
    case 'PersonErased':
      return current && placed(current, event.data.employeeId, undefined);
    case 'ReportingLineChanged':
      return current;
    default:
      return assertNever(event);
  }
};

const evolveEmployee = (
  current: EmployeeEntry | ErasedEmployee | undefined,
  event: DirectoryEvent,
): EmployeeEntry | ErasedEmployee | undefined => {
  // Erasure is final.
  if (current?.kind === 'erased') return current;
  switch (event.type) {
    case 'EmployeeSynced': {
      const { data } = event;
      return {
        kind: 'employee',
        tenantId: event.metadata.tenantId,
        employeeId: data.employeeId,
        displayName: data.displayName,
        roleId: data.roleId,
        departmentId: data.departmentId,
        departmentName: data.departmentName,
        managerId: data.managerId,
        employmentStatus: data.employmentStatus,
      };
    }
    case 'ReportingLineChanged':
      return current && { ...current, managerId: event.data.newManagerId };
    case 'PersonErased':
      return {
        kind: 'erased',
        tenantId: event.metadata.tenantId,
        employeeId: event.data.employeeId,
      };
    default:
      return current;
  }
};

/**
 * The employee directory: one document per employee (role, department, manager; a marker
 * once erased) and per-bucket headcount documents of each tenant's departments (see
 * headcountsOf). Queries filter on `kind`. Events of many employees, delivered from
 * many partitions, aggregate into the tenant's headcount document.
 */
export const employeeDirectoryProjection: Projection<EmployeeDirectoryDocument> = {
  name: 'employee-directory',
  version: 1,
  eventTypes: directoryEventTypes,
  indexes: [
    { fields: { kind: 1, tenantId: 1, departmentId: 1 } },
    { fields: { kind: 1, managerId: 1 } },
  ],
  documentIds(event) {
    if (!isDirectoryEvent(event)) return [];
    const { tenantId } = event.metadata;
    switch (event.type) {
      case 'EmployeeSynced':
      case 'PersonErased':
        return [
          employeeDocumentId(tenantId, event.data.employeeId),
          departmentsDocumentId(tenantId, event.data.employeeId),
        ];
      case 'ReportingLineChanged':
        return [employeeDocumentId(tenantId, event.data.employeeId)];
      default:
        return assertNever(event);
    }
  },
  evolve(document, event, documentId) {
    if (!isDirectoryEvent(event)) return document;
    if (documentId.startsWith('departments:'))
      return evolveHeadcounts(document?.kind === 'departments' ? document : undefined, event);
    return evolveEmployee(document?.kind === 'departments' ? undefined : document, event);
  },
};
