import { useEffect, useRef } from 'react';
import { useGet } from '../../api';
import { Latest } from '../../components/states';
import { useLanguage, useT } from '../../i18n';
import { day } from '../../lib/format';
import { type GoalSmartCheck } from '../../lib/goal';
import { revisable } from './goal-phase';
import { Section, SmartChecks } from './parts';
import { type Goal } from './types';

/**
 * The SMART check of the goal as it is now, in the reader's language: asked again whenever the
 * goal changes (an edit, the agreement, a submission) and when the language does. While it is
 * asked again, the previous check stays on screen.
 */
export const CurrentSmartCheck = ({ goal }: { goal: Goal }) => {
  const t = useT();
  const { language } = useLanguage();
  const smart = useGet<GoalSmartCheck>(
    'planning',
    `/goals/${encodeURIComponent(goal.goalId)}/smart-check`,
  );
  const version = JSON.stringify([
    goal.status,
    goal.submissionNumber,
    goal.content,
    goal.agreement,
  ]);
  const checkedVersion = useRef(version);
  const { reload } = smart;
  useEffect(() => {
    if (checkedVersion.current === version) return;
    checkedVersion.current = version;
    reload();
  }, [version, reload]);
  return (
    <Section title={t('employee.goal.smart')} className="emp-smart-section">
      <Latest loaded={smart}>
        {(shown) => (
          <SmartChecks
            checks={shown.checks}
            caption={t('employee.smart.now', { date: day(language, shown.checkedOn) })}
          />
        )}
      </Latest>
      {revisable(goal) && <p className="emp-hint">{t('employee.smart.again')}</p>}
    </Section>
  );
};
