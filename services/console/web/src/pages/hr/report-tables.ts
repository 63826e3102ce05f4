// Each analytics report turned into the tables and chart series its page shows (and its CSV
// downloads hold). Pure: texts come from the `t` given, numbers stay numbers until shown.
import type { Series } from '../../components/chart';
import type { Translate } from '../../i18n';
import {
  type Cell,
  type NumberFormat,
  type TableModel,
  type TableRow,
  chartValue,
  figureCells,
  noneCell,
  textCell,
} from './figure-table';
import type {
  ActivePlansReport,
  ActivePlansValue,
  ApprovalFlowReport,
  ApprovalFlowValue,
  CheckInAdherenceReport,
  CheckInAdherenceValue,
  ByDepartment,
  DepartmentRow,
  DevelopmentFocusReport,
  DevelopmentFocusValue,
  Figure,
  GapMapReport,
  GapValue,
  GrowthReport,
  GrowthValue,
} from './report-types';

interface Column<Value> {
  readonly heading: string;
  readonly pick: (value: Value) => number;
  readonly format: NumberFormat;
}

/** A column's heading in the CSV, where numbers are written without their unit. */
const csvHeading = (heading: string, format: NumberFormat, t: Translate): string =>
  format === 'percent'
    ? `${heading} (%)`
    : format === 'duration'
      ? `${heading} (${t('hr.unit.hoursName')})`
      : heading;

/** A table of one label column and figure columns. */
const tableOf = <Value>(
  first: string,
  columns: readonly Column<Value>[],
  rows: readonly { readonly label: string; readonly figure: Figure<Value> }[],
  t: Translate,
): TableModel => ({
  header: [first, ...columns.map((column) => column.heading)],
  csvHeader: [first, ...columns.map((column) => csvHeading(column.heading, column.format, t))],
  rows: rows.map(({ label, figure }) => ({ label, cells: figureCells(figure, columns) })),
});

/** A department row's name: its name, else its id, else "no department". */
export const departmentLabel = (
  row: Pick<DepartmentRow<unknown>, 'departmentId' | 'departmentName'>,
  t: Translate,
): string => row.departmentName ?? row.departmentId ?? t('hr.noDepartment');

/** The total first, then one row per department. */
const departmentRows = <Value>(
  total: Figure<Value>,
  byDepartment: readonly DepartmentRow<Value>[],
  t: Translate,
) => [
  { label: t('hr.allDepartments'), figure: total },
  ...byDepartment.map((row) => ({ label: departmentLabel(row, t), figure: row.figure })),
];

/** One row per month, labelled by the month. */
const monthRows = <Value>(report: {
  readonly overTime: readonly { readonly month: string; readonly figure: Figure<Value> }[];
}) => report.overTime.map((point) => ({ label: point.month, figure: point.figure }));

/** One row per competency, labelled by its id. */
const competencyRows = <Value>(report: {
  readonly competencies: readonly {
    readonly competencyId: string;
    readonly figure: Figure<Value>;
  }[];
}) => report.competencies.map((row) => ({ label: row.competencyId, figure: row.figure }));

/** A report's figures by department, the total first, in the report's columns. */
const departmentTable = <Value>(
  report: ByDepartment<Value>,
  columns: readonly Column<Value>[],
  t: Translate,
): TableModel =>
  tableOf(t('hr.department'), columns, departmentRows(report.total, report.byDepartment, t), t);

/** A share (0…1) as a percentage for a chart, to one decimal. */
const chartPercent = (share: number): number => Math.round(share * 1000) / 10;

/** What a chart draws: its labels along the axis, and its series. */
type ChartData = { labels: string[]; series: Series[] };

/** A chart of one series: a point per row, its figure's value (a gap where it is withheld). */
const oneSeries = <Value>(
  label: string,
  rows: readonly { readonly label: string; readonly figure: Figure<Value> }[],
  valueOf: (value: Value) => number,
): ChartData => ({
  labels: rows.map((row) => row.label),
  series: [{ label, values: rows.map((row) => chartValue(row.figure, valueOf)) }],
});

