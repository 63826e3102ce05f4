import type { EmployeeFacts } from '../employee-facts';
import { activePlansReport } from './active-plans.query';
import { approvalFlowReport } from './approval-flow.query';
import { developmentFocusReport } from './development-focus.query';
import {
  NOW,
  decision,
  department,
  employee,
  employees,
  goal,
  goalsById,
  measurement,
  request,
} from './employee-facts.fixtures';
import { gapMapReport } from './gap-map.query';
import { parsePeriod } from './period';
import {
  type Assessed,
  type Figure,
  MIN_PRIVACY_THRESHOLD,
  privacyThreshold,
  suppressComplements,
} from './privacy';
import { renderTextsIn, text } from '@talentloop/i18n';

/** What a reader of English sees of a report: its withheld reasons said in English. */
const inEnglish = (value: unknown) => renderTextsIn(value, 'en');

describe('the privacy threshold', () => {
  it('defaults to 5 people', () => {
    expect(privacyThreshold(undefined)).toBe(MIN_PRIVACY_THRESHOLD);
    expect(MIN_PRIVACY_THRESHOLD).toBe(5);
  });

  it('may be raised', () => {
    expect(privacyThreshold(8)).toBe(8);
  });

  it('is refused below 5 or when not a whole number', () => {
    expect(() => privacyThreshold(4)).toThrow(RangeError);
    expect(() => privacyThreshold(0)).toThrow(RangeError);
    expect(() => privacyThreshold(5.5)).toThrow(RangeError);
    expect(() => privacyThreshold(Number.NaN)).toThrow(RangeError);
  });

  it('is refused by every query when the request carries a lower one', () => {
    // given a request that tries to lower the threshold
    const lowered = request({}, { threshold: 3 });
    // when / then
    expect(() => activePlansReport(salesTeam(10), lowered)).toThrow(RangeError);
  });
});

describe('a figure for a small group', () => {
  it('is withheld with the threshold as reason for 4 people', () => {
    // given
    const facts = salesTeam(4);
    // when
    const report = activePlansReport(facts, request());
    // then
    expect(inEnglish(report.total)).toEqual({
      status: 'withheld',
      reason: 'describes fewer than 5 people',
    });
  });

  it('is shown for 5 people', () => {
    const report = activePlansReport(salesTeam(5), request());
    expect(report.total).toEqual({
      status: 'shown',
      people: 5,
      value: { employeesWithActiveGoal: 5, headcount: 5, share: 1 },
    });
  });

  it('says why in the reader’s language', () =>
    expect(renderTextsIn(activePlansReport(salesTeam(4), request()).total, 'nl')).toEqual({
      status: 'withheld',
      reason: 'beschrijft minder dan 5 mensen',
    }));

  it('follows a raised threshold', () => {
    const report = activePlansReport(salesTeam(6), request({}, { threshold: 7 }));
    expect(inEnglish(report.total)).toEqual({
      status: 'withheld',
      reason: 'describes fewer than 7 people',
    });
  });
});

