import { useId, useState, type FormEvent } from 'react';
import { useGet } from '../../api';
import { Loadable, Problem } from '../../components/states';
import { useLanguage, useT } from '../../i18n';
import { day } from '../../lib/format';
import { Link, navigate, useLocation } from '../../router';
import { labelOf, OverdueBadge, TableScroll } from './parts';
import { requestHref, teamHref } from './paths';
import {
  attentionOf,
  byMostOverdue,
  daysOverdue,
  orderGoals,
  parseIds,
  teamMembers,
} from './team-members';
import type { InboxItem, OverdueCheckIn, TeamGoal } from './types';
import './manager.css';

const OverdueTable = ({ items }: { items: readonly OverdueCheckIn[] }) => {
  const t = useT();
  const { language } = useLanguage();
  const now = new Date();
  if (items.length === 0) return <p className="notice">{t('manager.team.overdueNone')}</p>;
  return (
    <TableScroll label={t('manager.team.overdueCaption')}>
      <table className="mgr-table mgr-stack" role="table">
        <caption className="visually-hidden">{t('manager.team.overdueCaption')}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {t('manager.team.goal')}
            </th>
            <th scope="col" role="columnheader">
              {t('manager.team.employee')}
            </th>
            <th scope="col" role="columnheader">
              {t('manager.team.dueSince')}
            </th>
            <th scope="col" role="columnheader">
              {t('manager.team.daysOverdue')}
            </th>
            <th scope="col" role="columnheader">
              {t('manager.team.cadence')}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {byMostOverdue(items).map((item) => {
            const days = daysOverdue(item.dueAt, now);
            return (
              <tr key={item.goalId} role="row">
                <th scope="row" role="rowheader">
                  {item.title}
                </th>
                <td role="cell" data-label={t('manager.team.employee')}>
                  {item.employeeId}
                </td>
                <td role="cell" data-label={t('manager.team.dueSince')}>
                  {day(language, item.dueAt)}
                </td>
                <td role="cell" data-label={t('manager.team.daysOverdue')}>
                  <span className="badge bad">
                    {days === 1
                      ? t('manager.request.day')
                      : t('manager.request.days', { count: days })}
                  </span>
                </td>
                <td role="cell" data-label={t('manager.team.cadence')}>
                  {item.cadence ? labelOf(t, 'manager.cadenceLabel.', item.cadence) : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
};

const MemberGoals = ({
  employeeId,
  inbox,
  overdue,
  removable,
  onRemove,
}: {
  employeeId: string;
  inbox: readonly InboxItem[];
  overdue: readonly OverdueCheckIn[];
  removable: boolean;
  onRemove: () => void;
}) => {
  const t = useT();
  const { language } = useLanguage();
  const headingId = useId();
  const goals = useGet<TeamGoal[]>(
    'planning',
    `/employees/${encodeURIComponent(employeeId)}/goals`,
  );
  return (
    <section aria-labelledby={headingId} className="mgr-member">
      <div className="mgr-member-head">
        <h3 id={headingId}>{employeeId}</h3>
        {removable && (
          <button type="button" className="secondary mgr-small" onClick={onRemove}>
            {t('manager.team.remove', { employee: employeeId })}
          </button>
        )}
      </div>
      <Loadable loaded={goals}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('manager.team.noGoals')}</p>
          ) : (
            <TableScroll label={t('manager.team.goalsCaption', { employee: employeeId })}>
              <table className="mgr-table mgr-stack" role="table">
                <caption className="visually-hidden">
                  {t('manager.team.goalsCaption', { employee: employeeId })}
                </caption>
                <thead role="rowgroup">
                  <tr role="row">
                    <th scope="col" role="columnheader">
                      {t('manager.team.goal')}
                    </th>
                    <th scope="col" role="columnheader">
                      {t('manager.team.status')}
                    </th>
                    <th scope="col" role="columnheader">
                      {t('manager.team.nextCheckIn')}
                    </th>
                    <th scope="col" role="columnheader">
                      {t('manager.team.attention')}
                    </th>
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  {orderGoals(list).map((goal) => {
                    const attention = attentionOf(goal, inbox, overdue);
                    const needs =
                      attention.submissionRequest !== undefined ||
                      attention.adjustmentRequests.length > 0 ||
                      attention.overdueCheckIn !== undefined;
                    return (
                      <tr key={goal.goalId} role="row">
                        <th scope="row" role="rowheader">
                          {goal.content.title}
                        </th>
                        <td role="cell" data-label={t('manager.team.status')}>
                          {labelOf(t, 'manager.goalStatus.', goal.status)}
                        </td>
                        <td role="cell" data-label={t('manager.team.nextCheckIn')}>
                          {goal.nextCheckInDueAt ? day(language, goal.nextCheckInDueAt) : '—'}
                        </td>
                        <td role="cell" data-label={t('manager.team.attention')}>
                          {!needs ? (
                            t('manager.team.nothing')
                          ) : (
                            <ul className="mgr-attention">
                              {attention.submissionRequest && (
                                <li>
                                  <Link href={requestHref(attention.submissionRequest)}>
                                    {t('manager.team.answerSubmission')}
                                  </Link>
                                </li>
                              )}
                              {attention.adjustmentRequests.map((adjustment) => (
                                <li key={adjustment.adjustmentId}>
                                  {adjustment.requestId ? (
                                    <Link href={requestHref(adjustment.requestId)}>
                                      {t('manager.team.answerAdjustment')}
                                    </Link>
                                  ) : (
                                    t('manager.team.adjustmentPending')
                                  )}
                                </li>
                              ))}
                              {attention.overdueCheckIn && (
                                <li>
                                  <OverdueBadge /> {t('manager.team.checkInOverdue')}
                                </li>
                              )}
                            </ul>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </Loadable>
    </section>
  );
};

/** /manager/team: overdue check-ins of the team, and each member's goals with what needs the manager. */
export const TeamPage = () => {
  const t = useT();
  const { search } = useLocation();
  const chosen = parseIds(new URLSearchParams(search).getAll('employee').join(' '));
  const overdue = useGet<OverdueCheckIn[]>('planning', '/check-ins/overdue', { scope: 'reports' });
  const inbox = useGet<InboxItem[]>('approval', '/approval-requests/inbox');
  const [typed, setTyped] = useState('');
  const ids = { overdue: useId(), members: useId(), add: useId(), hint: useId() };
  const overdueItems = overdue.state === 'done' ? overdue.data : [];
  const inboxItems = inbox.state === 'done' ? inbox.data : [];
  const members = teamMembers({ chosen, inbox: inboxItems, overdue: overdueItems });
  const add = (event: FormEvent) => {
    event.preventDefault();
    const more = parseIds(typed);
    if (more.length === 0) return;
    setTyped('');
    navigate(teamHref([...chosen, ...more.filter((id) => !chosen.includes(id))]));
  };
  return (
    <>
      <h1>{t('manager.team.title')}</h1>
      <p className="mgr-intro">{t('manager.team.intro')}</p>
      <section aria-labelledby={ids.overdue} className="mgr-section">
        <h2 id={ids.overdue}>{t('manager.team.overdueTitle')}</h2>
        <Loadable loaded={overdue}>{(items) => <OverdueTable items={items} />}</Loadable>
      </section>
      <section aria-labelledby={ids.members} className="mgr-section">
        <h2 id={ids.members}>{t('manager.team.membersTitle')}</h2>
        <p className="mgr-meta">{t('manager.team.membersIntro')}</p>
        <form className="toolbar mgr-add" onSubmit={add}>
          <div className="mgr-field">
            <label htmlFor={ids.add}>{t('manager.team.add')}</label>
            <span id={ids.hint} className="mgr-hint">
              {t('manager.team.addHint')}
            </span>
          </div>
          <div className="mgr-add-row">
            <input
              id={ids.add}
              name="employee"
              value={typed}
              aria-describedby={ids.hint}
              autoComplete="off"
              onChange={(event) => setTyped(event.target.value)}
            />
            <button type="submit">{t('manager.team.addSubmit')}</button>
          </div>
        </form>
        {inbox.state === 'failed' && <Problem error={inbox.error} onRetry={inbox.reload} />}
        {overdue.state === 'loading' || inbox.state === 'loading' ? (
          <p role="status" className="loading">
            {t('state.loading')}
          </p>
        ) : members.length === 0 ? (
          <p className="notice">{t('manager.team.noMembers')}</p>
        ) : (
          members.map((employeeId) => (
            <MemberGoals
              key={employeeId}
              employeeId={employeeId}
              inbox={inboxItems}
              overdue={overdueItems}
              removable={chosen.includes(employeeId)}
              onRemove={() => navigate(teamHref(chosen.filter((id) => id !== employeeId)))}
            />
          ))
        )}
      </section>
    </>
  );
};