// Active plans ---------------------------------------------------------------------------------

const activePlansColumns = (t: Translate): Column<ActivePlansValue>[] => [
  {
    heading: t('hr.activePlans.withGoal'),
    pick: (value) => value.employeesWithActiveGoal,
    format: 'count',
  },
  { heading: t('hr.activePlans.headcount'), pick: (value) => value.headcount, format: 'count' },
  { heading: t('hr.activePlans.share'), pick: (value) => value.share, format: 'percent' },
];

export const activePlansOverTime = (report: ActivePlansReport, t: Translate): TableModel =>
  tableOf(t('hr.month'), activePlansColumns(t), monthRows(report), t);

export const activePlansByDepartment = (report: ActivePlansReport, t: Translate): TableModel =>
  departmentTable(report, activePlansColumns(t), t);

/** The share with an active goal per month, in percent; withheld months are gaps. */
export const activePlansSeries = (report: ActivePlansReport, t: Translate): ChartData =>
  oneSeries(t('hr.activePlans.share'), monthRows(report), (value) => chartPercent(value.share));

// Development focus ----------------------------------------------------------------------------

const focusStatuses = ['drafted', 'submitted', 'active', 'achieved'] as const;

export const developmentFocusTable = (report: DevelopmentFocusReport, t: Translate): TableModel =>
  tableOf<DevelopmentFocusValue>(
    t('hr.competency'),
    [
      ...focusStatuses.map(
        (status): Column<DevelopmentFocusValue> => ({
          heading: t(`hr.focus.${status}`),
          pick: (value) => value[status],
          format: 'count',
        }),
      ),
      { heading: t('hr.focus.goals'), pick: (value) => value.goals, format: 'count' },
    ],
    competencyRows(report),
    t,
  );

/** Goals per competency, a series per status; withheld competencies are gaps. */
export const developmentFocusSeries = (
  report: DevelopmentFocusReport,
  t: Translate,
): ChartData => ({
  labels: report.competencies.map((row) => row.competencyId),
  series: focusStatuses.map((status) => ({
    label: t(`hr.focus.${status}`),
    values: report.competencies.map((row) => chartValue(row.figure, (value) => value[status])),
  })),
});

// Gap map --------------------------------------------------------------------------------------

/** The five bands of the heat map: the API's gap buckets (below 0, 0–9, 10–19, 20–29, 30+). */
export const gapBands = [
  { band: 0, upTo: 0 },
  { band: 1, upTo: 10 },
  { band: 2, upTo: 20 },
  { band: 3, upTo: 30 },
  { band: 4, upTo: Number.POSITIVE_INFINITY },
] as const;
export type GapBand = (typeof gapBands)[number]['band'];

/** The heat map band of an average gap: the higher, the further people are from the level. */
export const gapBand = (averageGap: number): GapBand =>
  gapBands.find((band) => averageGap < band.upTo)?.band ?? 4;

export type HeatCell =
  | { readonly kind: 'value'; readonly value: number; readonly band: GapBand }
  | { readonly kind: 'withheld'; readonly reason: string }
  | { readonly kind: 'none' };

export interface Heatmap {
  /** The columns: every department any competency has figures for, by name. */
  readonly departments: readonly { readonly key: string; readonly label: string }[];
  readonly rows: readonly {
    readonly competencyId: string;
    /** The competency over all departments. */
    readonly overall: HeatCell;
    /** One per department column. */
    readonly cells: readonly HeatCell[];
  }[];
}

const heatCellOf = (figure: Figure<GapValue> | undefined): HeatCell => {
  if (figure === undefined) return { kind: 'none' };
  if (figure.status === 'withheld') return { kind: 'withheld', reason: figure.reason };
  return {
    kind: 'value',
    value: figure.value.averageGap,
    band: gapBand(figure.value.averageGap),
  };
};

const departmentKey = (row: DepartmentRow<unknown>): string => row.departmentId ?? '';