describe('the subtraction attack', () => {
  it('withholds the narrower figure when two filters differ by 1 to 4 people', () => {
    // given 12 people in sales, 9 of them leads, and 20 engineers
    const facts = [...salesWithLeads(12, 9), ...engineers(20)];
    // when HR asks for sales, then for sales leads
    const sales = activePlansReport(facts, request({ departmentId: 'sales' }));
    const salesLeads = activePlansReport(facts, request({ departmentId: 'sales', roleId: 'lead' }));
    // then sales is shown, but the leads figure would reveal the 3 others
    expect(sales.total).toMatchObject({ status: 'shown', people: 12 });
    expect(inEnglish(salesLeads.total)).toEqual({
      status: 'withheld',
      reason:
        'would reveal fewer than 5 people by subtraction from the figure without the role filter',
    });
  });

  it('shows both figures when they describe the same people', () => {
    const facts = [...salesWithLeads(12, 12), ...engineers(20)];
    const salesLeads = activePlansReport(facts, request({ departmentId: 'sales', roleId: 'lead' }));
    expect(salesLeads.total).toMatchObject({ status: 'shown', people: 12 });
  });

  it('shows both figures when they differ by 5 people or more', () => {
    const facts = [...salesWithLeads(14, 9), ...engineers(20)];
    const sales = activePlansReport(facts, request({ departmentId: 'sales' }));
    const salesLeads = activePlansReport(facts, request({ departmentId: 'sales', roleId: 'lead' }));
    expect(sales.total).toMatchObject({ status: 'shown', people: 14 });
    expect(salesLeads.total).toMatchObject({ status: 'shown', people: 9 });
  });

  it('compares with the whole scope too (dropping every filter)', () => {
    // given 7 people in sales and 2 elsewhere: sales alone would reveal the 2
    const facts = [...salesTeam(7), ...engineers(2)];
    const sales = activePlansReport(facts, request({ departmentId: 'sales' }));
    expect(renderTextsIn(sales.total, 'nl')).toEqual({
      status: 'withheld',
      reason:
        'zou door aftrekken van het cijfer zonder het filter op afdeling minder dan 5 mensen onthullen',
    });
    expect(inEnglish(sales.total)).toEqual({
      status: 'withheld',
      reason:
        'would reveal fewer than 5 people by subtraction from the figure without the department filter',
    });
  });

  it('counts the period as a filter: dropping it means all time', () => {
    // given 6 people who drafted goals in 2026 and 2 more who drafted theirs in 2025
    const facts = [
      ...employees(6, 'recent', { goals: goalsById(goal('g', { status: 'drafted' })) }),
      ...employees(2, 'earlier', {
        goals: goalsById(goal('g', { status: 'drafted', draftedAt: '2025-03-01T00:00:00.000Z' })),
      }),
    ];
    // when HR asks for goals drafted in 2026
    const report = developmentFocusReport(facts, request({ period: parsePeriod('2026')! }));
    // then the 2026 row would reveal the 2 earlier people next to the all-time figure
    expect(inEnglish(report.competencies)).toEqual([
      {
        competencyId: 'collaboration',
        figure: {
          status: 'withheld',
          reason:
            'would reveal fewer than 5 people by subtraction from the figure without the period filter',
        },
      },
    ]);
  });
});

describe('a breakdown by department with a shown total', () => {
  it('withholds the next smallest row when exactly one row is withheld', () => {
    // given 20 engineers, 10 in sales and 3 in support
    const facts = [
      ...engineers(20),
      ...salesTeam(10),
      ...employees(3, 'sup', department('support')),
    ];
    // when
    const report = activePlansReport(facts, request());
    // then support is too small, and sales goes too so that total - engineering hides support
    expect(report.total).toMatchObject({ status: 'shown', people: 33 });
    expect(statusByDepartment(report.byDepartment)).toEqual({
      engineering: 'shown',
      sales: 'withheld',
      support: 'withheld',
    });
    expect(
      inEnglish(report.byDepartment.find((row) => row.departmentId === 'sales')!.figure),
    ).toEqual({
      status: 'withheld',
      reason: 'withheld so that the total minus the other rows does not reveal fewer than 5 people',
    });
  });

  it('withholds a row that is the total minus a small group', () => {
    const facts = [...engineers(20), ...salesTeam(3)];
    const report = activePlansReport(facts, request());
    expect(
      inEnglish(report.byDepartment.find((row) => row.departmentId === 'engineering')!.figure),
    ).toEqual({
      status: 'withheld',
      reason:
        'would reveal fewer than 5 people by subtraction from the figure without the department filter',
    });
  });

  it('shows every row when all are large enough', () => {
    const facts = [
      ...engineers(20),
      ...salesTeam(10),
      ...employees(6, 'sup', department('support')),
    ];
    const report = activePlansReport(facts, request());
    expect(statusByDepartment(report.byDepartment)).toEqual({
      engineering: 'shown',
      sales: 'shown',
      support: 'shown',
    });
  });
});

