import fc from 'fast-check';
import type { EmployeeFacts } from '../employee-facts';
import { activePlansReport } from './active-plans.query';
import { developmentFocusReport } from './development-focus.query';
import {
  NOW,
  department,
  employees,
  goal,
  goalsById,
  measurement,
  request,
} from './employee-facts.fixtures';
import { gapMapReport } from './gap-map.query';
import { parsePeriod } from './period';
import {
  type ShownFigure,
  bitCount,
  nested,
  populationOf,
  randomOrganisation,
  shownFigures,
} from './random-organisation.fixtures';
import type { AnalyticsScope } from './request';
import { renderTextsIn } from '@talentloop/i18n';

/** What a reader of English sees of a report: its withheld reasons said in English. */
const inEnglish = (value: unknown) => renderTextsIn(value, 'en');

const CROSSING =
  'would reveal fewer than 5 people by subtraction from an overlapping figure on other filters';

describe('a role whose people all sit in one department', () => {
  it('is withheld when the department has 1 to 4 people more (the issue: sales minus its leads)', () => {
    // given 10 people in sales, 9 of them leads measured on collaboration, and 20 engineers
    const facts = [...salesWithLeads(10, 9), ...engineers(20)];
    // when HR asks for the gap map of sales, and for the gap map of leads
    const sales = gapMapReport(facts, request({ departmentId: 'sales' }));
    const leads = gapMapReport(facts, request({ roleId: 'lead' }));
    // then sales is shown, and the leads figure, whose difference is the one rep's gap, is not
    expect(sales.competencies[0].figure).toMatchObject({ status: 'shown', people: 10 });
    expect(inEnglish(leads.competencies[0].figure)).toEqual({
      status: 'withheld',
      reason: CROSSING,
    });
    expect(leads.competencies[0].byDepartment.map((row) => row.figure.status)).not.toContain(
      'shown',
    );
  });

  it('is withheld against the department row of the breakdown too', () => {
    // given the same organisation
    const facts = [...salesWithLeads(10, 9), ...engineers(20)];
    // when HR asks for active plans without filters, and for the leads
    const all = activePlansReport(facts, request());
    const leads = activePlansReport(facts, request({ roleId: 'lead' }));
    // then the sales row is shown and the leads total is withheld
    expect(all.byDepartment.find((row) => row.departmentId === 'sales')!.figure).toMatchObject({
      status: 'shown',
      people: 10,
    });
    expect(inEnglish(leads.total)).toEqual({ status: 'withheld', reason: CROSSING });
  });

  it('is shown when the department has 5 people more', () => {
    const facts = [...salesWithLeads(14, 9), ...engineers(20)];
    const leads = gapMapReport(facts, request({ roleId: 'lead' }));
    expect(leads.competencies[0].figure).toMatchObject({ status: 'shown', people: 9 });
  });

  it('is shown when its people are exactly the department', () => {
    const facts = [...salesWithLeads(10, 10), ...engineers(20)];
    const leads = gapMapReport(facts, request({ roleId: 'lead' }));
    expect(leads.competencies[0].figure).toMatchObject({ status: 'shown', people: 10 });
  });

  it('need not yield to a department that is withheld on its own', () => {
    // given sales of 10 (9 leads) and 4 engineers: sales is the whole scope minus 4 people
    const facts = [...salesWithLeads(10, 9), ...engineers(4)];
    // when HR asks for sales and for the leads
    const sales = gapMapReport(facts, request({ departmentId: 'sales' }));
    const leads = gapMapReport(facts, request({ roleId: 'lead' }));
    // then sales is withheld, so the leads (5 fewer than everyone) can be shown
    expect(sales.competencies[0].figure.status).toBe('withheld');
    expect(leads.competencies[0].figure).toMatchObject({ status: 'shown', people: 9 });
  });
});

describe('a role spread over departments', () => {
  it('yields to a department it leaves 1 to 4 people outside of, whatever the period', () => {
    // given 20 people in sales (12 leads), 2 leads in engineering and 20 engineers
    const facts = [
      ...salesWithLeads(20, 12),
      ...employees(2, 'eng-lead', { ...department('engineering'), ...measuredLead }),
      ...engineers(20),
    ];
    // when HR asks for the leads, for sales, and for sales in 2026
    const leads = gapMapReport(facts, request({ roleId: 'lead' }));
    const sales = gapMapReport(facts, request({ departmentId: 'sales' }));
    const sales2026 = gapMapReport(
      facts,
      request({ departmentId: 'sales', period: parsePeriod('2026')! }),
    );
    // then the leads minus sales would be the 2 engineering leads: the leads are withheld, and
    // sales is shown with or without a period (it need not yield to a withheld figure)
    expect(inEnglish(leads.competencies[0].figure)).toEqual({
      status: 'withheld',
      reason: CROSSING,
    });
    expect(sales.competencies[0].figure).toMatchObject({ status: 'shown', people: 20 });
    expect(sales2026.competencies[0].figure).toMatchObject({ status: 'shown', people: 20 });
  });
});