/** Department × competency: the average gap of each, withheld ones with their reason. */
export const gapHeatmap = (report: GapMapReport, t: Translate): Heatmap => {
  const departments = new Map<string, string>();
  for (const competency of report.competencies)
    for (const row of competency.byDepartment)
      if (!departments.has(departmentKey(row)))
        departments.set(departmentKey(row), departmentLabel(row, t));
  const columns = [...departments]
    .map(([key, label]) => ({ key, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return {
    departments: columns,
    rows: report.competencies.map((competency) => ({
      competencyId: competency.competencyId,
      overall: heatCellOf(competency.figure),
      cells: columns.map(({ key }) =>
        heatCellOf(competency.byDepartment.find((row) => departmentKey(row) === key)?.figure),
      ),
    })),
  };
};

const heatToCell = (cell: HeatCell): Cell =>
  cell.kind === 'value'
    ? { kind: 'number', value: cell.value, format: 'points' }
    : cell.kind === 'withheld'
      ? cell
      : noneCell;

/** The heat map as a table model (its CSV): competencies down, all and each department across. */
export const gapHeatmapTable = (heatmap: Heatmap, t: Translate): TableModel => ({
  header: [
    t('hr.competency'),
    t('hr.allDepartments'),
    ...heatmap.departments.map((department) => department.label),
  ],
  rows: heatmap.rows.map(
    (row): TableRow => ({
      label: row.competencyId,
      cells: [heatToCell(row.overall), ...row.cells.map(heatToCell)],
    }),
  ),
});

const distributionKeys = ['below0', 'from0to9', 'from10to19', 'from20to29', 'from30'] as const;

/** Per competency: people per gap bucket, and how many people the figure describes. */
export const gapDistributionTable = (report: GapMapReport, t: Translate): TableModel => ({
  header: [
    t('hr.competency'),
    t('hr.gap.average'),
    ...distributionKeys.map((key) => t(`hr.gap.${key}`)),
    t('hr.people'),
  ],
  rows: report.competencies.map((row) => ({
    label: row.competencyId,
    cells:
      row.figure.status === 'shown'
        ? [
            { kind: 'number', value: row.figure.value.averageGap, format: 'points' },
            ...distributionKeys.map(
              (key): Cell => ({
                kind: 'number',
                value: row.figure.status === 'shown' ? row.figure.value.distribution[key] : 0,
                format: 'count',
              }),
            ),
            { kind: 'number', value: row.figure.people, format: 'count' },
          ]
        : Array.from(
            { length: distributionKeys.length + 2 },
            (): Cell => ({
              kind: 'withheld',
              reason: row.figure.status === 'withheld' ? row.figure.reason : '',
            }),
          ),
  })),
});

// Approval flow --------------------------------------------------------------------------------

const approvalColumns = (t: Translate): Column<ApprovalFlowValue>[] => [
  { heading: t('hr.approval.decisions'), pick: (value) => value.decisions, format: 'count' },
  {
    heading: t('hr.approval.median'),
    pick: (value) => value.medianTurnaroundSeconds,
    format: 'duration',
  },
  {
    heading: t('hr.approval.p90'),
    pick: (value) => value.p90TurnaroundSeconds,
    format: 'duration',
  },
  {
    heading: t('hr.approval.rejectionRate'),
    pick: (value) => value.rejectionRate,
    format: 'percent',
  },
];

export const approvalByDepartment = (report: ApprovalFlowReport, t: Translate): TableModel =>
  departmentTable(report, approvalColumns(t), t);

export const approvalByManager = (report: ApprovalFlowReport, t: Translate): TableModel =>
  tableOf(
    t('hr.approval.decidedBy'),
    approvalColumns(t),
    report.byManager.map((row) => ({ label: row.managerId, figure: row.figure })),
    t,
  );

/** Median and p90 turnaround per department, in hours; withheld departments are gaps. */
export const approvalSeries = (report: ApprovalFlowReport, t: Translate): ChartData => {
  const hours = (seconds: number) => Math.round(seconds / 360) / 10;
  return {
    labels: report.byDepartment.map((row) => departmentLabel(row, t)),
    series: [
      {
        label: t('hr.approval.median'),
        values: report.byDepartment.map((row) =>
          chartValue(row.figure, (value) => hours(value.medianTurnaroundSeconds)),
        ),
      },
      {
        label: t('hr.approval.p90'),
        values: report.byDepartment.map((row) =>
          chartValue(row.figure, (value) => hours(value.p90TurnaroundSeconds)),
        ),
      },
    ],
  };
};

// Check-in adherence ---------------------------------------------------------------------------

const checkInColumns = (t: Translate): Column<CheckInAdherenceValue>[] => [
  { heading: t('hr.checkIns.due'), pick: (value) => value.due, format: 'count' },
  { heading: t('hr.checkIns.onTime'), pick: (value) => value.onTime, format: 'count' },
  { heading: t('hr.checkIns.share'), pick: (value) => value.share, format: 'percent' },
  { heading: t('hr.checkIns.held'), pick: (value) => value.held, format: 'count' },
  {
    heading: t('hr.checkIns.outside'),
    pick: (value) => value.outsideExpectedLength.count,
    format: 'count',
  },
  {
    heading: t('hr.checkIns.short'),
    pick: (value) => value.outsideExpectedLength.short,
    format: 'count',
  },
  {
    heading: t('hr.checkIns.long'),
    pick: (value) => value.outsideExpectedLength.long,
    format: 'count',
  },
  {
    heading: t('hr.checkIns.outsideShare'),
    pick: (value) => value.outsideExpectedLength.share,
    format: 'percent',
  },
];

export const checkInsByDepartment = (report: CheckInAdherenceReport, t: Translate): TableModel =>
  departmentTable(report, checkInColumns(t), t);

/** The share held on time per department, in percent; withheld departments are gaps. */
export const checkInSeries = (report: CheckInAdherenceReport, t: Translate): ChartData =>
  oneSeries(t('hr.checkIns.share'), departmentRows(report.total, report.byDepartment, t), (value) =>
    chartPercent(value.share),
  );

// Growth and goals achieved --------------------------------------------------------------------

export const growthByCompetency = (report: GrowthReport, t: Translate): TableModel =>
  tableOf<GrowthValue>(
    t('hr.competency'),
    [
      {
        heading: t('hr.growth.averageDelta'),
        pick: (value) => value.averageBehaviourDelta,
        format: 'signed',
      },
      {
        heading: t('hr.growth.remeasurements'),
        pick: (value) => value.remeasurements,
        format: 'count',
      },
      { heading: t('hr.growth.robust'), pick: (value) => value.robust, format: 'count' },
      { heading: t('hr.growth.lessRobust'), pick: (value) => value.lessRobust, format: 'count' },
    ],
    competencyRows(report),
    t,
  );

/** One row per competency and indicator: the indicator's average change of level. */
export const growthByIndicator = (report: GrowthReport, t: Translate): TableModel => ({
  header: [t('hr.indicator'), t('hr.competency'), t('hr.growth.indicatorDelta')],
  rows: report.competencies.flatMap((competency) =>
    competency.indicators.map(
      (indicator): TableRow => ({
        label: indicator.indicatorId,
        cells: [
          textCell(competency.competencyId),
          ...figureCells(indicator.figure, [
            { pick: (value) => value.averageDelta, format: 'signed' },
          ]),
        ],
      }),
    ),
  ),
});

/** The average change per competency; withheld competencies are gaps. */
export const growthSeries = (report: GrowthReport, t: Translate): ChartData =>
  oneSeries(
    t('hr.growth.averageDelta'),
    competencyRows(report),
    (value) => Math.round(value.averageBehaviourDelta * 100) / 100,
  );

export const goalsAchievedTable = (report: GrowthReport, t: Translate): TableModel =>
  tableOf(
    t('hr.scope'),
    [
      { heading: t('hr.goals.evaluated'), pick: (value) => value.evaluated, format: 'count' },
      { heading: t('hr.goals.achieved'), pick: (value) => value.achieved, format: 'count' },
      { heading: t('hr.goals.share'), pick: (value) => value.share, format: 'percent' },
    ],
    [{ label: t('hr.allDepartments'), figure: report.goalsAchieved }],
    t,
  );
