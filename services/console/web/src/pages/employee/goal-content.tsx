import { useLanguage, useT } from '../../i18n';
import { day } from '../../lib/format';
import { type GoalContent } from '../../lib/goal';
import { changesSinceDraft } from './draft-diff';
import { DraftDifferences, Section } from './parts';
import { type Goal } from './types';

/** A goal's content: its behaviour, situation, criteria, milestones and deadline. */
export const ContentView = ({ content, nested }: { content: GoalContent; nested?: boolean }) => {
  const t = useT();
  const { language } = useLanguage();
  const list = (
    <dl className="emp-content">
      <dt>{t('employee.field.behaviour')}</dt>
      <dd>{content.behaviour}</dd>
      <dt>{t('employee.field.situation')}</dt>
      <dd>{content.situation}</dd>
      <dt>{t('employee.field.successCriteria')}</dt>
      <dd>
        <ul>
          {content.successCriteria.map((criterion) => (
            <li key={criterion.criterionId}>
              {criterion.description}
              {criterion.target !== undefined && (
                <span className="emp-muted">
                  {' '}
                  ({t('employee.goal.criterionTarget', { target: criterion.target })})
                </span>
              )}
            </li>
          ))}
        </ul>
      </dd>
      {(content.milestones ?? []).length > 0 && (
        <>
          <dt>{t('employee.field.milestones')}</dt>
          <dd>
            <ul>
              {(content.milestones ?? []).map((milestone) => (
                <li key={`${milestone.dueOn}-${milestone.description}`}>
                  {milestone.description}{' '}
                  <span className="emp-muted">
                    ({t('employee.goal.milestoneDue', { date: day(language, milestone.dueOn) })})
                  </span>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      <dt>{t('employee.field.deadline')}</dt>
      <dd>{day(language, content.deadline)}</dd>
    </dl>
  );
  if (nested)
    return (
      <>
        <h3>{content.title}</h3>
        {list}
      </>
    );
  return <Section title={t('employee.goal.content')}>{list}</Section>;
};

/** Who drafted the goal, and what the employee changed in the draft since. */
export const Provenance = ({ goal }: { goal: Goal }) => {
  const t = useT();
  const drafter = goal.draftedBy;
  const changes = changesSinceDraft(goal.drafted, goal.content);
  return (
    <Section title={t('employee.goal.provenance')}>
      {drafter && (
        <p>
          {drafter.kind === 'ai'
            ? t('employee.goal.draftedByAi', { model: drafter.model ?? '?' })
            : drafter.fallbackReason
              ? t('employee.goal.draftedFallback', { reason: drafter.fallbackReason })
              : t('employee.goal.draftedByRules')}
        </p>
      )}
      {changes.length > 0 && <p className="emp-hint">{t('employee.diff.legend')}</p>}
      <DraftDifferences changes={changes} />
    </Section>
  );
};
