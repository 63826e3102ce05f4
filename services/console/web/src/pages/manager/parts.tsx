import { type ReactNode } from 'react';
import { useScrolls } from '../../components/table-scroll';
import { useLanguage, useT, type TextKey, type Translate } from '../../i18n';
import { day } from '../../lib/format';
import type { Action, Criterion, GoalContent, Milestone, Target } from '../../lib/goal';
import { type Segment } from '../../lib/text-diff';
import type { InboxItem, RequestKind, RequestStatus } from './types';
import './manager.css';

/** A text of a family (`manager.goalStatus.<value>`), or the value itself when there is none. */
export const labelOf = (t: Translate, prefix: string, value: string): string => {
  const key = `${prefix}${value}`;
  const text = t(key as TextKey);
  return text === key ? value : text;
};

/** What kind of request: a new goal, a resubmission (its version), or an adjustment. */
export const kindLabel = (
  t: Translate,
  kind: RequestKind,
  submissionNumber: number | undefined,
): string =>
  kind === 'adjustment'
    ? t('manager.kind.adjustment')
    : submissionNumber !== undefined && submissionNumber > 1
      ? t('manager.kind.resubmission', { number: submissionNumber })
      : t('manager.kind.submission');

export const waitingLabel = (t: Translate, days: number): string =>
  days <= 0
    ? t('manager.request.today')
    : days === 1
      ? t('manager.request.day')
      : t('manager.request.days', { count: days });

export const requestTitle = (t: Translate, item: Pick<InboxItem, 'title' | 'goalId'>): string =>
  item.title ?? t('manager.request.untitled', { goalId: item.goalId });

/** A request's state in words: waiting, approved / acknowledged, rejected / refused. */
export const statusLabel = (t: Translate, status: RequestStatus, kind: RequestKind): string =>
  kind === 'adjustment' && (status === 'approved' || status === 'rejected')
    ? t(`manager.status.adjustment.${status}`)
    : t(`manager.status.${status}`);

/** A request's state as a badge: waiting, approved / acknowledged, rejected / refused. */
export const StatusBadge = ({ status, kind }: { status: RequestStatus; kind: RequestKind }) => {
  const t = useT();
  const tone = status === 'approved' ? 'ok' : status === 'rejected' ? 'bad' : 'warn';
  return <span className={`badge ${tone}`}>{statusLabel(t, status, kind)}</span>;
};

export const OverdueBadge = () => {
  const t = useT();
  return <span className="badge bad mgr-overdue">{t('manager.request.overdue')}</span>;
};

/** A text with its removed words struck through and its added words underlined. */
export const Segments = ({
  segments,
  show,
}: {
  segments: readonly Segment[];
  show: 'removed' | 'added';
}) => {
  const t = useT();
  return (
    <>
      {segments
        .filter((segment) => segment.kind === 'same' || segment.kind === show)
        .map((segment, index) =>
          segment.kind === 'same' ? (
            <span key={index}>{segment.text}</span>
          ) : segment.kind === 'removed' ? (
            <del key={index} className="mgr-del">
              <span className="visually-hidden">[{t('manager.diff.removed')}] </span>
              {segment.text}
            </del>
          ) : (
            <ins key={index} className="mgr-ins">
              <span className="visually-hidden">[{t('manager.diff.added')}] </span>
              {segment.text}
            </ins>
          ),
        )}
    </>
  );
};

export const targetText = (t: Translate, target: Target): string =>
  `${target.competencyId} (${
    target.indicatorIds.length > 0
      ? t('manager.goal.indicators', { ids: target.indicatorIds.join(', ') })
      : t('manager.goal.wholeCompetency')
  })`;

export const criterionText = (t: Translate, criterion: Criterion): string =>
  criterion.kind === 'evidence'
    ? t('manager.goal.criterion.evidence', { evidence: criterion.evidence ?? '' })
    : t('manager.goal.criterion.measured', {
        metric: criterion.metric ?? '',
        instrument: criterion.instrument ?? '',
        target: criterion.target ?? '',
      });

export const CriterionView = ({ criterion }: { criterion: Criterion }) => {
  const t = useT();
  return (
    <>
      {criterion.description}
      <span className="mgr-meta"> — {criterionText(t, criterion)}</span>
    </>
  );
};