describe('a period inside another', () => {
  it('is withheld when the enclosing quarter has 1 to 4 people more', () => {
    // given 6 people who drafted goals in January 2026, 2 in February, and 10 in 2025
    const drafted = (count: number, prefix: string, draftedAt: string): EmployeeFacts[] =>
      employees(count, prefix, { goals: goalsById(goal('g', { status: 'drafted', draftedAt })) });
    const facts = [
      ...drafted(6, 'january', '2026-01-12T09:00:00.000Z'),
      ...drafted(2, 'february', '2026-02-12T09:00:00.000Z'),
      ...drafted(10, 'earlier', '2025-06-12T09:00:00.000Z'),
    ];
    // when HR asks for January, and for the first quarter
    const january = developmentFocusReport(facts, request({ period: parsePeriod('2026-01')! }));
    const quarter = developmentFocusReport(facts, request({ period: parsePeriod('2026-Q1')! }));
    // then the quarter is shown and January, which would give away February's 2, is not
    expect(quarter.competencies[0].figure).toMatchObject({ status: 'shown', people: 8 });
    expect(inEnglish(january.competencies[0].figure)).toEqual({
      status: 'withheld',
      reason: CROSSING,
    });
  });
});

describe('every figure a caller can obtain, over random organisations', () => {
  const scopes: readonly AnalyticsScope[] = [
    { kind: 'organisation' },
    { kind: 'team', managerId: 'm1' },
  ];

  it.each(scopes)(
    'leaves no two nested figures 1 to 4 people apart (%o)',
    (scope) => {
      fc.assert(
        fc.property(randomOrganisation, (facts) => {
          const figures = distinct(facts, scope, shownFigures(facts, scope, NOW));
          for (const [index, a] of figures.entries()) {
            for (const b of figures.slice(index + 1)) {
              if (a.figure.family !== b.figure.family) continue;
              if (!nested(a.figure, b.figure) && !nested(b.figure, a.figure)) continue;
              for (const [from, minus] of [
                [a, b],
                [b, a],
              ]) {
                const left = bitCount(from.population & ~minus.population);
                if (left > 0 && left < 5) {
                  throw new Error(
                    `${from.figure.label} minus ${minus.figure.label} describes ${left} people`,
                  );
                }
              }
            }
          }
        }),
        { numRuns: 30 },
      );
    },
    120_000,
  );
});

/** The shown figures with their people, one per family, conditions and population. */
function distinct(
  facts: readonly EmployeeFacts[],
  scope: AnalyticsScope,
  figures: readonly ShownFigure[],
): { figure: ShownFigure; population: number }[] {
  const seen = new Map<string, { figure: ShownFigure; population: number }>();
  for (const figure of figures) {
    const population = populationOf(facts, scope, figure);
    // The reference population is the one the report counted.
    if (bitCount(population) !== figure.people) {
      throw new Error(`${figure.label}: ${figure.people} people, ${bitCount(population)} expected`);
    }
    const key = [
      figure.family,
      figure.competencyId,
      figure.period?.label,
      figure.managerId,
      figure.indicatorId,
      population,
    ].join('|');
    if (!seen.has(key)) seen.set(key, { figure, population });
  }
  return [...seen.values()];
}

const measuredLead: Partial<EmployeeFacts> = {
  roleId: 'lead',
  measurements: { collaboration: measurement() },
  goals: goalsById(goal('goal-1')),
};

function salesWithLeads(count: number, leads: number): EmployeeFacts[] {
  return employees(count, 'sales', (index) => ({
    roleId: index < leads ? 'lead' : 'rep',
    measurements: { collaboration: measurement() },
    goals: goalsById(goal('goal-1')),
  }));
}

function engineers(count: number): EmployeeFacts[] {
  return employees(count, 'eng', {
    ...department('engineering'),
    roleId: 'engineer',
    measurements: { collaboration: measurement() },
    goals: goalsById(goal('goal-1')),
  });
}
