import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApi, useGet } from '../../api';
import { Loadable, Problem } from '../../components/states';
import { type TextKey, useLanguage, useT } from '../../i18n';
import { day, instant } from '../../lib/format';
import { ApiError } from '../../lib/problem';
import { Link } from '../../router';
import { changesSinceDraft } from './draft-diff';
import { takeFlash } from './flash';
import { growthOfGoal } from './growth';
import { GoalEditForm } from './goal-edit';
import { DraftDifferences, PhaseBadge, Section, SmartChecks, StatusMessage } from './parts';
import {
  type EventBody,
  type Goal,
  type GoalContent,
  type GoalSmartCheck,
  type Redraft,
} from './types';

const revisable = (goal: Goal) =>
  goal.status === 'draft' || goal.status === 'rejected' || goal.status === 'revised';

const kindKey = (kind: string): TextKey | undefined =>
  kind === 'on-the-job' || kind === 'learning-from-others' || kind === 'formal-learning'
    ? `employee.goal.actionKind.${kind}`
    : undefined;

const ContentView = ({ content, nested }: { content: GoalContent; nested?: boolean }) => {
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

const Provenance = ({ goal }: { goal: Goal }) => {
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

const Agreement = ({ goal, onDone }: { goal: Goal; onDone: (message: string) => void }) => {
  const t = useT();
  const { call } = useApi();
  const [motivation, setMotivation] = useState(goal.agreement?.motivation ?? '');
  const [error, setError] = useState<Error>();
  const [local, setLocal] = useState<string>();
  const [busy, setBusy] = useState(false);
  const agree = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const text = motivation.trim();
    if (text.length < 10) return setLocal(t('employee.goal.motivationShort'));
    if (text.length > 1000) return setLocal(t('employee.goal.motivationLong'));
    setLocal(undefined);
    setBusy(true);
    try {
      await call('planning', `/goals/${encodeURIComponent(goal.goalId)}/agreement`, {
        method: 'POST',
        body: { motivation: text },
      });
      onDone(t('employee.goal.agreed.status'));
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };
  const apiField =
    error && 'fields' in error
      ? (error as { fields: readonly { field: string; message: string }[] }).fields
          .filter((field) => field.field === 'motivation')
          .map((field) => field.message)
          .join(' ')
      : '';
  const message = local ?? (apiField || undefined);
  return (
    <Section title={t('employee.goal.agreement')}>
      {goal.agreement ? (
        <div className="notice">
          <p>{t('employee.goal.agreed')}</p>
          <blockquote>{goal.agreement.motivation}</blockquote>
        </div>
      ) : (
        <>
          <p>{t('employee.goal.agreementIntro')}</p>
          <form onSubmit={(event) => void agree(event)} noValidate>
            <div className="emp-field">
              <label htmlFor="emp-motivation">{t('employee.goal.motivation')}</label>
              <textarea
                id="emp-motivation"
                name="motivation"
                value={motivation}
                maxLength={1000}
                aria-invalid={message ? true : undefined}
                aria-describedby={message ? 'emp-err-motivation' : undefined}
                onChange={(event) => setMotivation(event.target.value)}
              />
              {message && (
                <span id="emp-err-motivation" className="emp-field-error">
                  {message}
                </span>
              )}
            </div>
            {error && <Problem error={error} />}
            <div className="actions">
              <button type="submit" disabled={busy}>
                {t('employee.goal.agree')}
              </button>
            </div>
          </form>
        </>
      )}
    </Section>
  );
};

const Submit = ({
  goal,
  onDone,
  onFailed,
}: {
  goal: Goal;
  onDone: (message: string) => void;
  onFailed: (message: string | undefined) => void;
}) => {
  const t = useT();
  const { call } = useApi();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setError(undefined);
    setBusy(true);
    try {
      const events = await call<EventBody[]>(
        'planning',
        `/goals/${encodeURIComponent(goal.goalId)}/submit`,
        { method: 'POST' },
      );
      const submitted = events.find((event) => event.type === 'GoalSubmitted');
      onDone(
        t('employee.goal.submitted.status', {
          number: Number(submitted?.data['submissionNumber'] ?? goal.submissionNumber + 1),
        }),
      );
    } catch (caught) {
      // The current SMART check above says which properties failed, and why.
      onFailed(
        caught instanceof ApiError && caught.code === 'SMART_CHECK_FAILED'
          ? t('employee.goal.submitFailed.status')
          : undefined,
      );
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('employee.goal.submitTitle')}>
      <p>{t('employee.goal.submitIntro')}</p>
      {!goal.agreement && <p className="emp-hint">{t('employee.goal.submitNeedsAgreement')}</p>}
      {error && <Problem error={error} />}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void submit()}>
          {goal.submissionNumber > 0 ? t('employee.goal.resubmit') : t('employee.goal.submit')}
        </button>
      </div>
    </Section>
  );
};

