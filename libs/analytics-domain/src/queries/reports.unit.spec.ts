import type { EmployeeFacts } from '../employee-facts';
import { activePlansReport } from './active-plans.query';
import { approvalFlowReport } from './approval-flow.query';
import { checkInAdherenceReport } from './check-in-adherence.query';
import { developmentFocusReport } from './development-focus.query';
import { developmentHistory } from './development-history.query';
import {
  decision,
  department,
  employee,
  employees,
  goal,
  goalsById,
  measurement,
  NOW,
  remeasurement,
  request,
} from './employee-facts.fixtures';
import { gapMapReport } from './gap-map.query';
import { growthReport } from './growth.query';
import { parsePeriod } from './period';
import { analyticsReports, warmUpFilters, warmUpSteps } from './reports';
import { renderTextsIn } from '@talentloop/i18n';

/** What a reader of English sees of a report: its withheld reasons said in English. */
const inEnglish = (value: unknown) => renderTextsIn(value, 'en');

describe('active plans', () => {
  it('counts employees with a goal active at now over the active headcount', () => {
    const report = activePlansReport(activePlansFacts(), request());
    expect(report.total).toEqual({
      status: 'shown',
      people: 12,
      value: { employeesWithActiveGoal: 4, headcount: 12, share: 4 / 12 },
    });
    expect(report.byDepartment).toEqual([
      {
        departmentId: 'engineering',
        departmentName: 'Engineering',
        figure: {
          status: 'shown',
          people: 6,
          value: { employeesWithActiveGoal: 1, headcount: 6, share: 1 / 6 },
        },
      },
      {
        departmentId: 'sales',
        departmentName: 'Sales',
        figure: {
          status: 'shown',
          people: 6,
          value: { employeesWithActiveGoal: 3, headcount: 6, share: 0.5 },
        },
      },
    ]);
  });

  it('counts only active goals on the competency filtered on, over the same headcount', () => {
    const report = activePlansReport(
      activePlansFacts(),
      request({ competencyId: 'collaboration' }),
    );
    expect(report.total).toMatchObject({
      people: 12,
      value: { employeesWithActiveGoal: 3, headcount: 12 },
    });
  });

  it('reads a past period at its end, with one point per month end', () => {
    // given the first quarter, long over at now
    const report = activePlansReport(
      activePlansFacts(),
      request({ period: parsePeriod('2026-Q1')! }),
    );
    // then
    expect(report.referenceInstant).toBe('2026-04-01T00:00:00.000Z');
    expect(report.filters).toEqual({ period: '2026-Q1' });
    expect(report.threshold).toBe(5);
    expect(
      report.overTime.map((point) => [
        point.month,
        point.at,
        point.figure.status === 'shown' ? point.figure.value.employeesWithActiveGoal : null,
      ]),
    ).toEqual([
      ['2026-01', '2026-02-01T00:00:00.000Z', 5],
      ['2026-02', '2026-03-01T00:00:00.000Z', 6],
      ['2026-03', '2026-04-01T00:00:00.000Z', 4],
    ]);
  });
});

describe('development focus', () => {
  it('counts goals per competency by status group, most developed first', () => {
    const report = developmentFocusReport(developmentFocusFacts(), request());
    expect(inEnglish(report.competencies)).toEqual([
      {
        competencyId: 'listening',
        figure: {
          status: 'shown',
          people: 6,
          value: { drafted: 0, submitted: 0, active: 6, achieved: 2, goals: 8 },
        },
      },
      {
        competencyId: 'collaboration',
        figure: {
          status: 'shown',
          people: 5,
          value: { drafted: 1, submitted: 2, active: 2, achieved: 1, goals: 7 },
        },
      },
      {
        competencyId: 'feedback',
        figure: { status: 'withheld', reason: 'describes fewer than 5 people' },
      },
    ]);
  });
});

