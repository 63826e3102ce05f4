import { useT } from '../../i18n';
import { Link } from '../../router';
import { summaryKey, titleKey } from './report-frame';
import { reportIds, reports } from './report-list';
import './hr.css';

/** The analytics overview: what each report tells, a link to each. */
export const AnalyticsOverview = () => {
  const t = useT();
  return (
    <>
      <h1>{t('hr.overview.title')}</h1>
      <p className="hr-lead">{t('hr.overview.intro')}</p>
      <h2>{t('hr.overview.reports')}</h2>
      <ul className="hr-report-cards">
        {reportIds.map((id) => (
          <li key={id} className="card">
            <h3>
              <Link href={reports[id].path}>{t(titleKey(reports[id]))}</Link>
            </h3>
            <p>{t(summaryKey(reports[id]))}</p>
          </li>
        ))}
      </ul>
    </>
  );
};
