// The organisation's structure: the framework and role profiles it publishes, its people
// synced under their managers, reporting lines that change, and people erased at the end.
import { streamName } from '@talentloop/contracts';
import type { HistoryEvent } from '../../read-models/employee-history';
import type { Random } from '../random';
import { competencies, competencyNames, FRAMEWORK_ID, FRAMEWORK_VERSION, roles } from './catalogue';
import type { CycleContext, Employee } from './cycle-context';
import type { Examples } from './events';
import { DAY, HOUR, MINUTE } from './units';
import type { HistoryWriter } from './writer';

/** The manager of an employee by index in a tree with spans of 8; the first has none (-1). */
const managerOf = (index: number) => (index === 0 ? -1 : Math.floor((index - 1) / 8));

/** How many employees manage others: the first eighth. */
export const managersIn = (employees: number) => Math.max(1, Math.ceil(employees / 8));

/**
 * A tenant's framework, role profiles and employees, synced under their managers. Yields the
 * framework and profiles as one batch and the syncs in chunks; returns the employees.
 */
export function* setUpTenant(
  writer: HistoryWriter,
  next: Random,
  text: Examples,
  tenantId: string,
  size: { readonly employees: number; readonly departments: number; readonly start: number },
): Generator<HistoryEvent[], Employee[]> {
  const { start } = size;
  const frameworkStream = streamName({
    context: 'assessment',
    aggregate: 'framework',
    tenantId,
    id: FRAMEWORK_ID,
  });
  writer.emit(
    frameworkStream,
    FRAMEWORK_ID,
    tenantId,
    'hr-admin',
    start,
    'CompetencyFrameworkPublished',
    {
      frameworkId: FRAMEWORK_ID,
      frameworkVersion: FRAMEWORK_VERSION,
      name: 'Core competencies',
      language: 'en',
      competencies: competencies.map((competency, index) => ({
        competencyId: competency.id,
        name: competencyNames[index] ?? competency.id,
        definition: `What ${competency.id} means in daily work.`,
        kind: 'competency' as const,
        indicators: competency.indicators.map((indicatorId) => ({
          indicatorId,
          name: indicatorId,
          levels: {
            '1': 'Rarely shows it.',
            '2': 'Shows it when asked.',
            '3': 'Shows it in routine situations.',
            '4': 'Shows it under pressure.',
            '5': 'Helps others show it.',
          },
        })),
        facets: competency.facets.map((facetId) => ({
          facetId,
          name: facetId,
          description: 'A trait that underlies aptitude.',
        })),
      })),
    },
  );
  for (const [index, role] of roles.entries()) {
    writer.emit(
      streamName({ context: 'assessment', aggregate: 'roleProfile', tenantId, id: role.roleId }),
      role.roleId,
      tenantId,
      'hr-admin',
      start + (index + 1) * MINUTE,
      'RoleProfileDefined',
      {
        roleId: role.roleId,
        roleVersion: 1,
        name: role.name,
        frameworkId: FRAMEWORK_ID,
        frameworkVersion: FRAMEWORK_VERSION,
        requiredCompetencies: role.required.map(([competency, requiredLevel, weight]) => ({
          competencyId: competencies[competency]?.id ?? 'collaboration',
          requiredLevel,
          weight,
        })),
      },
    );
  }
  yield writer.flush();

  const managerCount = managersIn(size.employees);
  const employees: Employee[] = [];
  for (let index = 0; index < size.employees; index++) {
    const id = `emp-${index}`;
    const employee: Employee = {
      index,
      id,
      stream: streamName({ context: 'assessment', aggregate: 'employee', tenantId, id }),
      managerIndex: managerOf(index),
      roleIndex: index < managerCount ? 0 : 1 + next(roles.length - 1),
      clock: start + HOUR + index * 10_000,
      cycles: 0,
      measurements: 0,
      lastPlanId: null,
    };
    employees.push(employee);
    const department = next(size.departments);
    writer.emit(employee.stream, id, tenantId, 'hris-sync', employee.clock, 'EmployeeSynced', {
      ...text.synced,
      employeeId: id,
      externalId: `HR-${index}`,
      displayName: `Employee ${index}`,
      email: `${id}@example.com`,
      roleId: roles[employee.roleIndex]?.roleId ?? 'engineer',
      departmentId: `dept-${department}`,
      departmentName: `Department ${department}`,
      managerId: employee.managerIndex < 0 ? null : `emp-${employee.managerIndex}`,
      preferredLanguage: next(2) === 0 ? 'nl' : 'en',
      employmentStatus: 'active',
    });
    if (writer.pending >= 1000) yield writer.flush();
  }
  if (writer.pending > 0) yield writer.flush();
  return employees;
}

/** Now and then, between cycles, the employee moves to another manager. */
export const changeReportingLine = (
  { employee, next, on, later }: CycleContext,
  managerCount: number,
): void => {
  // Never while an approval is pending: the cycles run one after the other.
  if (employee.index <= 1 || next(12) !== 0) return;
  const candidates = Math.min(employee.index, managerCount);
  const newManager = next(candidates);
  if (newManager === employee.managerIndex) return;
  on(employee.stream, 'hris-sync', 'ReportingLineChanged', {
    employeeId: employee.id,
    previousManagerId: employee.managerIndex < 0 ? null : `emp-${employee.managerIndex}`,
    newManagerId: `emp-${newManager}`,
    effectiveAt: new Date(employee.clock).toISOString(),
  });
  employee.managerIndex = newManager;
  later(HOUR, DAY);
};

/** A few people erased at the end of a tenant's history: nothing about them follows. */
export const eraseSome = (
  writer: HistoryWriter,
  next: Random,
  tenantId: string,
  employees: readonly Employee[],
  managerCount: number,
): void => {
  const erasures = Math.max(1, Math.round(employees.length / 500));
  const erased = new Set<Employee>();
  for (let e = 0; e < erasures && employees.length > managerCount; e++) {
    // Only people who manage no one, so no one's approvals lose their manager.
    const employee = employees[managerCount + next(employees.length - managerCount)];
    if (!employee || erased.has(employee)) continue;
    erased.add(employee);
    employee.clock += DAY + next(30 * DAY);
    writer.emit(
      streamName({ context: 'identity', aggregate: 'person', tenantId, id: employee.id }),
      employee.id,
      tenantId,
      'privacy-officer',
      employee.clock,
      'PersonErased',
      { employeeId: employee.id, erasedAt: new Date(employee.clock).toISOString() },
    );
  }
};