describe('a query filtered on a department', () => {
  // 20 engineers, 10 in sales and 3 in support: the breakdown withholds support, then sales.
  const facts = (): EmployeeFacts[] => [
    ...engineers(20),
    ...salesTeam(10),
    ...employees(3, 'sup', department('support')),
  ];

  it('is withheld when its row is withheld secondarily, so total − 20 − 10 never reveals the 3', () => {
    // given the organisation above
    // when HR asks for the total, the breakdown by department and the sales department alone
    const report = activePlansReport(facts(), request());
    const sales = activePlansReport(facts(), request({ departmentId: 'sales' }));
    // then the total and engineering are shown, but sales is withheld in both queries
    expect(report.total).toMatchObject({ status: 'shown', people: 33 });
    expect(statusByDepartment(report.byDepartment)).toEqual({
      engineering: 'shown',
      sales: 'withheld',
      support: 'withheld',
    });
    expect(inEnglish(sales.total)).toEqual({
      status: 'withheld',
      reason: 'withheld so that the total minus the other rows does not reveal fewer than 5 people',
    });
    expect(statusByDepartment(sales.byDepartment)).toEqual({ sales: 'withheld' });
    expect(sales.overTime.map((point) => point.figure.status)).not.toContain('shown');
  });

  it('is still shown when its row is shown in the breakdown', () => {
    // given the organisation above
    // when HR asks for engineering alone
    const engineering = activePlansReport(facts(), request({ departmentId: 'engineering' }));
    // then it is shown, as its row is
    expect(engineering.total).toMatchObject({ status: 'shown', people: 20 });
  });

  it('follows the breakdown under the same other filters', () => {
    // given the organisation above
    // when HR asks for sales with a period, which does not narrow a headcount
    const filters = { departmentId: 'sales', period: parsePeriod('2026')! };
    const sales = activePlansReport(facts(), request(filters));
    // then sales is withheld as in the breakdown for that period
    expect(sales.total.status).toBe('withheld');
  });

  it('is withheld per competency row where the breakdown of that row withholds it', () => {
    // given the same people, all measured on collaboration
    const measured = facts().map((each) => ({
      ...each,
      measurements: { collaboration: measurement() },
    }));
    // when HR asks for the gap map, then for the gap map of sales
    const all = gapMapReport(measured, request());
    const sales = gapMapReport(measured, request({ departmentId: 'sales' }));
    // then the sales row is withheld in both, and the sales query shows nothing of it
    expect(statusByDepartment(all.competencies[0].byDepartment)).toEqual({
      engineering: 'shown',
      sales: 'withheld',
      support: 'withheld',
    });
    expect(sales.competencies[0].figure.status).toBe('withheld');
    expect(statusByDepartment(sales.competencies[0].byDepartment)).toEqual({ sales: 'withheld' });
  });

  it('withholds the other figures of the report filtered on it too', () => {
    // given decisions taken by two managers for the 10 people in sales
    const decided = facts().map((each, index) =>
      each.departmentId === 'sales'
        ? { ...each, decisions: [decision({ decidedBy: `manager-${index % 2}` })] }
        : { ...each, decisions: [decision({ decidedBy: 'manager-9' })] },
    );
    // when HR asks for the approval flow of sales
    const sales = approvalFlowReport(decided, request({ departmentId: 'sales' }));
    // then neither the total nor the manager rows (5 + 5 = the 10) are shown
    expect(sales.total.status).toBe('withheld');
    expect(sales.byManager.map((row) => row.figure.status)).not.toContain('shown');
  });
});