export const ActionView = ({ action }: { action: Action }) => {
  const t = useT();
  return (
    <>
      {action.description}
      <span className="mgr-meta">
        {' '}
        —{' '}
        {t('manager.goal.action', {
          kind: labelOf(t, 'manager.goal.actionKind.', action.kind),
          frequency: action.frequency,
        })}
        {action.estimatedHours !== undefined &&
          `, ${t('manager.goal.hours', { hours: action.estimatedHours })}`}
      </span>
    </>
  );
};

export const MilestoneView = ({ milestone }: { milestone: Milestone }) => {
  const t = useT();
  const { language } = useLanguage();
  return (
    <>
      {milestone.description}
      <span className="mgr-meta">
        {' '}
        — {t('manager.goal.milestone', { date: day(language, milestone.dueOn) })}
      </span>
    </>
  );
};

const List = <Item,>({
  items,
  render,
}: {
  items: readonly Item[];
  render: (item: Item) => ReactNode;
}) => {
  const t = useT();
  if (items.length === 0) return <>{t('manager.goal.none')}</>;
  return (
    <ul className="mgr-list">
      {items.map((item, index) => (
        <li key={index}>{render(item)}</li>
      ))}
    </ul>
  );
};

/** The whole goal as a list of its fields. */
export const GoalView = ({ goal }: { goal: GoalContent }) => {
  const t = useT();
  const { language } = useLanguage();
  return (
    <dl className="mgr-fields">
      <dt>{t('manager.goal.field.title')}</dt>
      <dd>{goal.title}</dd>
      <dt>{t('manager.goal.field.target')}</dt>
      <dd>{targetText(t, goal.target)}</dd>
      <dt>{t('manager.goal.field.behaviour')}</dt>
      <dd>{goal.behaviour}</dd>
      <dt>{t('manager.goal.field.situation')}</dt>
      <dd>{goal.situation}</dd>
      <dt>{t('manager.goal.field.successCriteria')}</dt>
      <dd>
        <List items={goal.successCriteria} render={(c) => <CriterionView criterion={c} />} />
      </dd>
      <dt>{t('manager.goal.field.actions')}</dt>
      <dd>
        <List items={goal.actions} render={(a) => <ActionView action={a} />} />
      </dd>
      <dt>{t('manager.goal.field.milestones')}</dt>
      <dd>
        <List items={goal.milestones ?? []} render={(m) => <MilestoneView milestone={m} />} />
      </dd>
      <dt>{t('manager.goal.field.deadline')}</dt>
      <dd>{day(language, goal.deadline)}</dd>
    </dl>
  );
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value an adjustment changes (deadline, target, criteria…), shown for its field. */
export const FieldValue = ({ field, value }: { field: string; value: unknown }) => {
  const t = useT();
  const { language } = useLanguage();
  if (value === undefined || value === null) return <>{t('manager.adjustment.unknown')}</>;
  if (field === 'deadline' && typeof value === 'string') return <>{day(language, value)}</>;
  if (field === 'target' && isRecord(value) && typeof value['competencyId'] === 'string')
    return <>{targetText(t, value as unknown as Target)}</>;
  if (field === 'successCriteria' && Array.isArray(value))
    return <List items={value as Criterion[]} render={(c) => <CriterionView criterion={c} />} />;
  if (field === 'actions' && Array.isArray(value))
    return <List items={value as Action[]} render={(a) => <ActionView action={a} />} />;
  if (field === 'milestones' && Array.isArray(value))
    return <List items={value as Milestone[]} render={(m) => <MilestoneView milestone={m} />} />;
  if (typeof value === 'string' || typeof value === 'number') return <>{String(value)}</>;
  return <code className="mgr-code">{JSON.stringify(value)}</code>;
};

export const fieldLabel = (t: Translate, field: string): string =>
  labelOf(t, 'manager.goal.field.', field);

/**
 * A table's horizontal scroller: as wide as the page, and only when the table is wider still
 * a labelled region in the tab order, so that keyboard users can scroll it too.
 */
export const TableScroll = ({ label, children }: { label: string; children: ReactNode }) => {
  const { box, scrolls } = useScrolls();
  return (
    <div
      ref={box}
      className="mgr-scroll"
      {...(scrolls ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}
    >
      {children}
    </div>
  );
};