describe('gap map', () => {
  it('averages the latest gaps per competency and buckets them, also per department', () => {
    const report = gapMapReport(gapFacts(), request());
    expect(report.competencies.map((row) => row.competencyId)).toEqual([
      'collaboration',
      'listening',
    ]);
    const [collaboration, listening] = report.competencies;
    expect(collaboration.figure).toEqual({
      status: 'shown',
      people: 10,
      value: {
        averageGap: expect.closeTo(14.9, 6) as number,
        distribution: { below0: 1, from0to9: 2, from10to19: 1, from20to29: 5, from30: 1 },
      },
    });
    expect(collaboration.byDepartment).toEqual([
      {
        departmentId: 'engineering',
        departmentName: 'Engineering',
        figure: {
          status: 'shown',
          people: 5,
          value: {
            averageGap: 20,
            distribution: { below0: 0, from0to9: 0, from10to19: 0, from20to29: 5, from30: 0 },
          },
        },
      },
      {
        departmentId: 'sales',
        departmentName: 'Sales',
        figure: {
          status: 'shown',
          people: 5,
          value: {
            averageGap: expect.closeTo(9.8, 6) as number,
            distribution: { below0: 1, from0to9: 2, from10to19: 1, from20to29: 0, from30: 1 },
          },
        },
      },
    ]);
    expect(inEnglish(listening.figure)).toEqual({
      status: 'withheld',
      reason: 'describes fewer than 5 people',
    });
  });

  it('takes only measurements taken in the period', () => {
    const report = gapMapReport(gapFacts(), request({ period: parsePeriod('2026-03')! }));
    expect(report.competencies).toEqual([]);
  });
});

describe('approval flow', () => {
  it('gives the median and p90 turnaround (nearest rank) and the rejection rate', () => {
    const report = approvalFlowReport(approvalFacts(), request());
    const flow = {
      status: 'shown',
      people: 5,
      value: {
        decisions: 10,
        medianTurnaroundSeconds: 500,
        p90TurnaroundSeconds: 900,
        rejectionRate: 0.3,
      },
    };
    expect(report.total).toEqual(flow);
    expect(report.byManager).toEqual([{ managerId: 'manager-1', figure: flow }]);
    expect(report.byDepartment).toEqual([
      { departmentId: 'sales', departmentName: 'Sales', figure: flow },
    ]);
  });

  it('picks the nearest-rank median and p90 of unordered turnarounds with repeats', () => {
    // given 7 people with 1 to 7 decisions each, turnarounds in no order and often repeated
    const turnarounds: number[] = [];
    const facts = employees(7, 'person', (index) => ({
      decisions: Array.from({ length: index + 1 }, (_, each) => {
        const turnaroundSeconds = ((index * 7 + each * 13) % 11) * 100;
        turnarounds.push(turnaroundSeconds);
        return decision({ requestId: `request-${each}`, turnaroundSeconds });
      }),
    }));
    // when
    const report = approvalFlowReport(facts, request());
    // then it matches the sorted list read at ranks ceil(p * n)
    const sorted = [...turnarounds].sort((a, b) => a - b);
    expect(report.total).toMatchObject({
      status: 'shown',
      value: {
        decisions: 28,
        medianTurnaroundSeconds: sorted[Math.ceil(0.5 * 28) - 1],
        p90TurnaroundSeconds: sorted[Math.ceil(0.9 * 28) - 1],
      },
    });
  });

  it("gives each decider the figure of their own decisions, in everyone's order", () => {
    // given 6 people, each with a decision by manager-b and then one by manager-a
    const facts = employees(6, 'person', (index) => ({
      decisions: [
        decision({
          requestId: 'request-b',
          decidedBy: 'manager-b',
          outcome: index % 2 === 0 ? 'rejected' : 'approved',
          turnaroundSeconds: 1000 + (5 - index) * 10,
        }),
        decision({
          requestId: 'request-a',
          decidedBy: 'manager-a',
          turnaroundSeconds: index * 100,
        }),
      ],
    }));
    // when
    const report = approvalFlowReport(facts, request());
    // then each row reads its decider's turnarounds and rejections alone
    const flow = (median: number, p90: number, rejectionRate: number) => ({
      status: 'shown',
      people: 6,
      value: {
        decisions: 6,
        medianTurnaroundSeconds: median,
        p90TurnaroundSeconds: p90,
        rejectionRate,
      },
    });
    expect(report.byManager).toEqual([
      { managerId: 'manager-a', figure: flow(200, 500, 0) },
      { managerId: 'manager-b', figure: flow(1020, 1050, 0.5) },
    ]);
  });

  it('takes only decisions taken in the period', () => {
    const report = approvalFlowReport(approvalFacts(), request({ period: parsePeriod('2025')! }));
    expect(inEnglish(report.total)).toEqual({
      status: 'withheld',
      reason: 'describes fewer than 5 people',
    });
  });
});

