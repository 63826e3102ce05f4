import { useGet } from '../../api';
import { Loadable } from '../../components/states';
import { useLanguage, useT } from '../../i18n';
import { day } from '../../lib/format';
import { Link } from '../../router';
import { fieldLabel, kindLabel, OverdueBadge, requestTitle, waitingLabel } from './parts';
import { requestHref } from './paths';
import type { InboxItem } from './types';
import './manager.css';

const InboxCard = ({ item }: { item: InboxItem }) => {
  const t = useT();
  const { language } = useLanguage();
  const title = requestTitle(t, item);
  return (
    <li className={`card mgr-request${item.overdue ? ' mgr-request-overdue' : ''}`}>
      <p className="mgr-kind">
        {kindLabel(t, item.kind, item.submissionNumber)}
        {item.overdue && <OverdueBadge />}
      </p>
      <h2 className="mgr-request-title">
        <Link href={requestHref(item.requestId)}>{title}</Link>
      </h2>
      {item.adjustment && item.adjustment.changes.length > 0 && (
        <p className="mgr-changes">
          {item.adjustment.changes.map((change) => fieldLabel(t, change.field)).join(', ')}
        </p>
      )}
      <dl className="mgr-facts">
        <div>
          <dt>{t('manager.request.employee')}</dt>
          <dd>{item.employeeId}</dd>
        </div>
        <div>
          <dt>
            {item.kind === 'adjustment'
              ? t('manager.request.adjustedAt')
              : t('manager.request.submittedAt')}
          </dt>
          <dd>{day(language, item.submittedAt)}</dd>
        </div>
        <div>
          <dt>{t('manager.request.waiting')}</dt>
          <dd>{waitingLabel(t, item.pendingDays)}</dd>
        </div>
      </dl>
      {item.addressedTo === 'hr-delegate' && (
        <p className="mgr-meta">{t('manager.request.delegate')}</p>
      )}
    </li>
  );
};

/** How often an open inbox looks for requests that arrived since (employees submit meanwhile). */
const INBOX_REFRESH_MS = 5_000;

/** /manager/inbox: the requests waiting for the manager, oldest first, overdue ones marked. */
export const InboxPage = () => {
  const t = useT();
  const inbox = useGet<InboxItem[]>('approval', '/approval-requests/inbox', undefined, {
    refreshEveryMs: INBOX_REFRESH_MS,
  });
  return (
    <>
      <h1>{t('manager.inbox.title')}</h1>
      <p className="mgr-intro">{t('manager.inbox.intro')}</p>
      <Loadable loaded={inbox}>
        {(items) => {
          const overdue = items.filter((item) => item.overdue).length;
          if (items.length === 0) return <p className="notice">{t('manager.inbox.empty')}</p>;
          return (
            <>
              <p className="mgr-counts" aria-live="polite">
                <strong>{t('manager.inbox.count', { count: items.length })}</strong>
                {overdue > 0 && (
                  <>
                    {' · '}
                    <span className="mgr-overdue-count">
                      {t('manager.inbox.overdueCount', { count: overdue })}
                    </span>
                  </>
                )}
              </p>
              <ul className="mgr-requests" aria-label={t('manager.inbox.list')}>
                {items.map((item) => (
                  <InboxCard key={item.requestId} item={item} />
                ))}
              </ul>
            </>
          );
        }}
      </Loadable>
    </>
  );
};
