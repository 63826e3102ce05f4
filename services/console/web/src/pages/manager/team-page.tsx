import { useId, type ReactNode } from 'react';
import { useApi, useGet } from '../../api';
import { Loadable, Problem } from '../../components/states';
import { useLanguage, useT } from '../../i18n';
import { day } from '../../lib/format';
import { Link } from '../../router';
import { labelOf, OverdueBadge, TableScroll } from './parts';
import { requestHref } from './paths';
import {
  attentionOf,
  byMostOverdue,
  daysOverdue,
  orderGoals,
  teamMembers,
  type TeamMember,
} from './team-members';
import type { InboxItem, OverdueCheckIn, Reports, TeamGoal } from './types';
import './manager.css';

/**
 * A table of the team page: scrolling on its own, named by its hidden caption, its rows
 * stacked into labelled cells on a narrow screen (hence the explicit roles).
 */
const TeamTable = ({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: readonly string[];
  children: ReactNode;
}) => (
  <TableScroll label={caption}>
    <table className="mgr-table mgr-stack" role="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          {columns.map((column) => (
            <th key={column} scope="col" role="columnheader">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">{children}</tbody>
    </table>
  </TableScroll>
);

const OverdueTable = ({ items }: { items: readonly OverdueCheckIn[] }) => {
  const t = useT();
  const { language } = useLanguage();
  const now = new Date();
  if (items.length === 0) return <p className="notice">{t('manager.team.overdueNone')}</p>;
  return (
    <TeamTable
      caption={t('manager.team.overdueCaption')}
      columns={[
        t('manager.team.goal'),
        t('manager.team.employee'),
        t('manager.team.dueSince'),
        t('manager.team.daysOverdue'),
        t('manager.team.cadence'),
      ]}
    >
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
                {days === 1 ? t('manager.request.day') : t('manager.request.days', { count: days })}
              </span>
            </td>
            <td role="cell" data-label={t('manager.team.cadence')}>
              {item.cadence ? labelOf(t, 'manager.cadenceLabel.', item.cadence) : '—'}
            </td>
          </tr>
        );
      })}
    </TeamTable>
  );
};

const MemberGoals = ({
  member,
  inbox,
  overdue,
}: {
  member: TeamMember;
  inbox: readonly InboxItem[];
  overdue: readonly OverdueCheckIn[];
}) => {
  const t = useT();
  const { language } = useLanguage();
  const headingId = useId();
  const { employeeId } = member;
  const name = member.displayName ?? employeeId;
  const goals = useGet<TeamGoal[]>(
    'planning',
    `/employees/${encodeURIComponent(employeeId)}/goals`,
  );
  return (
    <section aria-labelledby={headingId} className="mgr-member" data-employee-id={employeeId}>
      <div className="mgr-member-head">
        <h3 id={headingId}>{name}</h3>
        {(member.displayName !== null || !member.report) && (
          <p className="mgr-meta">
            {member.displayName !== null && <span>{employeeId}</span>}
            {member.displayName !== null && !member.report && ' · '}
            {!member.report && t('manager.team.notReport')}
          </p>
        )}
      </div>
      <Loadable loaded={goals}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('manager.team.noGoals')}</p>
          ) : (
            <TeamTable
              caption={t('manager.team.goalsCaption', { employee: name })}
              columns={[
                t('manager.team.goal'),
                t('manager.team.status'),
                t('manager.team.nextCheckIn'),
                t('manager.team.attention'),
              ]}
            >
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
            </TeamTable>
          )
        }
      </Loadable>
    </section>
  );
};

/**
 * /manager/team: overdue check-ins of the team, and the goals of every direct report (and of
 * anyone else whose request is in the inbox) with what needs the manager.
 */
export const TeamPage = () => {
  const t = useT();
  const { session } = useApi();
  const reports = useGet<Reports>(
    'planning',
    `/managers/${encodeURIComponent(session.userId)}/reports`,
  );
  const overdue = useGet<OverdueCheckIn[]>('planning', '/check-ins/overdue', { scope: 'reports' });
  const inbox = useGet<InboxItem[]>('approval', '/approval-requests/inbox');
  const ids = { overdue: useId(), members: useId() };
  const overdueItems = overdue.state === 'done' ? overdue.data : [];
  const inboxItems = inbox.state === 'done' ? inbox.data : [];
  const members = teamMembers({
    reports: reports.state === 'done' ? reports.data.reports : [],
    inbox: inboxItems,
    overdue: overdueItems,
  });
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
        {reports.state === 'failed' && <Problem error={reports.error} onRetry={reports.reload} />}
        {inbox.state === 'failed' && <Problem error={inbox.error} onRetry={inbox.reload} />}
        {reports.state === 'loading' || overdue.state === 'loading' || inbox.state === 'loading' ? (
          <p role="status" className="loading">
            {t('state.loading')}
          </p>
        ) : members.length === 0 ? (
          <p className="notice">{t('manager.team.noMembers')}</p>
        ) : (
          members.map((member) => (
            <MemberGoals
              key={member.employeeId}
              member={member}
              inbox={inboxItems}
              overdue={overdueItems}
            />
          ))
        )}
      </section>
    </>
  );
};
