import { useState } from 'react';
import { useApi } from '../../api';
import { Problem } from '../../components/states';
import { type TextKey, useLanguage, useT } from '../../i18n';
import { instant } from '../../lib/format';
import { Link } from '../../router';
import { closed } from './goal-phase';
import { Section } from './parts';
import { type Goal } from './types';

const kindKey = (kind: string): TextKey | undefined =>
  kind === 'on-the-job' || kind === 'learning-from-others' || kind === 'formal-learning'
    ? `employee.goal.actionKind.${kind}`
    : undefined;

/** The goal's actions, ticked off one by one while the goal is active. */
export const Actions = ({ goal, onDone }: { goal: Goal; onDone: (message: string) => void }) => {
  const t = useT();
  const { call } = useApi();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState<string>();
  // Ticked here and not yet in the reloaded goal: stays ticked meanwhile.
  const [ticked, setTicked] = useState<readonly string[]>([]);
  const active = goal.status === 'active';
  const tick = async (actionId: string, description: string) => {
    setBusy(actionId);
    setError(undefined);
    try {
      await call(
        'planning',
        `/goals/${encodeURIComponent(goal.goalId)}/actions/${encodeURIComponent(actionId)}/complete`,
        { method: 'POST' },
      );
      setTicked((current) => [...current, actionId]);
      onDone(t('employee.goal.ticked.status', { action: description }));
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Section title={t('employee.goal.actions')}>
      {goal.content.actions.length === 0 ? (
        <p>{t('employee.goal.noActions')}</p>
      ) : (
        <>
          {active ? (
            <p className="emp-hint">{t('employee.goal.actionsIntro')}</p>
          ) : (
            !closed(goal) && <p className="emp-hint">{t('employee.goal.actionsInactive')}</p>
          )}
          <ul className="emp-plain emp-actions">
            {goal.content.actions.map((action) => {
              const done =
                goal.completedActionIds.includes(action.actionId) ||
                ticked.includes(action.actionId);
              const kind = kindKey(action.kind);
              return (
                <li key={action.actionId} className={done ? 'done' : ''}>
                  <label className="check">
                    <input
                      type="checkbox"
                      name="action"
                      value={action.actionId}
                      checked={done || busy === action.actionId}
                      disabled={!active || done || busy !== undefined}
                      onChange={(event) => {
                        if (event.target.checked) void tick(action.actionId, action.description);
                      }}
                    />
                    <span>
                      {action.description}{' '}
                      <span className="emp-muted">
                        ({[kind ? t(kind) : action.kind, action.frequency].join(' · ')})
                      </span>
                      {done && (
                        <span className="badge ok emp-done">{t('employee.goal.actionDone')}</span>
                      )}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {error && <Problem error={error} />}
    </Section>
  );
};

/** The check-ins logged on the goal, latest first, and the way to log the next. */
export const CheckIns = ({ goal }: { goal: Goal }) => {
  const t = useT();
  const { language } = useLanguage();
  const logged = goal.history.filter((entry) => entry.event === 'CheckInLogged');
  if (goal.status !== 'active' && logged.length === 0) return null;
  return (
    <Section title={t('employee.goal.checkIns')}>
      {goal.status === 'active' && (
        <p>
          <Link
            className="button"
            href={`/employee/goals/${encodeURIComponent(goal.goalId)}/check-in`}
          >
            {t('employee.goal.checkInLink')}
          </Link>
        </p>
      )}
      {logged.length === 0 ? (
        <p>{t('employee.goal.noCheckIns')}</p>
      ) : (
        <ol className="emp-checkins">
          {[...logged].reverse().map((entry) => {
            const answers = (entry.data['answers'] ?? {}) as Record<string, string>;
            const notes = entry.data['managerNotes'];
            return (
              <li
                key={
                  typeof entry.data['checkInId'] === 'string' ? entry.data['checkInId'] : entry.at
                }
                className="card"
              >
                <p className="emp-muted">
                  {t('employee.goal.checkInBy', {
                    date: instant(language, entry.at),
                    who:
                      typeof entry.data['loggedBy'] === 'string'
                        ? entry.data['loggedBy']
                        : entry.by,
                    minutes: Number(entry.data['durationMinutes'] ?? 0),
                  })}
                </p>
                <dl className="emp-content">
                  {(['whatWasDone', 'whatGoesWellAndWhatIsHard', 'whatIsNext'] as const).map(
                    (question) => (
                      <div key={question}>
                        <dt>{t(`employee.checkIn.${question}`)}</dt>
                        <dd>{answers[question] ?? '—'}</dd>
                      </div>
                    ),
                  )}
                  {typeof notes === 'string' && (
                    <div>
                      <dt>{t('employee.goal.managerNotes')}</dt>
                      <dd>{notes}</dd>
                    </div>
                  )}
                </dl>
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
};
