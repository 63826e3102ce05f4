import type { EmployeeFacts, GoalStatus } from '../employee-facts';
import { activePlansReport } from './active-plans.query';
import { approvalFlowReport } from './approval-flow.query';
import { checkInAdherenceReport } from './check-in-adherence.query';
import { developmentFocusReport } from './development-focus.query';
import {
  decision,
  employee,
  goal,
  measurement,
  remeasurement,
  request,
} from './employee-facts.fixtures';
import { gapMapReport } from './gap-map.query';
import { growthReport } from './growth.query';
import { parsePeriod } from './period';
import type { Figure } from './privacy';
import type { AnalyticsFilters } from './request';

// A sanity check at production size (10,000 employees): results hang together. Timing is
// measured by the bench, not asserted here.
describe('a 10,000-employee organisation', () => {
  const facts = generate(10_000);
  const allFilters: AnalyticsFilters = {
    departmentId: 'dept-3',
    roleId: 'role-1',
    competencyId: 'competency-2',
    period: parsePeriod('2026')!,
  };

  it('counts the whole active, synced headcount, erased people included', () => {
    const expected = facts.filter(
      (each) => each.synced && each.employmentStatus === 'active',
    ).length;
    const report = activePlansReport(facts, request());
    expect(report.total).toMatchObject({ status: 'shown', people: expected });
    const rows = shownPeople(report.byDepartment.map((row) => row.figure));
    expect(rows.reduce((sum, people) => sum + people, 0)).toBe(expected);
  });

  it('shows a department row exactly as the same query filtered on that department does', () => {
    const report = activePlansReport(facts, request({ roleId: 'role-1' }));
    for (const row of report.byDepartment) {
      const filtered = activePlansReport(
        facts,
        request({ departmentId: row.departmentId!, roleId: 'role-1' }),
      );
      // They agree both ways: a row withheld secondarily is withheld in the filtered query.
      expect(filtered.total.status).toBe(row.figure.status);
      if (row.figure.status === 'shown') expect(filtered.total).toEqual(row.figure);
    }
  });

  it('withholds a gap map row filtered on a department exactly where its breakdown does', () => {
    const filters: AnalyticsFilters = { roleId: 'role-1', period: allFilters.period };
    const report = gapMapReport(facts, request(filters));
    const departments = new Set(
      report.competencies.flatMap((row) => row.byDepartment.map((each) => each.departmentId!)),
    );
    for (const departmentId of departments) {
      const filtered = gapMapReport(facts, request({ ...filters, departmentId }));
      for (const row of report.competencies) {
        const departmentRow = row.byDepartment.find((each) => each.departmentId === departmentId);
        const filteredRow = filtered.competencies.find(
          (each) => each.competencyId === row.competencyId,
        );
        if (departmentRow === undefined) continue;
        expect(filteredRow?.figure.status).toBe(departmentRow.figure.status);
        if (departmentRow.figure.status === 'shown') {
          expect(filteredRow?.figure).toEqual(departmentRow.figure);
        }
      }
    }
  });

  it('never shows a figure on fewer people than the threshold, whatever the filters', () => {
    const filterSets: AnalyticsFilters[] = [
      {},
      allFilters,
      { roleId: 'role-2', period: allFilters.period },
    ];
    for (const filters of filterSets) {
      const figures = [
        activePlansReport(facts, request(filters)).total,
        ...developmentFocusReport(facts, request(filters)).competencies.map((row) => row.figure),
        ...gapMapReport(facts, request(filters)).competencies.flatMap((row) => [
          row.figure,
          ...row.byDepartment.map((each) => each.figure),
        ]),
        approvalFlowReport(facts, request(filters)).total,
        ...approvalFlowReport(facts, request(filters)).byManager.map((row) => row.figure),
        checkInAdherenceReport(facts, request(filters)).total,
        ...growthReport(facts, request(filters)).competencies.flatMap((row) => [
          row.figure,
          ...row.indicators.map((each) => each.figure),
        ]),
        growthReport(facts, request(filters)).goalsAchieved,
      ];
      for (const people of shownPeople(figures)) expect(people).toBeGreaterThanOrEqual(5);
    }
  });

  it('narrows every population when filters are added', () => {
    const wide = gapMapReport(facts, request());
    const narrow = gapMapReport(facts, request({ departmentId: 'dept-3' }));
    for (const row of narrow.competencies) {
      const wider = wide.competencies.find((each) => each.competencyId === row.competencyId)!;
      if (row.figure.status === 'shown' && wider.figure.status === 'shown') {
        expect(row.figure.people).toBeLessThanOrEqual(wider.figure.people);
      }
    }
  });
});

function shownPeople(figures: readonly Figure<unknown>[]): number[] {
  return figures.flatMap((figure) => (figure.status === 'shown' ? [figure.people] : []));
}

/** Deterministic pseudo-random facts (mulberry32, fixed seed). */
function generate(count: number): EmployeeFacts[] {
  let seed = 42;
  const next = (below: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let mixed = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return Math.floor((((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296) * below);
  };
  const day = (): string => new Date(Date.UTC(2025, 0, 1) + next(520) * 86_400_000).toISOString();
  const statuses: readonly GoalStatus[] = [
    'drafted',
    'submitted',
    'rejected',
    'active',
    'active',
    'achieved',
    'partly-achieved',
    'not-achieved',
    'withdrawn',
  ];
  return Array.from({ length: count }, (_, index) => {
    const goals = Array.from({ length: next(4) }, (__, goalIndex) => {
      const status = statuses[next(statuses.length)];
      const activatedAt = day();
      return goal(`goal-${goalIndex}`, {
        competencyId: `competency-${next(12)}`,
        status,
        draftedAt: day(),
        activatedAt,
        closedAt: status === 'active' ? null : activatedAt,
        nextCheckInDueAt: day(),
        checkIns: [{ heldAt: day(), dueAt: day(), onTime: next(3) > 0 }],
      });
    });
    return employee(`employee-${index}`, {
      departmentId: `dept-${next(40)}`,
      departmentName: null,
      roleId: `role-${next(8)}`,
      managerId: `manager-${next(900)}`,
      erased: next(200) === 0,
      synced: next(300) !== 0,
      employmentStatus: next(20) === 0 ? 'left' : 'active',
      goals: Object.fromEntries(goals.map((each) => [each.goalId, each])),
      measurements: Object.fromEntries(
        Array.from({ length: next(4) }, () => [
          `competency-${next(12)}`,
          measurement({ gap: next(60) - 15, measuredAt: day() }),
        ]),
      ),
      decisions: goals.map((each) =>
        decision({
          goalId: each.goalId,
          decidedAt: day(),
          decidedBy: `manager-${next(900)}`,
          outcome: next(4) === 0 ? 'rejected' : 'approved',
          turnaroundSeconds: next(500_000),
        }),
      ),
      remeasurements: Array.from({ length: next(2) }, () =>
        remeasurement({
          competencyId: `competency-${next(12)}`,
          remeasuredAt: day(),
          behaviourDelta: next(30) - 5,
          indicators: [{ indicatorId: `indicator-${next(5)}`, delta: next(20) }],
        }),
      ),
    });
  });
}
