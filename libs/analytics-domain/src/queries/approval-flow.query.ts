import type { DecisionFact, EmployeeFacts } from '../employee-facts';
import {
  type DepartmentRow,
  byKey,
  departmentBreakdown,
  matchesItem,
  matchesPerson,
  percentile,
  share,
  subjectOf,
} from './breakdown';
import {
  type Contribution,
  type Figure,
  Populations,
  privacyThreshold,
  suppressComplements,
} from './privacy';
import { type AnalyticsRequest, type FilterLabels, filterLabels, inScope } from './request';

export interface ApprovalFlowValue {
  readonly decisions: number;
  readonly medianTurnaroundSeconds: number;
  readonly p90TurnaroundSeconds: number;
  /** Rejected decisions over all decisions. */
  readonly rejectionRate: number;
}

export interface ManagerRow {
  /** Who decided (the manager, or HR acting as delegate). */
  readonly managerId: string;
  readonly figure: Figure<ApprovalFlowValue>;
}

export interface ApprovalFlowReport {
  readonly filters: FilterLabels;
  readonly threshold: number;
  readonly total: Figure<ApprovalFlowValue>;
  readonly byDepartment: readonly DepartmentRow<ApprovalFlowValue>[];
  readonly byManager: readonly ManagerRow[];
}

interface DecisionItem extends Contribution {
  readonly decision: DecisionFact;
}

/** A decision counts on its goal's competency, at the moment it was taken. */
const decisionItemsOf = (employee: EmployeeFacts): readonly DecisionItem[] =>
  employee.decisions.map((decision) => ({
    competencyId: employee.goals[decision.goalId]?.competencyId ?? null,
    at: decision.decidedAt,
    managerId: decision.decidedBy,
    decision,
  }));

/** Approval turnaround and rejection rate; the people are the employees whose goals were decided. */
export function approvalFlowReport(
  facts: readonly EmployeeFacts[],
  request: AnalyticsRequest,
): ApprovalFlowReport {
  const threshold = privacyThreshold(request.threshold);
  const { filters } = request;
  const people = facts.filter((employee) => inScope(employee, request.scope));
  const items = new Map(people.map((employee) => [employee, decisionItemsOf(employee)]));
  const populations = new Populations(
    people.map((employee) => subjectOf(employee, items.get(employee)!)),
    filters,
    threshold,
    ['department', 'manager'],
    [['department'], ['manager']],
  );
  const decided = new Map<EmployeeFacts, DecisionFact[]>();
  for (const employee of people) {
    if (!matchesPerson(employee, filters)) continue;
    const decisions = items
      .get(employee)!
      .filter((item) => matchesItem(filters, item))
      .map((item) => item.decision);
    if (decisions.length > 0) decided.set(employee, decisions);
  }
  const members = [...decided.keys()];
  const value = (group: readonly EmployeeFacts[]): ApprovalFlowValue =>
    flowOf(group.flatMap((employee) => decided.get(employee)!));

  const total = populations.assess({}, () => value(members)).figure;

  const decisionsByManager = new Map<string, DecisionFact[]>();
  for (const decision of [...decided.values()].flat()) {
    const decisions = decisionsByManager.get(decision.decidedBy);
    if (decisions === undefined) decisionsByManager.set(decision.decidedBy, [decision]);
    else decisions.push(decision);
  }
  const managerRows = [...decisionsByManager].map(([managerId, decisions]) => ({
    managerId,
    ...populations.assess({ manager: managerId }, () => flowOf(decisions)),
  }));
  return {
    filters: filterLabels(filters),
    threshold,
    total,
    byDepartment: departmentBreakdown(populations, total, members, value),
    // One employee's goals may be decided by several people, so rows overlap; suppressing
    // complements anyway costs little and keeps the rule the same for every breakdown.
    byManager: suppressComplements(total, managerRows, threshold)
      .sort(byKey((row) => row.managerId))
      .map(({ managerId, figure }) => ({ managerId, figure })),
  };
}

const flowOf = (decisions: readonly DecisionFact[]): ApprovalFlowValue => {
  const turnarounds = decisions.map((decision) => decision.turnaroundSeconds).sort((a, b) => a - b);
  const rejected = decisions.filter((decision) => decision.outcome === 'rejected').length;
  return {
    decisions: decisions.length,
    medianTurnaroundSeconds: percentile(turnarounds, 0.5),
    p90TurnaroundSeconds: percentile(turnarounds, 0.9),
    rejectionRate: share(rejected, decisions.length),
  };
};