const Feedback = ({
  goal,
  onProposal,
}: {
  goal: Goal;
  onProposal: (proposal: Redraft) => void;
}) => {
  const t = useT();
  const { call } = useApi();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  if (!goal.rejection) return null;
  const redraft = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onProposal(
        await call<Redraft>('planning', `/goals/${encodeURIComponent(goal.goalId)}/redraft`, {
          method: 'POST',
        }),
      );
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title={t('employee.goal.feedback')} className="emp-feedback">
      <p>
        {t('employee.goal.feedbackBy', {
          number: goal.rejection.submissionNumber,
          manager: goal.rejection.decidedBy,
        })}
      </p>
      <blockquote className="emp-quote">{goal.rejection.feedback}</blockquote>
      {revisable(goal) && (
        <>
          <p>{t('employee.goal.feedbackNext')}</p>
          <details className="emp-redraft">
            <summary>{t('employee.goal.redraft')}</summary>
            <p>{t('employee.goal.redraftIntro')}</p>
            {error && <Problem error={error} />}
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => void redraft()}
            >
              {t('employee.goal.redraft')}
            </button>
          </details>
        </>
      )}
    </Section>
  );
};

const Actions = ({ goal, onDone }: { goal: Goal; onDone: (message: string) => void }) => {
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
            !['evaluated', 'withdrawn'].includes(goal.status) && (
              <p className="emp-hint">{t('employee.goal.actionsInactive')}</p>
            )
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

const CheckIns = ({ goal }: { goal: Goal }) => {
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

const Withdraw = ({ goal, onDone }: { goal: Goal; onDone: (message: string) => void }) => {
  const t = useT();
  const { call } = useApi();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error>();
  if (goal.status === 'evaluated' || goal.status === 'withdrawn') return null;
  const withdraw = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await call('planning', `/goals/${encodeURIComponent(goal.goalId)}/withdraw`, {
        method: 'POST',
        body: { reason: reason.trim() },
      });
      onDone(t('employee.goal.withdrawn.status'));
    } catch (caught) {
      setError(caught as Error);
    }
  };
  return (
    <details className="emp-withdraw">
      <summary>{t('employee.goal.withdraw')}</summary>
      <form onSubmit={(event) => void withdraw(event)}>
        <div className="emp-field">
          <label htmlFor="emp-withdraw-reason">{t('employee.goal.withdrawReason')}</label>
          <textarea
            id="emp-withdraw-reason"
            name="reason"
            required
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        {error && <Problem error={error} />}
        <button type="submit" className="danger">
          {t('employee.goal.withdrawButton')}
        </button>
      </form>
    </details>
  );
};

/**
 * The SMART check of the goal as it is now, in the reader's language: asked again whenever the
 * goal changes (an edit, the agreement, a submission) and when the language does. While it is
 * asked again, the previous check stays on screen.
 */
const CurrentSmartCheck = ({ goal }: { goal: Goal }) => {
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
  const [last, setLast] = useState<GoalSmartCheck>();
  const current = smart.state === 'done' ? smart.data : undefined;
  useEffect(() => {
    if (current) setLast(current);
  }, [current]);
  const shown = current ?? last;
  return (
    <Section title={t('employee.goal.smart')} className="emp-smart-section">
      {shown ? (
        <SmartChecks
          checks={shown.checks}
          caption={t('employee.smart.now', { date: day(language, shown.checkedOn) })}
        />
      ) : (
        <Loadable loaded={smart}>{() => null}</Loadable>
      )}
      {shown && smart.state === 'failed' && <Problem error={smart.error} onRetry={reload} />}
      {revisable(goal) && <p className="emp-hint">{t('employee.smart.again')}</p>}
    </Section>
  );
};