describe('check-in adherence', () => {
  it('counts held check-ins and the due dates of active goals that passed without one', () => {
    const report = checkInAdherenceReport(checkInFacts(), request());
    expect(report.total).toEqual({
      status: 'shown',
      people: 5,
      value: {
        due: 9,
        onTime: 6,
        share: 6 / 9,
        held: 7,
        outsideExpectedLength: { count: 0, short: 0, long: 0, share: 0 },
      },
    });
  });

  it('counts a missed check-in in the period it was due, at every cadence step', () => {
    // given 5 weekly goals whose next check-in was due on 1 May and never held
    const facts = employees(5, 'weekly', {
      goals: goalsById(
        goal('goal-1', { checkInCadence: 'weekly', nextCheckInDueAt: '2026-05-01T09:00:00.000Z' }),
      ),
    });
    // when HR looks at May
    const report = checkInAdherenceReport(facts, request({ period: parsePeriod('2026-05')! }));
    // then 1, 8, 15, 22 and 29 May were missed by each
    expect(report.total).toEqual({
      status: 'shown',
      people: 5,
      value: {
        due: 25,
        onTime: 0,
        share: 0,
        held: 0,
        outsideExpectedLength: { count: 0, short: 0, long: 0, share: 0 },
      },
    });
  });

  it('counts only the missed due dates inside the period, and all of them without one', () => {
    // given 5 weekly goals whose next check-in was due on Friday 24 April and never held
    const facts = employees(5, 'weekly', {
      goals: goalsById(
        goal('goal-1', { checkInCadence: 'weekly', nextCheckInDueAt: '2026-04-24T09:00:00.000Z' }),
      ),
    });
    // when / then: May holds 1, 8, 15, 22 and 29 May; up to now (15 June) there are 8 each
    expect(
      checkInAdherenceReport(facts, request({ period: parsePeriod('2026-05')! })).total,
    ).toMatchObject({ value: { due: 25, onTime: 0 } });
    expect(checkInAdherenceReport(facts, request()).total).toMatchObject({
      value: { due: 40, onTime: 0 },
    });
  });
});

