import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useGet } from '../../api';
import { Loadable } from '../../components/states';
import { type TextKey, useLanguage, useT } from '../../i18n';
import { instant } from '../../lib/format';
import { Link, navigate, useLocation } from '../../router';
import {
  type FilterName,
  type ReportFilters,
  ID_PATTERN,
  PERIOD_PATTERN,
  filterNames,
  filterSearch,
  filtersFrom,
  isId,
  isPeriod,
} from './filters';
import { departmentLabel } from './report-tables';
import { ANALYTICS_HOME, type ReportInfo, reportIds, reports } from './report-list';
import type {
  ActivePlansReport,
  DevelopmentFocusReport,
  GapMapReport,
  ReportBase,
} from './report-types';
import './hr.css';

export const titleKey = (report: ReportInfo): TextKey => `hr.report.${report.id}.title`;
export const summaryKey = (report: ReportInfo): TextKey => `hr.report.${report.id}.summary`;

interface Option {
  readonly value: string;
  readonly label: string;
}

const withCurrent = (options: readonly Option[], current: string | undefined): Option[] =>
  current === undefined || options.some((option) => option.value === current)
    ? [...options]
    : [...options, { value: current, label: current }];

/**
 * The departments and competencies to choose from, as the unfiltered reports name them
 * (the API has no list of its own): departments of the headcount, competencies measured or
 * with goals. Withheld rows still name their department and competency.
 */
const useFilterOptions = () => {
  const t = useT();
  const plans = useGet<ActivePlansReport>('analytics', '/analytics/active-plans');
  const gaps = useGet<GapMapReport>('analytics', '/analytics/gap-map');
  const focus = useGet<DevelopmentFocusReport>('analytics', '/analytics/development-focus');
  const departments: Option[] =
    plans.state === 'done'
      ? plans.data.byDepartment
          .filter((row) => row.departmentId !== null)
          .map((row) => ({ value: row.departmentId ?? '', label: departmentLabel(row, t) }))
      : [];
  const competencyIds = new Set<string>([
    ...(gaps.state === 'done' ? gaps.data.competencies.map((row) => row.competencyId) : []),
    ...(focus.state === 'done' ? focus.data.competencies.map((row) => row.competencyId) : []),
  ]);
  const competencies = [...competencyIds].sort().map((id) => ({ value: id, label: id }));
  return { departments, competencies };
};

type Errors = Partial<Record<FilterName, TextKey>>;

const errorsOf = (filters: ReportFilters): Errors => {
  const errors: Errors = {};
  if (filters.period && !isPeriod(filters.period)) errors.period = 'hr.filters.periodInvalid';
  if (filters.role && !isId(filters.role)) errors.role = 'hr.filters.idInvalid';
  return errors;
};

