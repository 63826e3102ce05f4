import { interpolate } from '../../i18n/catalogue';
import { common } from '../../i18n/common';
import { hr } from '../../i18n/hr';
import type { Translate } from '../../i18n';
import { csvHeaderOf, csvRows } from './figure-table';
import {
  activePlansByDepartment,
  activePlansOverTime,
  activePlansSeries,
  approvalByDepartment,
  approvalSeries,
  checkInsByDepartment,
  developmentFocusSeries,
  developmentFocusTable,
  gapBand,
  gapDistributionTable,
  gapHeatmap,
  gapHeatmapTable,
  goalsAchievedTable,
  growthByCompetency,
  growthByIndicator,
  growthSeries,
} from './report-tables';
import type {
  ActivePlansReport,
  ApprovalFlowReport,
  CheckInAdherenceReport,
  DevelopmentFocusReport,
  Figure,
  GapMapReport,
  GapValue,
  GrowthReport,
  ReportBase,
} from './report-types';

const english: Record<string, string> = { ...common.en, ...hr.en };
const t: Translate = (key, values) => interpolate(english[key] ?? key, values);

const base: ReportBase = { asOf: '94', scope: { kind: 'organisation' }, filters: {}, threshold: 5 };
const shown = <Value>(people: number, value: Value): Figure<Value> => ({
  status: 'shown',
  people,
  value,
});
const withheld = (reason = 'describes fewer than 5 people'): Figure<never> => ({
  status: 'withheld',
  reason,
});
const plans = (employeesWithActiveGoal: number, headcount: number) => ({
  employeesWithActiveGoal,
  headcount,
  share: employeesWithActiveGoal / headcount,
});

describe('active plans', () => {
  const report: ActivePlansReport = {
    ...base,
    referenceInstant: '2026-03-10T00:00:00.000Z',
    total: shown(9, plans(3, 9)),
    byDepartment: [
      { departmentId: 'engineering', departmentName: 'Engineering', figure: withheld() },
      { departmentId: null, departmentName: null, figure: withheld('the total is withheld') },
    ],
    overTime: [
      { month: '2026-01', at: '2026-02-01T00:00:00.000Z', figure: shown(9, plans(1, 9)) },
      { month: '2026-02', at: '2026-03-01T00:00:00.000Z', figure: withheld() },
      { month: '2026-03', at: '2026-03-10T00:00:00.000Z', figure: shown(9, plans(3, 9)) },
    ],
  };

  it('given a withheld month, when charted, then that month is a gap, not zero', () => {
    const { labels, series } = activePlansSeries(report, t);
    expect(labels).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(series).toEqual([{ label: 'Share with an active goal', values: [11.1, null, 33.3] }]);
  });

  it('given the months, when tabled, then the CSV has units in its header and withheld cells with their reason', () => {
    const table = activePlansOverTime(report, t);
    expect(csvHeaderOf(table)).toEqual([
      'Month',
      'Employees with an active goal',
      'Headcount',
      'Share with an active goal (%)',
    ]);
    expect(csvRows(table)).toEqual([
      ['2026-01', 1, 9, 11.1],
      [
        '2026-02',
        'withheld (describes fewer than 5 people)',
        'withheld (describes fewer than 5 people)',
        'withheld (describes fewer than 5 people)',
      ],
      ['2026-03', 3, 9, 33.3],
    ]);
  });

  it('given departments, when tabled, then the total comes first and a row without a department is named so', () => {
    const table = activePlansByDepartment(report, t);
    expect(table.rows.map((row) => row.label)).toEqual([
      'All departments',
      'Engineering',
      'No department',
    ]);
    expect(table.rows[2]?.cells[0]).toEqual({ kind: 'withheld', reason: 'the total is withheld' });
  });
});