describe('growth', () => {
  it('averages behaviour growth per competency and per indicator, each its own figure', () => {
    const report = growthReport(growthFacts(), request());
    expect(inEnglish(report.competencies)).toEqual([
      {
        competencyId: 'collaboration',
        figure: {
          status: 'shown',
          people: 5,
          value: { averageBehaviourDelta: 30, remeasurements: 5, robust: 4, lessRobust: 1 },
        },
        indicators: [
          {
            indicatorId: 'clarity',
            figure: { status: 'withheld', reason: 'describes fewer than 5 people' },
          },
          {
            indicatorId: 'listening',
            figure: { status: 'shown', people: 5, value: { averageDelta: 6 } },
          },
        ],
      },
    ]);
  });

  it('filters on the period alike whether times carry milliseconds or not', () => {
    // given remeasurements in 2026, some written without milliseconds, and one just after it
    const facts = employees(6, 'person', (index) => ({
      remeasurements: [
        remeasurement({
          remeasuredAt: index === 5 ? '2027-01-01T00:00:00Z' : `2026-0${index + 1}-01T09:00:00Z`,
        }),
      ],
    }));
    // when
    const report = growthReport(facts, request({ period: parsePeriod('2026')! }));
    // then the five of 2026 count (the sixth is withheld by subtraction, not miscounted)
    expect(inEnglish(report.competencies[0].figure)).toEqual({
      status: 'withheld',
      reason:
        'would reveal fewer than 5 people by subtraction from the figure without the period filter',
    });
    const all = growthReport(facts.slice(0, 5), request({ period: parsePeriod('2026')! }));
    expect(all.competencies[0].figure).toMatchObject({ status: 'shown', people: 5 });
  });

  it('gives the share of evaluated goals that were achieved', () => {
    const report = growthReport(growthFacts(), request());
    expect(report.goalsAchieved).toEqual({
      status: 'shown',
      people: 5,
      value: { evaluated: 5, achieved: 3, share: 0.6 },
    });
  });
});

describe('development history', () => {
  it('lists the entries oldest first', () => {
    const entries = [
      {
        at: '2026-01-05T09:00:00.000Z',
        type: 'GoalDrafted',
        subjectId: 'goal-1',
        summary: 'goal goal-1 drafted',
      },
    ] as EmployeeFacts['history'];
    expect(developmentHistory(employee('e-1', { history: entries }))).toEqual({
      employeeId: 'e-1',
      erased: false,
      entries,
    });
  });

  it('is empty once the person is erased', () => {
    expect(developmentHistory(employee('e-1', { erased: true }))).toEqual({
      employeeId: 'e-1',
      erased: true,
      entries: [],
    });
  });
});

function activePlansFacts(): EmployeeFacts[] {
  const sales = [
    goal('s1-goal'),
    goal('s2-goal', { competencyId: 'listening', activatedAt: '2026-02-15T09:00:00.000Z' }),
    goal('s3-goal', { status: 'achieved', closedAt: '2026-03-10T00:00:00.000Z' }),
    goal('s4-goal', { status: 'withdrawn', closedAt: '2026-03-20T00:00:00.000Z' }),
    goal('s5-goal', { status: 'drafted', submittedAt: null, activatedAt: null }),
    goal('s6-goal'),
  ];
  return [
    ...sales.map((each, index) => employee(`s${index + 1}`, { goals: goalsById(each) })),
    ...employees(6, 'e', (index) => ({
      ...department('engineering'),
      goals: index === 0 ? goalsById(goal('e1-goal')) : {},
    })),
  ];
}

function developmentFocusFacts(): EmployeeFacts[] {
  const collaboration = [
    [goal('a1', { status: 'drafted' }), goal('a1b', { status: 'submitted' })],
    [goal('a2', { status: 'rejected' })],
    [goal('a3'), goal('a3b', { status: 'withdrawn', closedAt: '2026-02-01T00:00:00.000Z' })],
    [goal('a4')],
    [goal('a5', { status: 'achieved', closedAt: '2026-05-01T00:00:00.000Z' })],
  ];
  const listening = (index: number) =>
    goalsById(
      goal(`b${index}`, { competencyId: 'listening' }),
      ...(index === 0
        ? [
            goal('b0x', { competencyId: 'listening', status: 'achieved' }),
            goal('b0y', { competencyId: 'listening', status: 'achieved' }),
          ]
        : []),
    );
  return [
    ...collaboration.map((goals, index) => employee(`a${index}`, { goals: goalsById(...goals) })),
    ...employees(6, 'b', (index) => ({ goals: listening(index) })),
    ...employees(2, 'c', { goals: goalsById(goal('c', { competencyId: 'feedback' })) }),
  ];
}

