import { useId } from 'react';
import { type Loaded } from '../../api';
import { Problem } from '../../components/states';
import { useLanguage, useT } from '../../i18n';
import { day } from '../../lib/format';
import { type GoalSmartCheck, type SmartCheck } from '../../lib/goal';
import { changedFields, diffGoals } from './goal-diff';
import { labelOf } from './parts';
import { smartChanges, smartSummary } from './smart';
import { type GoalVersion, type TeamGoal } from './types';

/** Whether the goal as it is now is the submitted version: that submission, its content unchanged. */
const isSubmittedVersion = (goal: TeamGoal, version: GoalVersion): boolean =>
  goal.submissionNumber === version.submissionNumber &&
  changedFields(diffGoals(version.goal, goal.content)).length === 0;

/**
 * The SMART check of the goal as it is now, in the manager's language (planning checks it on
 * every look), beside which submission the request is about; while it cannot be had, the check
 * stored with the submission (in the words it was stored in).
 */
export const SmartCheckSection = ({
  current,
  previous,
  goal,
  smart,
}: {
  current: GoalVersion;
  previous?: GoalVersion;
  goal: Loaded<TeamGoal>;
  smart: Loaded<GoalSmartCheck> & { reload: () => void };
}) => {
  const t = useT();
  const { language } = useLanguage();
  const id = useId();
  const live = smart.state === 'done' && goal.state === 'done' ? smart.data : undefined;
  const asSubmitted = goal.state === 'done' && isSubmittedVersion(goal.data, current);
  const submitted = {
    number: current.submissionNumber,
    date: day(language, current.submittedAt),
  };
  return (
    <section aria-labelledby={id} className="mgr-section">
      <h2 id={id}>{t('manager.smart.title')}</h2>
      <p className="mgr-meta">{t('manager.smart.intro')}</p>
      {live ? (
        <>
          <p className="mgr-smart-version">
            {asSubmitted
              ? t('manager.smart.asSubmitted', {
                  ...submitted,
                  checkedOn: day(language, live.checkedOn),
                })
              : t('manager.smart.changedSince', {
                  ...submitted,
                  checkedOn: day(language, live.checkedOn),
                })}
          </p>
          <SmartCheckList
            checks={live.checks}
            {...(previous && asSubmitted && { previous })}
            {...(asSubmitted && { stored: current })}
          />
          {!asSubmitted && (
            <details className="mgr-details">
              <summary>
                {t('manager.smart.atSubmission', { number: current.submissionNumber })}
              </summary>
              <SmartCheckList checks={current.smartChecks} />
            </details>
          )}
        </>
      ) : smart.state === 'loading' || goal.state === 'loading' ? (
        <p role="status" className="loading">
          {t('state.loading')}
        </p>
      ) : (
        <>
          {smart.state === 'failed' && <Problem error={smart.error} onRetry={smart.reload} />}
          <p className="mgr-smart-version">
            {t('manager.smart.stored', { number: current.submissionNumber })}
          </p>
          <SmartCheckList
            checks={current.smartChecks}
            {...(previous && { previous, stored: current })}
          />
        </>
      )}
    </section>
  );
};

/**
 * The checks in acronym order, each passed or not with its explanation; with `previous`, which
 * properties changed since that submission (stored checks against stored checks).
 */
const SmartCheckList = ({
  checks,
  previous,
  stored,
}: {
  checks: readonly SmartCheck[];
  previous?: GoalVersion;
  stored?: GoalVersion;
}) => {
  const t = useT();
  const summary = smartSummary(checks);
  const changed =
    previous && stored ? smartChanges(previous.smartChecks, stored.smartChecks) : new Set();
  const propertyName = (property: string) => labelOf(t, 'manager.smart.property.', property);
  return (
    <>
      {summary.total === 0 ? (
        <p>{t('manager.smart.none')}</p>
      ) : (
        <>
          <p className={`mgr-smart-summary ${summary.failed.length === 0 ? 'ok' : 'bad'}`}>
            <strong>
              {t('manager.smart.summary', { passed: summary.passed, total: summary.total })}
            </strong>{' '}
            {summary.failed.length === 0
              ? t('manager.smart.allPassed')
              : t('manager.smart.failed', {
                  properties: summary.failed.map(propertyName).join(', '),
                })}
          </p>
          <ul className="mgr-smart">
            {summary.checks.map((check) => (
              <li
                key={check.property}
                className={`mgr-smart-check ${check.passed ? 'passed' : 'failed'}`}
              >
                <div className="mgr-smart-head">
                  <span className="mgr-smart-icon" aria-hidden="true">
                    {check.passed ? '✓' : '✗'}
                  </span>
                  <strong className="mgr-smart-name">{propertyName(check.property)}</strong>
                  <span className={`badge ${check.passed ? 'ok' : 'bad'}`}>
                    {check.passed ? t('manager.smart.passed') : t('manager.smart.notPassed')}
                  </span>
                  {previous && changed.has(check.property) && (
                    <span className="badge warn">
                      {t('manager.smart.changed', { number: previous.submissionNumber })}
                    </span>
                  )}
                </div>
                <p className="mgr-smart-explanation">{check.explanation}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
};
