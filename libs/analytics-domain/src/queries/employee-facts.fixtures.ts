import type {
  DecisionFact,
  EmployeeFacts,
  GoalFact,
  MeasurementFact,
  RemeasurementFact,
} from '../employee-facts';
import type { AnalyticsFilters, AnalyticsRequest, AnalyticsScope } from './request';

export const NOW = '2026-06-15T12:00:00.000Z';

export const organisation: AnalyticsScope = { kind: 'organisation' };

export const request = (
  filters: AnalyticsFilters = {},
  overrides: Partial<Omit<AnalyticsRequest, 'filters'>> = {},
): AnalyticsRequest => ({ scope: organisation, filters, now: NOW, threshold: 5, ...overrides });

export const employee = (
  employeeId: string,
  overrides: Partial<EmployeeFacts> = {},
): EmployeeFacts => ({
  tenantId: 'tenant-1',
  employeeId,
  synced: true,
  departmentId: 'sales',
  departmentName: 'Sales',
  roleId: 'rep',
  managerId: 'manager-1',
  employmentStatus: 'active',
  erased: false,
  measurements: {},
  goals: {},
  decisions: [],
  remeasurements: [],
  history: [],
  ...overrides,
});

/** `count` employees `<prefix>-1`, `<prefix>-2`, … sharing the same facts. */
export const employees = (
  count: number,
  prefix: string,
  overrides: Partial<EmployeeFacts> | ((index: number) => Partial<EmployeeFacts>) = {},
): EmployeeFacts[] =>
  Array.from({ length: count }, (_, index) =>
    employee(
      `${prefix}-${index + 1}`,
      typeof overrides === 'function' ? overrides(index) : overrides,
    ),
  );

export const department = (departmentId: string): Partial<EmployeeFacts> => ({
  departmentId,
  departmentName: departmentId[0].toUpperCase() + departmentId.slice(1),
});

/** An active monthly goal on collaboration, activated in January 2026. */
export const goal = (goalId: string, overrides: Partial<GoalFact> = {}): GoalFact => ({
  goalId,
  competencyId: 'collaboration',
  targetKind: 'competency',
  status: 'active',
  draftedAt: '2026-01-05T09:00:00.000Z',
  submittedAt: '2026-01-06T09:00:00.000Z',
  activatedAt: '2026-01-10T09:00:00.000Z',
  closedAt: null,
  checkInCadence: 'monthly',
  nextCheckInDueAt: '2026-07-01T09:00:00.000Z',
  checkIns: [],
  ...overrides,
});

export const goalsById = (...goals: GoalFact[]): Record<string, GoalFact> =>
  Object.fromEntries(goals.map((each) => [each.goalId, each]));

export const measurement = (overrides: Partial<MeasurementFact> = {}): MeasurementFact => ({
  measurementId: 'measurement-1',
  aptitude: 70,
  behaviour: 50,
  gap: 20,
  instrument: '360-round',
  robustness: 'robust',
  measuredAt: '2026-02-01T09:00:00.000Z',
  ...overrides,
});

export const decision = (overrides: Partial<DecisionFact> = {}): DecisionFact => ({
  requestId: 'request-1',
  goalId: 'goal-1',
  outcome: 'approved',
  decidedAt: '2026-01-10T09:00:00.000Z',
  decidedBy: 'manager-1',
  turnaroundSeconds: 3600,
  ...overrides,
});

export const remeasurement = (overrides: Partial<RemeasurementFact> = {}): RemeasurementFact => ({
  competencyId: 'collaboration',
  measurementId: 'measurement-2',
  remeasuredAt: '2026-05-01T09:00:00.000Z',
  robustness: 'robust',
  sameInstrument: true,
  behaviourDelta: 10,
  aptitudeDelta: 0,
  indicators: [],
  ...overrides,
});
