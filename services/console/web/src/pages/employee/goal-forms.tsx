import { useState, type FormEvent } from 'react';
import { useApi, useCommand } from '../../api';
import { Problem } from '../../components/states';
import { useT } from '../../i18n';
import { type EventBody } from '../../lib/goal';
import { ApiError, messagesByField } from '../../lib/problem';
import { closed, revisable } from './goal-phase';
import { Section } from './parts';
import { type Goal, type Redraft } from './types';

/** The employee's agreement to the goal, with their motivation. */
export const Agreement = ({ goal, onDone }: { goal: Goal; onDone: (message: string) => void }) => {
  const t = useT();
  const { call } = useApi();
  const [motivation, setMotivation] = useState(goal.agreement?.motivation ?? '');
  const [local, setLocal] = useState<string>();
  const { busy, error, run } = useCommand();
  const agree = async (event: FormEvent) => {
    event.preventDefault();
    const text = motivation.trim();
    const tooShortOrLong =
      text.length < 10
        ? t('employee.goal.motivationShort')
        : text.length > 1000
          ? t('employee.goal.motivationLong')
          : undefined;
    setLocal(tooShortOrLong);
    if (tooShortOrLong) return;
    await run(async () => {
      await call('planning', `/goals/${encodeURIComponent(goal.goalId)}/agreement`, {
        method: 'POST',
        body: { motivation: text },
      });
      onDone(t('employee.goal.agreed.status'));
    });
  };
  const apiField =
    error instanceof ApiError
      ? messagesByField(error.fields, (field) => (field === 'motivation' ? field : undefined))
          .motivation
      : undefined;
  const message = local ?? (apiField || undefined);
  // A message of its own (too short or too long) stands instead of the last failure.
  const failure = local === undefined ? error : undefined;
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
            {failure && <Problem error={failure} />}
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

/** Submitting the goal (again) to the manager. */
export const Submit = ({
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
  const { busy, error, run } = useCommand();
  const submit = () =>
    run(
      async () => {
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
      },
      // The current SMART check above says which properties failed, and why.
      (failure) =>
        onFailed(
          failure instanceof ApiError && failure.code === 'SMART_CHECK_FAILED'
            ? t('employee.goal.submitFailed.status')
            : undefined,
        ),
    );
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

/** The manager's feedback on a rejected submission, and a redraft on request. */
export const Feedback = ({
  goal,
  onProposal,
}: {
  goal: Goal;
  onProposal: (proposal: Redraft) => void;
}) => {
  const t = useT();
  const { call } = useApi();
  const { busy, error, run } = useCommand();
  if (!goal.rejection) return null;
  const redraft = () =>
    run(async () =>
      onProposal(
        await call<Redraft>('planning', `/goals/${encodeURIComponent(goal.goalId)}/redraft`, {
          method: 'POST',
        }),
      ),
    );
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

/** Withdrawing the goal, with a reason (folded away). */
export const Withdraw = ({ goal, onDone }: { goal: Goal; onDone: (message: string) => void }) => {
  const t = useT();
  const { call } = useApi();
  const [reason, setReason] = useState('');
  const { error, run } = useCommand();
  if (closed(goal)) return null;
  const withdraw = async (event: FormEvent) => {
    event.preventDefault();
    await run(async () => {
      await call('planning', `/goals/${encodeURIComponent(goal.goalId)}/withdraw`, {
        method: 'POST',
        body: { reason: reason.trim() },
      });
      onDone(t('employee.goal.withdrawn.status'));
    });
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
