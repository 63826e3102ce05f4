import { useId } from 'react';
import { useLanguage, useT, type Translate } from '../../i18n';
import { day } from '../../lib/format';
import { wordDiff } from '../../lib/text-diff';
import { changedFields, diffGoals, type FieldDiff, type ItemDiff } from './goal-diff';
import { ActionView, CriterionView, fieldLabel, GoalView, MilestoneView, Segments } from './parts';
import { type GoalVersion } from './types';

const itemStatusText = (t: Translate, status: ItemDiff<unknown>['status']): string | undefined =>
  status === 'added'
    ? t('manager.diff.itemAdded')
    : status === 'removed'
      ? t('manager.diff.itemRemoved')
      : status === 'changed'
        ? t('manager.diff.itemChanged')
        : undefined;

/** One side of a list field's diff: the items that side has, each marked how it changed. */
const ListSide = ({
  diff,
  side,
}: {
  diff: FieldDiff & { type: 'list' };
  side: 'previous' | 'current';
}) => {
  const t = useT();
  const items = (diff.items as readonly ItemDiff<unknown>[]).filter((item) =>
    side === 'previous' ? item.previous !== undefined : item.current !== undefined,
  );
  if (items.length === 0) return <p>{t('manager.goal.none')}</p>;
  return (
    <ul className="mgr-list">
      {items.map((item) => {
        const value = side === 'previous' ? item.previous : item.current;
        const shown =
          (side === 'previous' && item.status === 'removed') ||
          (side === 'current' && (item.status === 'added' || item.status === 'changed'));
        const mark = shown ? itemStatusText(t, item.status) : undefined;
        return (
          <li key={item.key} className={shown ? `mgr-item-${item.status}` : undefined}>
            {mark && (
              <span className={`badge ${item.status === 'removed' ? 'bad' : 'warn'} mgr-item-mark`}>
                {mark}
              </span>
            )}{' '}
            {diff.field === 'successCriteria' ? (
              <CriterionView
                criterion={value as Parameters<typeof CriterionView>[0]['criterion']}
              />
            ) : diff.field === 'actions' ? (
              <ActionView action={value as Parameters<typeof ActionView>[0]['action']} />
            ) : (
              <MilestoneView
                milestone={value as Parameters<typeof MilestoneView>[0]['milestone']}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
};

const TextSide = ({
  diff,
  side,
}: {
  diff: FieldDiff & { type: 'text' };
  side: 'previous' | 'current';
}) => {
  const t = useT();
  const { language } = useLanguage();
  if (diff.field === 'deadline') {
    const value = side === 'previous' ? diff.previous : diff.current;
    const Tag = side === 'previous' ? 'del' : 'ins';
    return (
      <p>
        <Tag className={side === 'previous' ? 'mgr-del' : 'mgr-ins'}>
          <span className="visually-hidden">
            [{side === 'previous' ? t('manager.diff.removed') : t('manager.diff.added')}]{' '}
          </span>
          {day(language, value)}
        </Tag>
      </p>
    );
  }
  const segments = wordDiff(diff.previous, diff.current);
  return (
    <p>
      <Segments segments={segments} show={side === 'previous' ? 'removed' : 'added'} />
    </p>
  );
};

/** What changed since the previous submission: each changed field side by side, word by word. */
export const DiffSection = ({
  previous,
  current,
}: {
  previous: GoalVersion;
  current: GoalVersion;
}) => {
  const t = useT();
  const id = useId();
  const diff = diffGoals(previous.goal, current.goal);
  const changed = changedFields(diff);
  const unchanged = diff
    .filter((entry) => !entry.changed)
    .map((entry) => fieldLabel(t, entry.field));
  const before = { number: previous.submissionNumber };
  const after = { number: current.submissionNumber };
  return (
    <section aria-labelledby={id} className="mgr-section">
      <h2 id={id}>{t('manager.diff.title', before)}</h2>
      <p className="mgr-meta">{t('manager.diff.intro')}</p>
      {changed.length === 0 ? (
        <p>{t('manager.diff.none', before)}</p>
      ) : (
        diff
          .filter((entry) => entry.changed)
          .map((entry) => (
            <div key={entry.field} className="mgr-diff-field">
              <h3>{fieldLabel(t, entry.field)}</h3>
              <div className="mgr-diff-sides">
                <div className="mgr-diff-side mgr-diff-previous">
                  <p className="mgr-diff-label">{t('manager.diff.previous', before)}</p>
                  {entry.type === 'text' ? (
                    <TextSide diff={entry} side="previous" />
                  ) : (
                    <ListSide diff={entry} side="previous" />
                  )}
                </div>
                <div className="mgr-diff-side mgr-diff-current">
                  <p className="mgr-diff-label">{t('manager.diff.current', after)}</p>
                  {entry.type === 'text' ? (
                    <TextSide diff={entry} side="current" />
                  ) : (
                    <ListSide diff={entry} side="current" />
                  )}
                </div>
              </div>
            </div>
          ))
      )}
      {changed.length > 0 && unchanged.length > 0 && (
        <p className="mgr-meta">{t('manager.diff.unchanged', { fields: unchanged.join(', ') })}</p>
      )}
      <details className="mgr-details">
        <summary>{t('manager.diff.showAll', before)}</summary>
        <GoalView goal={previous.goal} />
      </details>
    </section>
  );
};
