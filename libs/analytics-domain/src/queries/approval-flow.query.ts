import type { EmployeeFacts } from '../employee-facts';
import {
  type DepartmentRow,
  byKey,
  departmentBreakdown,
  itemMatcher,
  matchesPerson,
  perEmployee,
  share,
  subjectOf,
} from './breakdown';
import { Populations } from './populations';
import { type Figure, privacyThreshold, suppressComplements } from './privacy';
import type { Contribution, CountedSubject } from './subjects';
import { type AnalyticsRequest, type FilterLabels, filterLabels, inScope } from './request';
import { Interner } from './interner';
import { column, groupedBy } from './columns';

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

/** What the approval flow reads of one employee, flat, so a request does not walk the facts. */
interface FlowFacts {
  /** A decision counts on its goal's competency, at the moment it was taken. */
  readonly subject: CountedSubject;
  readonly turnarounds: readonly number[];
  readonly rejected: readonly number[];
  /** Interned deciders. */
  readonly managers: readonly number[];
}

const managers = new Interner();
const managerNames = managers.names;

const decisionsOf = (employee: EmployeeFacts): readonly Contribution[] =>
  employee.decisions.map(
    (decision): Contribution => ({
      competencyId: employee.goals[decision.goalId]?.competencyId ?? null,
      at: decision.decidedAt,
      managerId: decision.decidedBy,
    }),
  );

const flowFactsOf = perEmployee((employee): FlowFacts => {
  return {
    // Made again when needed: the subject keeps columns, not a list of small objects.
    subject: subjectOf(employee, () => decisionsOf(employee)),
    turnarounds: column(employee.decisions, (decision) => decision.turnaroundSeconds),
    rejected: column(employee.decisions, (decision) => (decision.outcome === 'rejected' ? 1 : 0)),
    managers: column(employee.decisions, (decision) => managers.id(decision.decidedBy)),
  };
});

/** Approval turnaround and rejection rate; the people are the employees whose goals were decided. */
export function approvalFlowReport(
  facts: readonly EmployeeFacts[],
  request: AnalyticsRequest,
): ApprovalFlowReport {
  const threshold = privacyThreshold(request.threshold);
  const { filters } = request;
  const people = facts.filter((employee) => inScope(employee, request.scope));
  const prepared = people.map(flowFactsOf);
  const populations = new Populations(
    prepared.map((each) => each.subject),
    filters,
    threshold,
    ['department', 'manager'],
    [['department'], ['manager']],
    [[], ['manager']],
  );
  const matching = itemMatcher(filters);

  // The decisions that count, as flat columns; each member's are contiguous.
  let size = 0;
  for (const each of prepared) size += each.turnarounds.length;
  const turnarounds = new Float64Array(size);
  const rejected = new Uint8Array(size);
  const managerOf = new Int32Array(size);
  const members: EmployeeFacts[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let count = 0;
  const take = (index: number, flow: (typeof prepared)[number]): void => {
    turnarounds[count] = flow.turnarounds[index];
    rejected[count] = flow.rejected[index];
    managerOf[count] = flow.managers[index];
    count += 1;
  };
  people.forEach((employee, person) => {
    if (!matchesPerson(employee, filters)) return;
    const flow = prepared[person];
    const start = count;
    matching(flow.subject, take, flow);
    if (count > start) {
      members.push(employee);
      starts.push(start);
      ends.push(count);
    }
  });
  const value = (group: readonly number[]): ApprovalFlowValue => {
    let length = 0;
    for (const member of group) length += ends[member] - starts[member];
    const values = new Float64Array(length);
    let position = 0;
    let rejections = 0;
    for (const member of group) {
      const start = starts[member];
      const end = ends[member];
      // A loop, not set(subarray()): a member has a few decisions, a subarray is an object.
      for (let index = start; index < end; index += 1) {
        values[position] = turnarounds[index];
        position += 1;
        rejections += rejected[index];
      }
    }
    return flowOf(values, rejections);
  };

  const total = populations.assess({}, () =>
    flowOf(turnarounds.slice(0, count), sum(rejected, 0, count)),
  ).figure;

  const byManager = byDecider(managerOf, turnarounds, rejected, count);
  const managerRows = byManager.deciders.map((manager, group) => ({
    managerId: managerNames[manager],
    ...populations.assess({ manager: managerNames[manager] }, () =>
      flowOf(
        byManager.turnarounds.subarray(byManager.starts[group], byManager.starts[group + 1]),
        byManager.rejections[group],
      ),
    ),
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

/** The decisions grouped by who took them: group g's are turnarounds[starts[g]..starts[g + 1]). */
interface ByDecider {
  /** Interned deciders, in order of their first decision (suppression breaks ties by it). */
  readonly deciders: readonly number[];
  readonly starts: Int32Array;
  readonly turnarounds: Float64Array;
  readonly rejections: Int32Array;
}

/** Groups the first `count` decisions by decider, each group in the decisions' order. */
const byDecider = (
  deciderOf: Int32Array,
  turnarounds: Float64Array,
  rejected: Uint8Array,
  count: number,
): ByDecider => {
  const groupOfDecider = new Map<number, number>();
  const groupOf = new Int32Array(count);
  for (let index = 0; index < count; index += 1) {
    let group = groupOfDecider.get(deciderOf[index]);
    if (group === undefined) {
      group = groupOfDecider.size;
      groupOfDecider.set(deciderOf[index], group);
    }
    groupOf[index] = group;
  }
  const { starts, order } = groupedBy(groupOf, groupOfDecider.size);
  const grouped = new Float64Array(count);
  const rejections = new Int32Array(groupOfDecider.size);
  for (let position = 0; position < count; position += 1) {
    const index = order[position];
    grouped[position] = turnarounds[index];
    rejections[groupOf[index]] += rejected[index];
  }
  return { deciders: [...groupOfDecider.keys()], starts, turnarounds: grouped, rejections };
};

const sum = (values: Uint8Array, start: number, end: number): number => {
  let result = 0;
  for (let index = start; index < end; index += 1) result += values[index];
  return result;
};

/** The index of the nearest-rank percentile (p in (0, 1]) in the sorted values. */
const rankOf = (length: number, p: number): number => Math.max(Math.ceil(p * length), 1) - 1;

/**
 * Moves the k-th smallest value of values[left..right] to index k, smaller ones before it
 * and larger ones after it (quickselect), in linear time on average.
 */
const select = (values: Float64Array, k: number, left: number, right: number): number => {
  let low = left;
  let high = right;
  while (low < high) {
    const pivot = values[(low + high) >>> 1];
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i] < pivot) i += 1;
      while (values[j] > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else break;
  }
  return values[k];
};

/** Reorders `turnarounds` in place. */
const flowOf = (turnarounds: Float64Array, rejected: number): ApprovalFlowValue => {
  const { length } = turnarounds;
  const p90 = length === 0 ? 0 : select(turnarounds, rankOf(length, 0.9), 0, length - 1);
  // Everything before the p90 rank is now no larger, so the median is found among those.
  const median =
    length === 0 ? 0 : select(turnarounds, rankOf(length, 0.5), 0, rankOf(length, 0.9));
  return {
    decisions: length,
    medianTurnaroundSeconds: median,
    p90TurnaroundSeconds: p90,
    rejectionRate: share(rejected, length),
  };
};
