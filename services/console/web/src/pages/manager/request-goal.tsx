import { useId } from 'react';
import { useLanguage, useT } from '../../i18n';
import { day } from '../../lib/format';
import { GoalView } from './parts';
import { type GoalVersion } from './types';

/**
 * The goal the request is about: the submitted version, or for an adjustment the version last
 * approved (folded away); with the employee's motivation when the goal has one.
 */
export const GoalSection = ({
  version,
  adjustment,
  motivation,
}: {
  version: GoalVersion;
  adjustment: boolean;
  motivation: string | undefined;
}) => {
  const t = useT();
  const { language } = useLanguage();
  const id = useId();
  return (
    <section aria-labelledby={id} className="mgr-section">
      <h2 id={id}>{t('manager.goal.title')}</h2>
      <p className="mgr-meta">
        {adjustment
          ? t('manager.goal.asApproved', { number: version.submissionNumber })
          : t('manager.goal.version', {
              number: version.submissionNumber,
              date: day(language, version.submittedAt),
            })}
      </p>
      {adjustment ? (
        <details className="mgr-details">
          <summary>{t('manager.diff.showAll', { number: version.submissionNumber })}</summary>
          <GoalView goal={version.goal} />
        </details>
      ) : (
        <GoalView goal={version.goal} />
      )}
      {motivation && (
        <>
          <h3>{t('manager.goal.motivation')}</h3>
          <blockquote className="mgr-quote">{motivation}</blockquote>
        </>
      )}
    </section>
  );
};
