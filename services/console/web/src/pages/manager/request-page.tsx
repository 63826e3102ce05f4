import { useCallback, useEffect, useRef, useState } from 'react';
import { useGet } from '../../api';
import { Latest } from '../../components/states';
import { useLanguage, useT, type Translate } from '../../i18n';
import { instant } from '../../lib/format';
import { type GoalSmartCheck } from '../../lib/goal';
import { Link } from '../../router';
import { kindLabel, StatusBadge, statusLabel, waitingLabel } from './parts';
import { managerPaths } from './paths';
import { AdjustmentSection } from './request-adjustment';
import { DecisionForms, type Decided } from './request-decision';
import { DiffSection } from './request-diff';
import { GoalSection } from './request-goal';
import { SmartCheckSection } from './request-smart';
import { ThreadSection } from './request-thread';
import { versionsToCompare } from './thread';
import { type ApprovalThread, type TeamGoal } from './types';
import './manager.css';

const doneMessage = (
  t: Translate,
  decided: Decided,
  thread: ApprovalThread,
  title: string,
): string => {
  if (thread.kind === 'adjustment')
    return decided.kind === 'approved'
      ? t('manager.done.adjustmentApproved', { title })
      : t('manager.done.adjustmentRejected', { title });
  return decided.kind === 'approved'
    ? t('manager.done.approved', {
        title,
        cadence: decided.cadence ? t(`manager.cadence.${decided.cadence}`) : '—',
      })
    : t('manager.done.rejected', { title, employee: thread.employeeId });
};

const RequestView = ({
  thread,
  decided,
  onDecided,
}: {
  thread: ApprovalThread;
  decided: Decided | undefined;
  onDecided: (decided: Decided) => void;
}) => {
  const t = useT();
  const { language } = useLanguage();
  const { current, previous } = versionsToCompare(thread.versions, thread.submissionNumber);
  const adjustment = thread.kind === 'adjustment';
  const goal = useGet<TeamGoal>('planning', `/goals/${encodeURIComponent(thread.goalId)}`);
  const smart = useGet<GoalSmartCheck>(
    'planning',
    adjustment ? undefined : `/goals/${encodeURIComponent(thread.goalId)}/smart-check`,
  );
  const motivation = goal.state === 'done' ? goal.data.agreement?.motivation : undefined;
  const pendingDays = Math.max(
    0,
    Math.floor((Date.now() - Date.parse(thread.submittedAt)) / 86_400_000),
  );
  const shownVersion = adjustment ? thread.versions[thread.versions.length - 1] : current;
  return (
    <>
      <dl className="mgr-facts mgr-facts-wide">
        <div>
          <dt>{t('manager.request.kind')}</dt>
          <dd>{kindLabel(t, thread.kind, thread.submissionNumber)}</dd>
        </div>
        <div>
          <dt>{t('manager.request.employee')}</dt>
          <dd>{thread.employeeId}</dd>
        </div>
        <div>
          <dt>{adjustment ? t('manager.request.adjustedAt') : t('manager.request.submittedAt')}</dt>
          <dd>{instant(language, thread.submittedAt)}</dd>
        </div>
        <div>
          <dt>{t('manager.request.status')}</dt>
          <dd>
            <StatusBadge status={thread.status} kind={thread.kind} />
            {thread.status === 'pending' && (
              <span className="mgr-meta"> · {waitingLabel(t, pendingDays)}</span>
            )}
          </dd>
        </div>
      </dl>
      {thread.addressedTo === 'hr-delegate' && (
        <p className="mgr-meta">{t('manager.request.delegate')}</p>
      )}
      {thread.status !== 'pending' && !decided && (
        <p className="notice">
          {t('manager.decided.already', {
            status: statusLabel(t, thread.status, thread.kind),
          })}
        </p>
      )}
      {adjustment && thread.adjustment && (
        <AdjustmentSection adjustment={thread.adjustment} pending={thread.status === 'pending'} />
      )}
      {!adjustment && current && (
        <SmartCheckSection
          current={current}
          {...(previous && { previous })}
          goal={goal}
          smart={smart}
        />
      )}
      {!adjustment && current && previous && <DiffSection previous={previous} current={current} />}
      {shownVersion && (
        <GoalSection version={shownVersion} adjustment={adjustment} motivation={motivation} />
      )}
      <ThreadSection thread={thread} />
      {thread.status === 'pending' && !decided && (
        <DecisionForms thread={thread} onDecided={onDecided} />
      )}
    </>
  );
};

/** /manager/requests/:requestId: a request with its SMART check, versions and exchange, decided here. */
export const RequestPage = ({ params }: { params: Readonly<Record<string, string>> }) => {
  const t = useT();
  const requestId = params['requestId'] ?? '';
  const thread = useGet<ApprovalThread>(
    'approval',
    `/approval-requests/${encodeURIComponent(requestId)}`,
  );
  const [decided, setDecided] = useState<Decided | undefined>();
  const [updating, setUpdating] = useState(false);
  const status = useRef<HTMLDivElement>(null);
  const { refreshUntil } = thread;
  const onDecided = useCallback(
    (decision: Decided) => {
      setDecided(decision);
      setUpdating(true);
      // The read side follows the request's stream a moment behind: until it shows the decision.
      void refreshUntil((data) => data.status !== 'pending').finally(() => setUpdating(false));
    },
    [refreshUntil],
  );
  useEffect(() => {
    if (decided) status.current?.focus();
  }, [decided]);
  // Asked again (another language), the request as it was stays on screen, forms and all.
  const data = thread.latest;
  const version = data && versionsToCompare(data.versions, data.submissionNumber).current;
  const title =
    version?.goal.title ??
    (data ? t('manager.request.untitled', { goalId: data.goalId }) : t('manager.request.title'));
  return (
    <>
      <p className="mgr-back">
        <Link href={managerPaths.inbox}>← {t('manager.request.back')}</Link>
      </p>
      <h1>{title}</h1>
      <div
        role="status"
        ref={status}
        tabIndex={-1}
        className={decided ? 'notice mgr-done' : 'mgr-done-empty'}
      >
        {decided && data && (
          <>
            <p>
              <strong>{doneMessage(t, decided, data, title)}</strong>
            </p>
            {updating && <p className="mgr-meta">{t('manager.done.updating')}</p>}
            <p>
              <Link href={managerPaths.inbox}>{t('manager.done.back')}</Link>
            </p>
          </>
        )}
      </div>
      <Latest loaded={thread}>
        {(shown) => <RequestView thread={shown} decided={decided} onDecided={onDecided} />}
      </Latest>
    </>
  );
};