const GoalView = ({
  goal,
  reload,
  status,
  setStatus,
}: {
  goal: Goal;
  reload: () => void;
  status: string | undefined;
  setStatus: (message: string | undefined) => void;
}) => {
  const t = useT();
  const { language } = useLanguage();
  const [proposal, setProposal] = useState<Redraft>();
  const done = (message: string) => {
    setStatus(message);
    reload();
  };
  const evaluated = growthOfGoal(goal)?.outcome;
  const outcome =
    evaluated === 'achieved' || evaluated === 'partly-achieved' || evaluated === 'not-achieved'
      ? t(`employee.growth.outcome.${evaluated}`)
      : undefined;
  return (
    <>
      <h1>{goal.content.title}</h1>
      <p>
        <Link href={`/employee/plan?plan=${encodeURIComponent(goal.planId)}`}>
          {t('employee.goal.back')}
        </Link>
      </p>
      <dl className="emp-facts" aria-label={t('employee.goal.meta')}>
        <div>
          <dt>{t('employee.goal.phase')}</dt>
          <dd>
            <PhaseBadge phase={goal.status} />
          </dd>
        </div>
        <div>
          <dt>{t('employee.goal.competency')}</dt>
          <dd>{goal.content.target.competencyId}</dd>
        </div>
        <div>
          <dt>{t('employee.goal.deadline')}</dt>
          <dd>{day(language, goal.content.deadline)}</dd>
        </div>
        {goal.submissionNumber > 0 && (
          <div>
            <dt>{t('employee.goal.submission')}</dt>
            <dd>{goal.submissionNumber}</dd>
          </div>
        )}
        {goal.status === 'active' && goal.nextCheckInDueAt && (
          <div>
            <dt>{t('employee.goal.nextCheckIn')}</dt>
            <dd>{day(language, goal.nextCheckInDueAt)}</dd>
          </div>
        )}
      </dl>
      <StatusMessage message={status} />
      {goal.status === 'submitted' && (
        <p className="notice">{t('employee.goal.waiting', { number: goal.submissionNumber })}</p>
      )}
      {(goal.status === 'rejected' || goal.status === 'revised') && (
        <Feedback
          goal={goal}
          onProposal={(value) => {
            setProposal(value);
            setStatus(t('employee.goal.redrafted.status'));
          }}
        />
      )}
      {proposal && (
        <Section title={t('employee.goal.proposal')}>
          <ContentView content={proposal.proposal} nested />
          <SmartChecks checks={proposal.smartChecks} caption={t('employee.smart.ofRedraft')} />
        </Section>
      )}
      <ContentView content={goal.content} />
      <CurrentSmartCheck goal={goal} />
      <Provenance goal={goal} />
      {revisable(goal) && (
        <>
          <GoalEditForm
            key={JSON.stringify(goal.content)}
            goal={goal}
            onSaved={() => {
              done(t('employee.goal.saved.status'));
              return Promise.resolve();
            }}
          />
          <Agreement key={`agree-${JSON.stringify(goal.agreement)}`} goal={goal} onDone={done} />
          <Submit goal={goal} onDone={done} onFailed={setStatus} />
        </>
      )}
      <Actions goal={goal} onDone={done} />
      <CheckIns goal={goal} />
      {outcome && (
        <Section title={t('employee.goal.evaluation')}>
          <p className="notice">{t('employee.growth.outcome', { outcome })}</p>
        </Section>
      )}
      {goal.evaluation && goal.evaluation.reasons.length > 0 && (
        <Section title={t('employee.goal.evaluation')}>
          <ul>
            {goal.evaluation.reasons.map((reason) => (
              <li key={reason.code}>{reason.explanation}</li>
            ))}
          </ul>
        </Section>
      )}
      {(goal.baseline || goal.status === 'evaluated') && (
        <p>
          <Link href="/employee/growth">{t('employee.goal.growthLink')}</Link>
        </p>
      )}
      <Withdraw goal={goal} onDone={done} />
    </>
  );
};

/** /employee/goals/:goalId: one goal, what was drafted and changed, its SMART check and steps. */
export const GoalPage = ({ params }: { params: Readonly<Record<string, string>> }) => {
  const goalId = params['goalId'] ?? '';
  const [status, setStatus] = useState<string | undefined>(takeFlash);
  const goal = useGet<Goal>('planning', `/goals/${encodeURIComponent(goalId)}`);
  // While it reloads after an action, the goal as it was stays on screen (and focus with it).
  const [last, setLast] = useState<Goal>();
  const current = goal.state === 'done' ? goal.data : undefined;
  useEffect(() => {
    if (current) setLast(current);
  }, [current]);
  const shown = current ?? last;
  if (!shown) return <Loadable loaded={goal}>{() => null}</Loadable>;
  return (
    <>
      <GoalView goal={shown} reload={goal.reload} status={status} setStatus={setStatus} />
      {goal.state === 'failed' && <Problem error={goal.error} onRetry={goal.reload} />}
    </>
  );
};