describe('secondary suppression of rows', () => {
  it('goes on while the withheld rows together describe fewer than the threshold', () => {
    // given two withheld rows of 2 people each under a shown total
    const rows = [row(2, 'withheld'), row(2, 'withheld'), row(9, 'shown'), row(30, 'shown')];
    // when
    const result = suppressComplements(shownTotal, rows, 5);
    // then the smallest shown row goes too: total - 30 would reveal the 4
    expect(result.map((each) => each.figure.status)).toEqual([
      'withheld',
      'withheld',
      'withheld',
      'shown',
    ]);
  });

  it('stops once the withheld rows describe the threshold or more', () => {
    const rows = [row(3, 'withheld'), row(3, 'withheld'), row(9, 'shown')];
    expect(suppressComplements(shownTotal, rows, 5).map((each) => each.figure.status)).toEqual([
      'withheld',
      'withheld',
      'shown',
    ]);
  });

  it('withholds every row when the total is withheld, since the rows would add up to it', () => {
    const rows = [row(3, 'withheld'), row(9, 'shown')];
    const total = {
      status: 'withheld',
      reason: text('analytics.withheld.fewerThan', { threshold: 5 }),
    } as const;
    const [small, large] = suppressComplements(total, rows, 5);
    expect(small.figure.status).toBe('withheld');
    expect(inEnglish(large.figure)).toEqual({
      status: 'withheld',
      reason: 'the total this row is part of is withheld',
    });
  });
});

describe('the population of a figure', () => {
  it('is only the direct reports in team scope', () => {
    // given 5 reports of manager-1 and 6 of manager-2
    const facts = [
      ...salesTeam(5),
      ...employees(6, 'other', { managerId: 'manager-2', goals: activeGoal }),
    ];
    // when manager-1 asks
    const report = activePlansReport(
      facts,
      request({}, { scope: { kind: 'team', managerId: 'manager-1' } }),
    );
    // then
    expect(report.total).toMatchObject({ status: 'shown', people: 5 });
  });

  it('keeps erased people in the figures: erasure leaves the anonymous aggregates as they were', () => {
    const team = salesTeam(4);
    const before = activePlansReport(
      [...team, employee('leaving', { goals: activeGoal })],
      request(),
    );
    const after = activePlansReport(
      [...team, employee('leaving', { erased: true, goals: activeGoal })],
      request(),
    );
    expect(after).toEqual(before);
    expect(after.total).toMatchObject({ status: 'shown', people: 5 });
  });

  it('never includes people not yet synced from the HRIS', () => {
    const facts = [...salesTeam(4), employee('unsynced', { synced: false, goals: activeGoal })];
    expect(activePlansReport(facts, request()).total.status).toBe('withheld');
  });

  it('counts only active employment in a headcount', () => {
    const facts = [...salesTeam(5), employee('left', { employmentStatus: 'left' })];
    expect(activePlansReport(facts, request()).total).toMatchObject({ people: 5 });
  });
});

describe('the reference time', () => {
  it('is the fixed now of the request', () => {
    expect(activePlansReport(salesTeam(5), request()).referenceInstant).toBe(NOW);
  });
});

const activeGoal = goalsById(goal('goal-1'));

const shownTotal: Figure<number> = { status: 'shown', people: 100, value: 0 };

function row(people: number, status: 'shown' | 'withheld'): Assessed<number> {
  return {
    people,
    figure:
      status === 'shown'
        ? { status, people, value: 0 }
        : { status, reason: text('analytics.withheld.fewerThan', { threshold: 5 }) },
  };
}

function salesTeam(count: number): EmployeeFacts[] {
  return employees(count, 'sales', { goals: activeGoal });
}

function engineers(count: number): EmployeeFacts[] {
  return employees(count, 'eng', { ...department('engineering'), roleId: 'engineer' });
}

function salesWithLeads(count: number, leads: number): EmployeeFacts[] {
  return employees(count, 'sales', (index) => ({ roleId: index < leads ? 'lead' : 'rep' }));
}

function statusByDepartment(
  rows: readonly { departmentId: string | null; figure: { status: string } }[],
): Record<string, string> {
  return Object.fromEntries(rows.map((row) => [row.departmentId ?? '', row.figure.status]));
}