describe('development focus', () => {
  const report: DevelopmentFocusReport = {
    ...base,
    competencies: [
      {
        competencyId: 'collaboration',
        figure: shown(6, { drafted: 1, submitted: 2, active: 3, achieved: 4, goals: 12 }),
      },
      { competencyId: 'ownership', figure: withheld() },
    ],
  };

  it('given a withheld competency, when charted, then each status series has a gap there', () => {
    const { labels, series } = developmentFocusSeries(report, t);
    expect(labels).toEqual(['collaboration', 'ownership']);
    expect(series.map((serie) => [serie.label, serie.values])).toEqual([
      ['Drafted', [1, null]],
      ['Submitted or awaiting revision', [2, null]],
      ['Active', [3, null]],
      ['Achieved', [4, null]],
    ]);
  });

  it('given the report, when tabled, then all goals are a column of their own', () => {
    const table = developmentFocusTable(report, t);
    expect(csvHeaderOf(table)).toEqual([
      'Competency',
      'Drafted',
      'Submitted or awaiting revision',
      'Active',
      'Achieved',
      'All goals',
    ]);
    expect(csvRows(table)[0]).toEqual(['collaboration', 1, 2, 3, 4, 12]);
  });
});

describe('the gap map', () => {
  const gap = (averageGap: number): GapValue => ({
    averageGap,
    distribution: { below0: 1, from0to9: 2, from10to19: 3, from20to29: 4, from30: 5 },
  });
  const report: GapMapReport = {
    ...base,
    competencies: [
      {
        competencyId: 'collaboration',
        figure: shown(15, gap(22.8)),
        byDepartment: [
          { departmentId: 'sales', departmentName: 'Sales', figure: shown(8, gap(31.25)) },
          { departmentId: 'engineering', departmentName: 'Engineering', figure: withheld() },
        ],
      },
      {
        competencyId: 'ownership',
        figure: withheld(),
        byDepartment: [
          {
            departmentId: 'sales',
            departmentName: 'Sales',
            figure: withheld('the total this row is part of is withheld'),
          },
        ],
      },
    ],
  };

  it.each([
    [-0.1, 0],
    [0, 1],
    [9.99, 1],
    [10, 2],
    [29.9, 3],
    [30, 4],
    [80, 4],
  ])('given an average gap of %p, when banded, then it is in band %p', (value, band) => {
    expect(gapBand(value)).toBe(band);
  });

  it('given departments per competency, when mapped, then every department is a column and a missing one is no data, not withheld', () => {
    const heatmap = gapHeatmap(report, t);
    expect(heatmap.departments).toEqual([
      { key: 'engineering', label: 'Engineering' },
      { key: 'sales', label: 'Sales' },
    ]);
    expect(heatmap.rows).toEqual([
      {
        competencyId: 'collaboration',
        overall: { kind: 'value', value: 22.8, band: 3 },
        cells: [
          { kind: 'withheld', reason: 'describes fewer than 5 people' },
          { kind: 'value', value: 31.25, band: 4 },
        ],
      },
      {
        competencyId: 'ownership',
        overall: { kind: 'withheld', reason: 'describes fewer than 5 people' },
        cells: [
          { kind: 'none' },
          { kind: 'withheld', reason: 'the total this row is part of is withheld' },
        ],
      },
    ]);
  });

  it('given the heat map, when written as CSV, then withheld cells keep their reason and empty ones stay empty', () => {
    const table = gapHeatmapTable(gapHeatmap(report, t), t);
    expect(csvHeaderOf(table)).toEqual(['Competency', 'All departments', 'Engineering', 'Sales']);
    expect(csvRows(table)).toEqual([
      ['collaboration', 22.8, 'withheld (describes fewer than 5 people)', 31.25],
      [
        'ownership',
        'withheld (describes fewer than 5 people)',
        '',
        'withheld (the total this row is part of is withheld)',
      ],
    ]);
  });

  it('given the distribution, when tabled, then people per bucket follow the average gap', () => {
    const rows = csvRows(gapDistributionTable(report, t));
    expect(rows[0]).toEqual(['collaboration', 22.8, 1, 2, 3, 4, 5, 15]);
    expect(rows[1]).toHaveLength(8);
    expect(rows[1]?.slice(1)).toEqual(
      Array.from({ length: 7 }, () => 'withheld (describes fewer than 5 people)'),
    );
  });
});