/** The report's filters (those the API takes), applied by going to the filtered address. */
const FilterForm = ({ path, filters }: { path: string; filters: ReportFilters }) => {
  const t = useT();
  const [draft, setDraft] = useState<ReportFilters>(filters);
  const [errors, setErrors] = useState<Errors>({});
  const form = useRef<HTMLFormElement>(null);
  const { departments, competencies } = useFilterOptions();
  const set = (name: FilterName, value: string) =>
    setDraft((current) => ({ ...current, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = errorsOf(draft);
    setErrors(found);
    const invalid = filterNames.find((name) => found[name]);
    if (invalid) {
      form.current?.querySelector<HTMLElement>(`[name="${invalid}"]`)?.focus();
      return;
    }
    navigate(`${path}${filterSearch(draft)}`);
  };
  const described = (name: FilterName, hint?: boolean) =>
    [hint ? `hr-${name}-hint` : '', errors[name] ? `hr-${name}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  const error = (name: FilterName) =>
    errors[name] && (
      <span id={`hr-${name}-error`} className="hr-field-error">
        {t(errors[name])}
      </span>
    );
  const select = (name: 'department' | 'competency', options: readonly Option[]) => (
    <label>
      {t(`hr.filters.${name}`)}
      <select
        name={name}
        value={draft[name] ?? ''}
        onChange={(event) => set(name, event.target.value)}
      >
        <option value="">{t('hr.filters.any')}</option>
        {withCurrent(options, filters[name]).map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form ref={form} className="hr-filters" noValidate onSubmit={submit}>
      <fieldset>
        <legend>{t('hr.filters.title')}</legend>
        <div className="hr-filter-fields">
          <label>
            {t('hr.filters.period')}
            <input
              name="period"
              value={draft.period ?? ''}
              placeholder="2026-Q1"
              pattern={PERIOD_PATTERN}
              inputMode="text"
              autoComplete="off"
              aria-invalid={errors.period ? true : undefined}
              aria-describedby={described('period', true)}
              onChange={(event) => set('period', event.target.value)}
            />
            <span id="hr-period-hint" className="hr-hint">
              {t('hr.filters.periodHint')}
            </span>
            {error('period')}
          </label>
          {select('department', departments)}
          <label>
            {t('hr.filters.role')}
            <input
              name="role"
              value={draft.role ?? ''}
              pattern={ID_PATTERN}
              autoComplete="off"
              aria-invalid={errors.role ? true : undefined}
              aria-describedby={described('role', true)}
              onChange={(event) => set('role', event.target.value)}
            />
            <span id="hr-role-hint" className="hr-hint">
              {t('hr.filters.roleHint')}
            </span>
            {error('role')}
          </label>
          {select('competency', competencies)}
        </div>
        <div className="actions">
          <button type="submit">{t('hr.filters.apply')}</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft({});
              setErrors({});
              navigate(path);
            }}
          >
            {t('hr.filters.clear')}
          </button>
        </div>
      </fieldset>
    </form>
  );
};

/** What the figures cover: the filters the service applied, its privacy rule, how recent. */
const AboutFigures = ({
  data,
  referenceInstant,
}: {
  data: ReportBase;
  referenceInstant?: string;
}) => {
  const t = useT();
  const { language } = useLanguage();
  const applied = [
    data.filters.period && `${t('hr.filters.period')}: ${data.filters.period}`,
    data.filters.departmentId && `${t('hr.filters.department')}: ${data.filters.departmentId}`,
    data.filters.roleId && `${t('hr.filters.role')}: ${data.filters.roleId}`,
    data.filters.competencyId && `${t('hr.filters.competency')}: ${data.filters.competencyId}`,
  ].filter(Boolean);
  return (
    <div className="hr-about">
      <p role="status" className="hr-applied">
        {applied.length > 0
          ? t('hr.filters.applied', { filters: applied.join(', ') })
          : t('hr.filters.none')}
      </p>
      <p>{t('hr.privacy', { threshold: data.threshold })}</p>
      <p className="hr-muted">
        {referenceInstant &&
          `${t('hr.referenceInstant', { date: instant(language, referenceInstant) })} `}
        {t('hr.asOf', { asOf: data.asOf })}
      </p>
    </div>
  );
};

/** The other reports, keeping the filters. */
const ReportsNav = ({ current, search }: { current: ReportInfo; search: string }) => {
  const t = useT();
  return (
    <nav aria-label={t('hr.reportsNav')} className="hr-reports-nav">
      <h2>{t('hr.overview.reports')}</h2>
      <ul>
        {reportIds.map((id) => (
          <li key={id}>
            <Link
              href={`${reports[id].path}${search}`}
              aria-current={id === current.id ? 'page' : undefined}
            >
              {t(titleKey(reports[id]))}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
};

/**
 * The frame of every report page: breadcrumb, title, filters, the report as the service
 * answered it for those filters (or loading, or the problem), and the other reports.
 */
export const ReportPage = <Report extends ReportBase>({
  report,
  children,
  referenceInstant,
}: {
  report: ReportInfo;
  referenceInstant?: (data: Report) => string;
  children: (data: Report, filters: ReportFilters) => ReactNode;
}) => {
  const t = useT();
  const { searchParams } = useLocation();
  const filters = filtersFrom(searchParams);
  const search = filterSearch(filters);
  const loaded = useGet<Report>('analytics', report.endpoint, { ...filters });
  return (
    <div className="hr-report">
      <nav aria-label={t('hr.breadcrumb')} className="hr-breadcrumb">
        <ol>
          <li>
            <Link href={ANALYTICS_HOME}>{t('hr.overview.title')}</Link>
          </li>
          <li>
            <span aria-current="page">{t(titleKey(report))}</span>
          </li>
        </ol>
      </nav>
      <h1>{t(titleKey(report))}</h1>
      <p className="hr-lead">{t(summaryKey(report))}</p>
      <FilterForm key={search} path={report.path} filters={filters} />
      <Loadable loaded={loaded}>
        {(data) => (
          <>
            <AboutFigures data={data} referenceInstant={referenceInstant?.(data)} />
            {children(data, filters)}
          </>
        )}
      </Loadable>
      <ReportsNav current={report} search={search} />
    </div>
  );
};