function gapFacts(): EmployeeFacts[] {
  const salesGaps = [-5, 0, 9, 10, 35];
  return [
    ...employees(5, 'sales', (index) => ({
      measurements: {
        collaboration: measurement({ gap: salesGaps[index] }),
        ...(index < 2 && { listening: measurement({ gap: 50 }) }),
      },
    })),
    ...employees(5, 'eng', {
      ...department('engineering'),
      measurements: { collaboration: measurement({ gap: 20 }) },
    }),
    employee('unmeasured'),
  ];
}

function approvalFacts(): EmployeeFacts[] {
  return employees(5, 'e', (index) => ({
    goals: goalsById(goal('goal-1')),
    decisions: [
      decision({
        turnaroundSeconds: 100 * (index + 1),
        outcome: index < 3 ? 'rejected' : 'approved',
      }),
      decision({ requestId: 'request-2', turnaroundSeconds: 100 * (index + 6) }),
    ],
  }));
}

function checkInFacts(): EmployeeFacts[] {
  const held = (dueAt: string, onTime: boolean) => ({ heldAt: dueAt, dueAt, onTime });
  return [
    employee('late', {
      goals: goalsById(
        goal('goal-1', {
          nextCheckInDueAt: '2026-05-01T00:00:00.000Z',
          checkIns: [
            held('2026-02-01T00:00:00.000Z', true),
            held('2026-03-01T00:00:00.000Z', true),
            held('2026-04-01T00:00:00.000Z', false),
          ],
        }),
      ),
    }),
    ...employees(4, 'punctual', {
      goals: goalsById(goal('goal-1', { checkIns: [held('2026-06-01T00:00:00.000Z', true)] })),
    }),
  ];
}

function growthFacts(): EmployeeFacts[] {
  const outcomes = ['achieved', 'achieved', 'achieved', 'partly-achieved', 'not-achieved'] as const;
  return employees(5, 'e', (index) => ({
    remeasurements: [
      remeasurement({
        behaviourDelta: 10 * (index + 1),
        robustness: index === 4 ? 'less-robust' : 'robust',
        indicators: [
          { indicatorId: 'listening', delta: index === 4 ? 10 : 5 },
          ...(index < 2 ? [{ indicatorId: 'clarity', delta: 3 }] : []),
        ],
      }),
    ],
    goals: goalsById(
      goal('evaluated', { status: outcomes[index], closedAt: '2026-05-02T00:00:00.000Z' }),
      goal('running'),
    ),
  }));
}

describe('the reports warmed at start', () => {
  it('run with no filter, the sample’s department and role, and its first competency this year', () => {
    // Given an employee of the tenant with a measured competency
    const sample = employee('e-1', { measurements: { listening: measurement() } });
    // When the filters to warm are asked for
    const filters = warmUpFilters(sample, NOW);
    // Then they are none, the sample's department and role, its competency in this year
    expect(filters).toEqual([
      {},
      { departmentId: 'sales', roleId: 'rep' },
      { competencyId: 'listening', period: parsePeriod('2026') },
    ]);
  });

  it('run with filters that match no one when the tenant has no employee yet', () => {
    expect(warmUpFilters(undefined, NOW)).toEqual([
      {},
      { departmentId: undefined, roleId: undefined },
      { competencyId: 'none', period: parsePeriod('2026') },
    ]);
  });

  it('are a step per report and kind of filter, each reading the facts as they are when it runs', () => {
    // Given a tenant whose facts change while the warm-up is under way
    let facts: readonly EmployeeFacts[] = [employee('e-1')];
    const seen: number[] = [];
    const factsOf = () => {
      seen.push(facts.length);
      return facts;
    };
    // When the steps are made, then a second employee arrives, then every step runs
    const steps = warmUpSteps(factsOf, NOW, 5);
    facts = [employee('e-1'), employee('e-2')];
    for (const step of steps) step();
    // Then there is a step for every report under each of the three kinds of filter
    expect(steps).toHaveLength(Object.keys(analyticsReports).length * 3);
    // And the filters were chosen from the facts at the start, each step ran on the facts it found
    expect(seen).toEqual([1, ...steps.map(() => 2)]);
  });
});
