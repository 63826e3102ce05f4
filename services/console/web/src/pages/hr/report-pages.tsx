import { useMemo } from 'react';
import { Chart } from '../../components/chart';
import { CsvDownload } from '../../components/csv-download';
import { useLanguage, useT } from '../../i18n';
import { number } from '../../lib/format';
import { csvHeaderOf, csvRows } from './figure-table';
import { FigureCards, FigureTable } from './figures';
import { downloadName } from './filters';
import { GapHeatmap } from './heatmap';
import { ReportPage } from './report-frame';
import { reports } from './report-list';
import {
  activePlansByDepartment,
  activePlansOverTime,
  activePlansSeries,
  approvalByDepartment,
  approvalByManager,
  approvalSeries,
  checkInSeries,
  checkInsByDepartment,
  developmentFocusSeries,
  developmentFocusTable,
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
  GapMapReport,
  GrowthReport,
} from './report-types';
import type { ReportFilters } from './filters';

const Empty = () => {
  const t = useT();
  return <p className="hr-empty">{t('hr.empty')}</p>;
};

/** Whether a chart would show anything at all (every value withheld: the table says why). */
const anyValue = (series: readonly { values: readonly (number | null)[] }[]): boolean =>
  series.some((serie) => serie.values.some((value) => value !== null));

// Active plans ---------------------------------------------------------------------------------

const ActivePlans = ({ data, filters }: { data: ActivePlansReport; filters: ReportFilters }) => {
  const t = useT();
  const { language } = useLanguage();
  const chart = useMemo(() => activePlansSeries(data, t), [data, t]);
  const overTime = activePlansOverTime(data, t);
  const byDepartment = activePlansByDepartment(data, t);
  const name = (part: string) => downloadName(`active-plans-${part}`, filters);
  return (
    <>
      <section>
        <h2 id="hr-now">{t('hr.activePlans.now')}</h2>
        <FigureCards table={byDepartment} />
        {data.total.status === 'shown' && (
          <p>
            {t('hr.activePlans.nowFigure', {
              withGoal: number(language, data.total.value.employeesWithActiveGoal),
              headcount: number(language, data.total.value.headcount),
            })}
          </p>
        )}
      </section>
      <section>
        <h2 id="hr-over-time">{t('hr.activePlans.overTime')}</h2>
        {anyValue(chart.series) && (
          <Chart
            type="line"
            title={t('hr.activePlans.chart')}
            labels={chart.labels}
            series={chart.series}
            unit="%"
            max={100}
          />
        )}
        <FigureTable
          caption={t('hr.activePlans.chart')}
          table={overTime}
          csvName={name('over-time')}
        />
      </section>
      <section>
        <h2 id="hr-by-department">{t('hr.activePlans.byDepartment')}</h2>
        <FigureTable
          caption={t('hr.activePlans.byDepartment')}
          table={byDepartment}
          csvName={name('by-department')}
        />
      </section>
    </>
  );
};

export const ActivePlansPage = () => (
  <ReportPage<ActivePlansReport>
    report={reports.activePlans}
    referenceInstant={(data) => data.referenceInstant}
  >
    {(data, filters) => <ActivePlans data={data} filters={filters} />}
  </ReportPage>
);

// Development focus ----------------------------------------------------------------------------

const DevelopmentFocus = ({
  data,
  filters,
}: {
  data: DevelopmentFocusReport;
  filters: ReportFilters;
}) => {
  const t = useT();
  const chart = useMemo(() => developmentFocusSeries(data, t), [data, t]);
  return (
    <section>
      <h2 id="hr-focus">{t('hr.focus.section')}</h2>
      <p>{t('hr.focus.note')}</p>
      {data.competencies.length === 0 ? (
        <Empty />
      ) : (
        <>
          {anyValue(chart.series) && (
            <Chart
              type="bar"
              title={t('hr.focus.chart')}
              labels={chart.labels}
              series={chart.series}
            />
          )}
          <FigureTable
            caption={t('hr.focus.chart')}
            table={developmentFocusTable(data, t)}
            csvName={downloadName('development-focus', filters)}
          />
        </>
      )}
    </section>
  );
};

export const DevelopmentFocusPage = () => (
  <ReportPage<DevelopmentFocusReport> report={reports.developmentFocus}>
    {(data, filters) => <DevelopmentFocus data={data} filters={filters} />}
  </ReportPage>
);

// Gap map --------------------------------------------------------------------------------------

const GapMap = ({ data, filters }: { data: GapMapReport; filters: ReportFilters }) => {
  const t = useT();
  const heatmap = gapHeatmap(data, t);
  const heatTable = gapHeatmapTable(heatmap, t);
  return (
    <>
      <section>
        <h2 id="hr-heatmap">{t('hr.gap.heatmap')}</h2>
        <p>{t('hr.gap.heatmapIntro')}</p>
        {data.competencies.length === 0 ? (
          <Empty />
        ) : (
          <>
            <GapHeatmap heatmap={heatmap} />
            <div className="actions">
              <CsvDownload
                name={downloadName('gap-map', filters)}
                header={csvHeaderOf(heatTable)}
                rows={csvRows(heatTable)}
              />
            </div>
          </>
        )}
      </section>
      {data.competencies.length > 0 && (
        <section>
          <h2 id="hr-distribution">{t('hr.gap.distribution')}</h2>
          <FigureTable
            caption={t('hr.gap.distribution')}
            table={gapDistributionTable(data, t)}
            csvName={downloadName('gap-distribution', filters)}
          />
        </section>
      )}
    </>
  );
};

export const GapMapPage = () => (
  <ReportPage<GapMapReport> report={reports.gapMap}>
    {(data, filters) => <GapMap data={data} filters={filters} />}
  </ReportPage>
);