describe('approval flow', () => {
  const value = {
    decisions: 12,
    medianTurnaroundSeconds: 7200,
    p90TurnaroundSeconds: 90_000,
    rejectionRate: 0.25,
  };
  const report: ApprovalFlowReport = {
    ...base,
    total: shown(10, value),
    byDepartment: [
      { departmentId: 'sales', departmentName: 'Sales', figure: shown(6, value) },
      { departmentId: 'legal', departmentName: 'Legal', figure: withheld() },
    ],
    byManager: [],
  };

  it('given turnarounds in seconds, when written as CSV, then they are hours and the header says so', () => {
    const table = approvalByDepartment(report, t);
    expect(csvHeaderOf(table)).toEqual([
      'Department',
      'Decisions',
      'Median turnaround (hours)',
      '90th percentile turnaround (hours)',
      'Rejection rate (%)',
    ]);
    expect(csvRows(table)[0]).toEqual(['All departments', 12, 2, 25, 25]);
  });

  it('given a withheld department, when charted, then it is a gap in both series', () => {
    expect(approvalSeries(report, t).series.map((serie) => serie.values)).toEqual([
      [2, null],
      [25, null],
    ]);
  });
});

describe('check-in adherence', () => {
  it('given the total and departments, when tabled, then the lengths outside the range are columns too', () => {
    const report: CheckInAdherenceReport = {
      ...base,
      referenceInstant: '2026-03-10T00:00:00.000Z',
      expectedCheckInMinutes: { min: 15, max: 30 },
      total: shown(7, {
        due: 10,
        onTime: 8,
        share: 0.8,
        held: 9,
        outsideExpectedLength: { count: 3, short: 1, long: 2, share: 1 / 3 },
      }),
      byDepartment: [],
    };
    const table = checkInsByDepartment(report, t);
    expect(csvHeaderOf(table)).toEqual([
      'Department',
      'Due',
      'Held on time',
      'Share on time (%)',
      'Held',
      'Outside expected length',
      'Shorter',
      'Longer',
      'Share of held outside expected length (%)',
    ]);
    expect(csvRows(table)).toEqual([['All departments', 10, 8, 80, 9, 3, 1, 2, 33.3]]);
  });
});

describe('growth and goals achieved', () => {
  const report: GrowthReport = {
    ...base,
    competencies: [
      {
        competencyId: 'collaboration',
        figure: shown(6, {
          averageBehaviourDelta: 0.456,
          remeasurements: 6,
          robust: 5,
          lessRobust: 1,
        }),
        indicators: [
          { indicatorId: 'collab-listening', figure: shown(6, { averageDelta: 0.5 }) },
          { indicatorId: 'collab-sharing', figure: withheld() },
        ],
      },
      { competencyId: 'ownership', figure: withheld(), indicators: [] },
    ],
    goalsAchieved: withheld(),
  };

  it('given competencies, when charted, then a withheld one is a gap', () => {
    expect(growthSeries(report, t).series[0]?.values).toEqual([0.46, null]);
  });

  it('given competencies, when tabled, then the change is rounded to two decimals in the CSV', () => {
    const table = growthByCompetency(report, t);
    expect(csvRows(table)).toEqual([
      ['collaboration', 0.46, 6, 5, 1],
      ['ownership', ...Array.from({ length: 4 }, () => 'withheld (describes fewer than 5 people)')],
    ]);
  });

  it('given indicators, when tabled, then each row names its competency', () => {
    expect(csvRows(growthByIndicator(report, t))).toEqual([
      ['collab-listening', 'collaboration', 0.5],
      ['collab-sharing', 'collaboration', 'withheld (describes fewer than 5 people)'],
    ]);
  });

  it('given goals achieved withheld, when tabled, then every column says withheld with the reason', () => {
    const table = goalsAchievedTable(report, t);
    expect(csvHeaderOf(table)).toEqual([
      'Scope',
      'Goals evaluated',
      'Achieved',
      'Share achieved (%)',
    ]);
    expect(csvRows(table)).toEqual([
      [
        'All departments',
        ...Array.from({ length: 3 }, () => 'withheld (describes fewer than 5 people)'),
      ],
    ]);
  });
});
