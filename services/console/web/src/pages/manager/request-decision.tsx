import { useId, useState, type FormEvent } from 'react';
import { useApi, useCommand } from '../../api';
import { Problem } from '../../components/states';
import { useT } from '../../i18n';
import { type EventBody } from '../../lib/goal';
import { decisionProblem, type DecisionField } from './decision';
import { cadences, type ApprovalThread, type Cadence } from './types';

/** The messages the service gave about one field, tied to it by id. */
const FieldErrors = ({ id, messages }: { id: string; messages: readonly string[] | undefined }) =>
  messages && messages.length > 0 ? (
    <ul id={id} className="mgr-field-error">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  ) : null;

const describedBy = (...ids: (string | false | undefined)[]) =>
  ids.filter(Boolean).join(' ') || undefined;

/** The decision just made here, for the page's message. */
export type Decided = { readonly kind: 'approved' | 'rejected'; readonly cadence?: Cadence };

/** Approve (with a check-in cadence and a note) or reject (with feedback), errors at their fields. */
export const DecisionForms = ({
  thread,
  onDecided,
}: {
  thread: ApprovalThread;
  onDecided: (decided: Decided) => void;
}) => {
  const t = useT();
  const { call } = useApi();
  const ids = { approve: useId(), reject: useId(), field: useId(), heading: useId() };
  const [cadence, setCadence] = useState<Cadence | ''>('');
  const [note, setNote] = useState('');
  const [feedback, setFeedback] = useState('');
  const approval = useCommand();
  const rejection = useCommand();
  const busy = approval.busy ? 'approve' : rejection.busy ? 'reject' : undefined;
  const approveProblem = approval.error && decisionProblem(approval.error);
  const rejectProblem = rejection.error && decisionProblem(rejection.error);
  const adjustment = thread.kind === 'adjustment';
  const path = `/approval-requests/${encodeURIComponent(thread.requestId)}`;
  const submissionNumber =
    thread.kind === 'submission' && thread.submissionNumber !== undefined
      ? { submissionNumber: thread.submissionNumber }
      : {};

  const approve = async (event: FormEvent) => {
    event.preventDefault();
    await approval.run(async () => {
      await call<EventBody>('approval', `${path}/approve`, {
        method: 'POST',
        body: {
          ...submissionNumber,
          ...(adjustment || cadence === '' ? {} : { checkInCadence: cadence }),
          ...(note.trim() === '' ? {} : { note: note.trim() }),
        },
      });
      onDecided({ kind: 'approved', ...(cadence === '' ? {} : { cadence }) });
    });
  };

  const reject = async (event: FormEvent) => {
    event.preventDefault();
    await rejection.run(async () => {
      await call<EventBody>('approval', `${path}/reject`, {
        method: 'POST',
        body: { ...submissionNumber, feedback },
      });
      onDecided({ kind: 'rejected' });
    });
  };

  const errorId = (form: string, field: DecisionField) => `${ids.field}-${form}-${field}`;
  const approveErrors = approveProblem?.fields ?? {};
  const rejectErrors = rejectProblem?.fields ?? {};
  const feedbackInvalid = (rejectErrors.feedback?.length ?? 0) > 0;
  const cadenceInvalid = (approveErrors.checkInCadence?.length ?? 0) > 0;
  const noteInvalid = (approveErrors.note?.length ?? 0) > 0;

  return (
    <section aria-labelledby={ids.heading} className="mgr-section">
      <h2 id={ids.heading}>{t('manager.decide.title')}</h2>
      <div className="mgr-decide">
        <form
          className="card mgr-decide-approve"
          aria-labelledby={ids.approve}
          noValidate
          onSubmit={(event) => void approve(event)}
        >
          <h3 id={ids.approve}>
            {adjustment
              ? t('manager.decide.approveAdjustmentTitle')
              : t('manager.decide.approveTitle')}
          </h3>
          <p className="mgr-meta">
            {adjustment
              ? t('manager.decide.approveAdjustmentIntro')
              : t('manager.decide.approveIntro')}
          </p>
          {!adjustment && (
            <div className="mgr-field">
              <label htmlFor={`${ids.field}-cadence`}>{t('manager.decide.cadence')}</label>
              <select
                id={`${ids.field}-cadence`}
                name="checkInCadence"
                required
                value={cadence}
                aria-invalid={cadenceInvalid || undefined}
                aria-describedby={describedBy(
                  cadenceInvalid && errorId('approve', 'checkInCadence'),
                )}
                onChange={(event) => setCadence(event.target.value as Cadence | '')}
              >
                <option value="">{t('manager.decide.cadencePick')}</option>
                {cadences.map((option) => (
                  <option key={option} value={option}>
                    {t(`manager.cadenceLabel.${option}`)}
                  </option>
                ))}
              </select>
              <FieldErrors
                id={errorId('approve', 'checkInCadence')}
                messages={approveErrors.checkInCadence}
              />
            </div>
          )}
          <div className="mgr-field">
            <label htmlFor={`${ids.field}-note`}>{t('manager.decide.note')}</label>
            <textarea
              id={`${ids.field}-note`}
              name="note"
              rows={3}
              maxLength={2000}
              value={note}
              aria-invalid={noteInvalid || undefined}
              aria-describedby={describedBy(noteInvalid && errorId('approve', 'note'))}
              onChange={(event) => setNote(event.target.value)}
            />
            <FieldErrors id={errorId('approve', 'note')} messages={approveErrors.note} />
          </div>
          {approveProblem?.general && <Problem error={approveProblem.general} />}
          <div className="actions">
            <button type="submit" disabled={busy !== undefined}>
              {busy === 'approve'
                ? t('manager.decide.working')
                : adjustment
                  ? t('manager.decide.approveAdjustment')
                  : t('manager.decide.approve')}
            </button>
          </div>
        </form>
        <form
          className="card mgr-decide-reject"
          aria-labelledby={ids.reject}
          noValidate
          onSubmit={(event) => void reject(event)}
        >
          <h3 id={ids.reject}>
            {adjustment
              ? t('manager.decide.rejectAdjustmentTitle')
              : t('manager.decide.rejectTitle')}
          </h3>
          <p className="mgr-meta">
            {adjustment
              ? t('manager.decide.rejectAdjustmentIntro')
              : t('manager.decide.rejectIntro')}
          </p>
          <div className="mgr-field">
            <label htmlFor={`${ids.field}-feedback`}>{t('manager.decide.feedback')}</label>
            <span id={`${ids.field}-hint`} className="mgr-hint">
              {t('manager.decide.feedbackHint')}
            </span>
            <textarea
              id={`${ids.field}-feedback`}
              name="feedback"
              rows={5}
              required
              value={feedback}
              aria-invalid={feedbackInvalid || undefined}
              aria-describedby={describedBy(
                `${ids.field}-hint`,
                feedbackInvalid && errorId('reject', 'feedback'),
              )}
              onChange={(event) => setFeedback(event.target.value)}
            />
            <span className="mgr-hint" aria-hidden="true">
              {t('manager.decide.characters', { count: feedback.trim().length })}
            </span>
            <FieldErrors id={errorId('reject', 'feedback')} messages={rejectErrors.feedback} />
          </div>
          {rejectProblem?.general && <Problem error={rejectProblem.general} />}
          <div className="actions">
            <button type="submit" className="danger" disabled={busy !== undefined}>
              {busy === 'reject'
                ? t('manager.decide.working')
                : adjustment
                  ? t('manager.decide.rejectAdjustment')
                  : t('manager.decide.reject')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
};