// Approval flow --------------------------------------------------------------------------------

const ApprovalFlow = ({ data, filters }: { data: ApprovalFlowReport; filters: ReportFilters }) => {
  const t = useT();
  const chart = useMemo(() => approvalSeries(data, t), [data, t]);
  const byDepartment = approvalByDepartment(data, t);
  return (
    <>
      <section>
        <h2 id="hr-total">{t('hr.approval.total')}</h2>
        <p>{t('hr.approval.note')}</p>
        <FigureCards table={byDepartment} />
      </section>
      <section>
        <h2 id="hr-by-department">{t('hr.approval.byDepartment')}</h2>
        {anyValue(chart.series) && (
          <Chart
            type="bar"
            title={t('hr.approval.chart')}
            labels={chart.labels}
            series={chart.series}
          />
        )}
        <FigureTable
          caption={t('hr.approval.byDepartment')}
          table={byDepartment}
          csvName={downloadName('approval-flow-by-department', filters)}
        />
      </section>
      <section>
        <h2 id="hr-by-manager">{t('hr.approval.byManager')}</h2>
        {data.byManager.length === 0 ? (
          <Empty />
        ) : (
          <FigureTable
            caption={t('hr.approval.byManager')}
            table={approvalByManager(data, t)}
            csvName={downloadName('approval-flow-by-decider', filters)}
          />
        )}
      </section>
    </>
  );
};

export const ApprovalFlowPage = () => (
  <ReportPage<ApprovalFlowReport> report={reports.approvalFlow}>
    {(data, filters) => <ApprovalFlow data={data} filters={filters} />}
  </ReportPage>
);

// Check-in adherence ---------------------------------------------------------------------------

const CheckInAdherence = ({
  data,
  filters,
}: {
  data: CheckInAdherenceReport;
  filters: ReportFilters;
}) => {
  const t = useT();
  const chart = useMemo(() => checkInSeries(data, t), [data, t]);
  const byDepartment = checkInsByDepartment(data, t);
  return (
    <>
      <section>
        <h2 id="hr-total">{t('hr.checkIns.total')}</h2>
        <p>{t('hr.checkIns.expected', data.expectedCheckInMinutes)}</p>
        <FigureCards table={byDepartment} />
      </section>
      <section>
        <h2 id="hr-by-department">{t('hr.checkIns.byDepartment')}</h2>
        {anyValue(chart.series) && (
          <Chart
            type="bar"
            title={t('hr.checkIns.chart')}
            labels={chart.labels}
            series={chart.series}
            unit="%"
            max={100}
          />
        )}
        <FigureTable
          caption={t('hr.checkIns.byDepartment')}
          table={byDepartment}
          csvName={downloadName('check-in-adherence', filters)}
        />
      </section>
    </>
  );
};

export const CheckInAdherencePage = () => (
  <ReportPage<CheckInAdherenceReport>
    report={reports.checkInAdherence}
    referenceInstant={(data) => data.referenceInstant}
  >
    {(data, filters) => <CheckInAdherence data={data} filters={filters} />}
  </ReportPage>
);

// Growth ---------------------------------------------------------------------------------------

const Growth = ({ data, filters }: { data: GrowthReport; filters: ReportFilters }) => {
  const t = useT();
  const chart = useMemo(() => growthSeries(data, t), [data, t]);
  return (
    <>
      <section>
        <h2 id="hr-by-competency">{t('hr.growth.byCompetency')}</h2>
        <p>{t('hr.growth.note')}</p>
        {data.competencies.length === 0 ? (
          <Empty />
        ) : (
          <>
            {anyValue(chart.series) && (
              <Chart
                type="bar"
                title={t('hr.growth.chart')}
                labels={chart.labels}
                series={chart.series}
              />
            )}
            <FigureTable
              caption={t('hr.growth.byCompetency')}
              table={growthByCompetency(data, t)}
              csvName={downloadName('growth-by-competency', filters)}
            />
          </>
        )}
      </section>
      {data.competencies.length > 0 && (
        <section>
          <h2 id="hr-by-indicator">{t('hr.growth.byIndicator')}</h2>
          <FigureTable
            caption={t('hr.growth.byIndicator')}
            table={growthByIndicator(data, t)}
            csvName={downloadName('growth-by-indicator', filters)}
          />
        </section>
      )}
    </>
  );
};

export const GrowthPage = () => (
  <ReportPage<GrowthReport> report={reports.growth}>
    {(data, filters) => <Growth data={data} filters={filters} />}
  </ReportPage>
);

// Goals achieved -------------------------------------------------------------------------------

const GoalsAchieved = ({ data, filters }: { data: GrowthReport; filters: ReportFilters }) => {
  const t = useT();
  const { language } = useLanguage();
  const table = goalsAchievedTable(data, t);
  return (
    <section>
      <h2 id="hr-goals">{t('hr.goals.section')}</h2>
      <p>{t('hr.goals.note')}</p>
      <FigureCards table={table} />
      {data.goalsAchieved.status === 'shown' && (
        <p>
          {t('hr.goals.figure', {
            achieved: number(language, data.goalsAchieved.value.achieved),
            evaluated: number(language, data.goalsAchieved.value.evaluated),
          })}
        </p>
      )}
      <FigureTable
        caption={t('hr.goals.section')}
        table={table}
        csvName={downloadName('goals-achieved', filters)}
      />
    </section>
  );
};

export const GoalsAchievedPage = () => (
  <ReportPage<GrowthReport> report={reports.goalsAchieved}>
    {(data, filters) => <GoalsAchieved data={data} filters={filters} />}
  </ReportPage>
);
