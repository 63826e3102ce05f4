import { TableScroll } from '../../components/table-scroll';
import { useMemo } from 'react';
import { useApi, useGet } from '../../api';
import { Chart } from '../../components/chart';
import { Loadable } from '../../components/states';
import { type TextKey, useLanguage, useT } from '../../i18n';
import { day, number } from '../../lib/format';
import { Link } from '../../router';
import { growthOfGoals, seriesOf, type GoalGrowth } from './growth';
import { Section } from './parts';
import { type GapReport, type Goal } from './types';

/** Indicator and competency names from the gap report, where it names them. */
const namesOf = (report: GapReport | undefined): Map<string, string> => {
  const names = new Map<string, string>();
  if (!report) return names;
  for (const gap of report.competencies) {
    names.set(gap.competencyId, gap.name);
    for (const indicator of [...gap.weakestIndicators, ...gap.strongestIndicators])
      names.set(indicator.indicatorId, indicator.name);
  }
  return names;
};

const GrowthOfGoal = ({ growth, names }: { growth: GoalGrowth; names: Map<string, string> }) => {
  const t = useT();
  const { language } = useLanguage();
  const nameOf = (id: string | null) =>
    id === null ? t('employee.growth.behaviour') : (names.get(id) ?? id);
  // The chart is drawn again only when the growth, the names or the language change.
  const { labels, chartSeries } = useMemo(() => {
    const series = seriesOf(growth, (id) =>
      id === null ? t('employee.growth.behaviour') : (names.get(id) ?? id),
    );
    return {
      labels: series.labels,
      chartSeries: [
        { label: t('employee.growth.baseline'), values: series.baseline },
        { label: t('employee.growth.remeasured'), values: series.remeasured },
      ],
    };
  }, [growth, names, t]);
  const outcomeKey =
    growth.outcome === 'achieved' ||
    growth.outcome === 'partly-achieved' ||
    growth.outcome === 'not-achieved'
      ? (`employee.growth.outcome.${growth.outcome}` as TextKey)
      : undefined;
  const tableId = `emp-growth-${growth.goalId}`;
  const score = (value: number | null) => (value === null ? '—' : number(language, value, 1));
  return (
    <Section title={growth.title} className="emp-growth">
      <p>
        {names.get(growth.competencyId) ?? growth.competencyId} ·{' '}
        <Link href={`/employee/goals/${encodeURIComponent(growth.goalId)}`}>
          {t('employee.growth.openGoal')}
        </Link>
      </p>
      <p className="emp-muted">
        {t('employee.growth.baselineAt', { date: day(language, growth.baselineAt) })}{' '}
        {growth.remeasuredAt &&
          t('employee.growth.remeasuredAt', { date: day(language, growth.remeasuredAt) })}{' '}
        {t(`employee.growth.source.${growth.source}`)}
        {outcomeKey && <> {t('employee.growth.outcome', { outcome: t(outcomeKey) })}</>}
      </p>
      <Chart
        type="bar"
        title={t('employee.growth.chart', { goal: growth.title })}
        labels={labels}
        series={chartSeries}
        max={100}
      />
      <TableScroll label={t('employee.growth.table', { goal: growth.title })}>
        <table id={tableId} className="emp-growth-table">
          <caption>{t('employee.growth.table', { goal: growth.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('employee.growth.part')}</th>
              <th scope="col">{t('employee.growth.baseline')}</th>
              <th scope="col">{t('employee.growth.remeasured')}</th>
              <th scope="col" className="emp-col-change">
                {t('employee.growth.change')}
              </th>
              <th scope="col">{t('employee.growth.target')}</th>
            </tr>
          </thead>
          <tbody>
            {growth.rows.map((row) => {
              const change =
                row.baseline !== null && row.remeasured !== null
                  ? row.remeasured - row.baseline
                  : null;
              return (
                <tr key={row.indicatorId ?? 'behaviour'}>
                  <th scope="row">{nameOf(row.indicatorId)}</th>
                  <td>{score(row.baseline)}</td>
                  <td>{score(row.remeasured)}</td>
                  <td className="emp-col-change">
                    {change === null ? '—' : `${change > 0 ? '+' : ''}${score(change)}`}
                  </td>
                  <td>{score(row.target)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </Section>
  );
};

/** /employee/growth: per goal, the frozen baseline against the remeasurement, per indicator. */
export const GrowthPage = () => {
  const t = useT();
  const { session } = useApi();
  const me = encodeURIComponent(session.userId);
  const goals = useGet<Goal[]>('planning', `/employees/${me}/goals`);
  const report = useGet<GapReport>('assessment', `/employees/${me}/gaps`);
  const reportData = report.state === 'done' ? report.data : undefined;
  const names = useMemo(() => namesOf(reportData), [reportData]);
  return (
    <>
      <h1>{t('employee.growth.title')}</h1>
      <p>{t('employee.growth.intro')}</p>
      <Loadable loaded={goals}>
        {(list) => {
          const growths = growthOfGoals(list);
          return growths.length === 0 ? (
            <p>{t('employee.growth.none')}</p>
          ) : (
            growths.map((growth) => (
              <GrowthOfGoal key={growth.goalId} growth={growth} names={names} />
            ))
          );
        }}
      </Loadable>
    </>
  );
};
