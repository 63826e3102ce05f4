import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useApi, useGet, type Loaded } from '../../api';
import { Loadable, Problem } from '../../components/states';
import { useLanguage, useT, type Translate } from '../../i18n';
import { day, instant } from '../../lib/format';
import { Link } from '../../router';
import { decisionProblem, type DecisionField, type DecisionProblem } from './decision';
import { changedFields, diffGoals, wordDiff, type FieldDiff, type ItemDiff } from './goal-diff';
import {
  ActionView,
  CriterionView,
  FieldValue,
  fieldLabel,
  GoalView,
  kindLabel,
  labelOf,
  MilestoneView,
  Segments,
  StatusBadge,
  TableScroll,
  waitingLabel,
} from './parts';
import { managerPaths } from './paths';
import { smartChanges, smartSummary } from './smart';
import { orderThread, versionsToCompare, type ThreadEntry } from './thread';
import {
  cadences,
  type AdjustmentAsked,
  type ApprovalThread,
  type Cadence,
  type CurrentSmartCheck,
  type DecisionEvent,
  type GoalVersion,
  type SmartCheck,
  type TeamGoal,
} from './types';
import './manager.css';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The request and its exchange; `untilDecided` asks again until the read side shows the
 * decision just made (it follows the request's stream a moment behind).
 */
const useThread = (requestId: string) => {
  const { call } = useApi();
  const [loaded, setLoaded] = useState<Loaded<ApprovalThread>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    call<ApprovalThread>('approval', `/approval-requests/${encodeURIComponent(requestId)}`, {
      signal: abort.signal,
    }).then(
      (data) => setLoaded({ state: 'done', data }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setLoaded({
          state: 'failed',
          error: error instanceof Error ? error : new Error(String(error)),
        });
      },
    );
    return () => abort.abort();
  }, [call, requestId, round]);
  const untilDecided = useCallback(async () => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      try {
        const data = await call<ApprovalThread>(
          'approval',
          `/approval-requests/${encodeURIComponent(requestId)}`,
        );
        if (data.status !== 'pending' || attempt === 19) {
          setLoaded({ state: 'done', data });
          return;
        }
      } catch {
        // A failed look is retried; the last one is shown as it is.
      }
      await wait(250);
    }
  }, [call, requestId]);
  return { ...loaded, reload: () => setRound((value) => value + 1), untilDecided };
};

/** Whether the goal as it is now is the submitted version: that submission, its content unchanged. */
const isSubmittedVersion = (goal: TeamGoal, version: GoalVersion): boolean =>
  goal.submissionNumber === version.submissionNumber &&
  changedFields(diffGoals(version.goal, goal.content)).length === 0;

/**
 * The SMART check of the goal as it is now, in the manager's language (planning checks it on
 * every look), beside which submission the request is about; while it cannot be had, the check
 * stored with the submission (in the words it was stored in).
 */
const SmartCheckSection = ({
  current,
  previous,
  goal,
  smart,
}: {
  current: GoalVersion;
  previous?: GoalVersion;
  goal: Loaded<TeamGoal>;
  smart: Loaded<CurrentSmartCheck> & { reload: () => void };
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

const DiffSection = ({ previous, current }: { previous: GoalVersion; current: GoalVersion }) => {
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

const AdjustmentSection = ({
  adjustment,
  pending,
}: {
  adjustment: AdjustmentAsked;
  pending: boolean;
}) => {
  const t = useT();
  const id = useId();
  return (
    <section aria-labelledby={id} className="mgr-section">
      <h2 id={id}>{t('manager.adjustment.title')}</h2>
      {pending && <p className="mgr-meta">{t('manager.adjustment.intro')}</p>}
      <TableScroll label={t('manager.adjustment.title')}>
        <table className="mgr-adjustment">
          <thead>
            <tr>
              <th scope="col">{t('manager.diff.field')}</th>
              <th scope="col">{t('manager.adjustment.before')}</th>
              <th scope="col">{t('manager.adjustment.after')}</th>
            </tr>
          </thead>
          <tbody>
            {adjustment.changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{fieldLabel(t, change.field)}</th>
                <td className="mgr-before">
                  <FieldValue field={change.field} value={change.before} />
                </td>
                <td className="mgr-after">
                  <FieldValue field={change.field} value={change.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h3>{t('manager.adjustment.reason')}</h3>
      {adjustment.reason ? (
        <blockquote className="mgr-quote">{adjustment.reason}</blockquote>
      ) : (
        <p>{t('manager.adjustment.noReason')}</p>
      )}
    </section>
  );
};

const sentenceOf = (t: Translate, entry: ThreadEntry, who: string): string => {
  const { step } = entry;
  switch (step.kind) {
    case 'submitted':
      return t('manager.thread.submitted', { who, number: step.submissionNumber });
    case 'resubmitted':
      return t('manager.thread.resubmitted', { who, number: step.submissionNumber });
    case 'adjustment-asked':
      return t('manager.thread.adjustmentAsked', { who });
    case 'approved':
      return step.cadence
        ? t('manager.thread.approvedCadence', {
            who,
            cadence: labelOf(t, 'manager.cadence.', step.cadence),
          })
        : t('manager.thread.approved', { who });
    case 'rejected':
      return step.submissionNumber
        ? t('manager.thread.rejectedVersion', { who, number: step.submissionNumber })
        : t('manager.thread.rejected', { who });
    case 'adjustment-approved':
      return t('manager.thread.adjustmentApproved', { who });
    case 'adjustment-rejected':
      return t('manager.thread.adjustmentRejected', { who });
    case 'reassigned':
      return step.to
        ? t('manager.thread.reassigned', { to: step.to })
        : t('manager.thread.reassignedHr');
    case 'overdue':
      return t('manager.thread.overdue', { days: step.pendingDays ?? '?' });
    case 'withdrawn':
      return t('manager.thread.withdrawn', { who });
    case 'other':
      return t('manager.thread.other', { event: step.event });
  }
};

const quoteOf = (t: Translate, entry: ThreadEntry): { label: string; text: string } | undefined => {
  const { step } = entry;
  if ((step.kind === 'rejected' || step.kind === 'adjustment-rejected') && step.feedback)
    return { label: t('manager.thread.feedback'), text: step.feedback };
  if ((step.kind === 'approved' || step.kind === 'adjustment-approved') && step.note)
    return { label: t('manager.thread.note'), text: step.note };
  if (step.kind === 'adjustment-asked' && step.reason)
    return { label: t('manager.thread.reason'), text: step.reason };
  return undefined;
};

const ThreadSection = ({ thread }: { thread: ApprovalThread }) => {
  const t = useT();
  const { language } = useLanguage();
  const { session } = useApi();
  const id = useId();
  const entries = orderThread(thread);
  return (
    <section aria-labelledby={id} className="mgr-section">
      <h2 id={id}>{t('manager.thread.title')}</h2>
      {entries.length === 0 ? (
        <p>{t('manager.thread.empty')}</p>
      ) : (
        <ol className="mgr-thread">
          {entries.map((entry, index) => {
            const who =
              entry.by === session.userId
                ? t('manager.thread.you')
                : entry.side === 'system'
                  ? t('manager.thread.system')
                  : entry.by;
            const quote = quoteOf(t, entry);
            return (
              <li key={`${entry.at}-${index}`} className={`mgr-step mgr-step-${entry.side}`}>
                <p className="mgr-step-head">
                  <time dateTime={entry.at}>{instant(language, entry.at)}</time>
                </p>
                <p className="mgr-step-text">{sentenceOf(t, entry, who)}</p>
                {quote && (
                  <figure className="mgr-step-quote">
                    <figcaption>{quote.label}</figcaption>
                    <blockquote className="mgr-quote">{quote.text}</blockquote>
                  </figure>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
};

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

type Decided = { readonly kind: 'approved' | 'rejected'; readonly cadence?: Cadence };

const DecisionForms = ({
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
  const [busy, setBusy] = useState<'approve' | 'reject' | undefined>();
  const [approveProblem, setApproveProblem] = useState<DecisionProblem | undefined>();
  const [rejectProblem, setRejectProblem] = useState<DecisionProblem | undefined>();
  const adjustment = thread.kind === 'adjustment';
  const path = `/approval-requests/${encodeURIComponent(thread.requestId)}`;
  const submissionNumber =
    thread.kind === 'submission' && thread.submissionNumber !== undefined
      ? { submissionNumber: thread.submissionNumber }
      : {};

  const approve = async (event: FormEvent) => {
    event.preventDefault();
    setBusy('approve');
    setApproveProblem(undefined);
    try {
      await call<DecisionEvent>('approval', `${path}/approve`, {
        method: 'POST',
        body: {
          ...submissionNumber,
          ...(adjustment || cadence === '' ? {} : { checkInCadence: cadence }),
          ...(note.trim() === '' ? {} : { note: note.trim() }),
        },
      });
      onDecided({ kind: 'approved', ...(cadence === '' ? {} : { cadence }) });
    } catch (error) {
      setApproveProblem(decisionProblem(error instanceof Error ? error : new Error(String(error))));
    } finally {
      setBusy(undefined);
    }
  };

  const reject = async (event: FormEvent) => {
    event.preventDefault();
    setBusy('reject');
    setRejectProblem(undefined);
    try {
      await call<DecisionEvent>('approval', `${path}/reject`, {
        method: 'POST',
        body: { ...submissionNumber, feedback },
      });
      onDecided({ kind: 'rejected' });
    } catch (error) {
      setRejectProblem(decisionProblem(error instanceof Error ? error : new Error(String(error))));
    } finally {
      setBusy(undefined);
    }
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

const doneMessage = (
  t: Translate,
  decided: Decided,
  thread: ApprovalThread,
  title: string,
): string => {
  if (thread.kind === 'adjustment')
    return decided.kind === 'approved'
      ? t('manager.done.adjustmentApproved', { title })
      : t('manager.done.adjustmentRejected', { title });
  return decided.kind === 'approved'
    ? t('manager.done.approved', {
        title,
        cadence: decided.cadence ? t(`manager.cadence.${decided.cadence}`) : '—',
      })
    : t('manager.done.rejected', { title, employee: thread.employeeId });
};

const RequestView = ({
  thread,
  decided,
  onDecided,
}: {
  thread: ApprovalThread;
  decided: Decided | undefined;
  onDecided: (decided: Decided) => void;
}) => {
  const t = useT();
  const { language } = useLanguage();
  const goalId = useId();
  const { current, previous } = versionsToCompare(thread.versions, thread.submissionNumber);
  const adjustment = thread.kind === 'adjustment';
  const goal = useGet<TeamGoal>('planning', `/goals/${encodeURIComponent(thread.goalId)}`);
  const smart = useGet<CurrentSmartCheck>(
    'planning',
    adjustment ? undefined : `/goals/${encodeURIComponent(thread.goalId)}/smart-check`,
  );
  const motivation = goal.state === 'done' ? goal.data.agreement?.motivation : undefined;
  const pendingDays = Math.max(
    0,
    Math.floor((Date.now() - Date.parse(thread.submittedAt)) / 86_400_000),
  );
  const shownVersion = adjustment ? thread.versions[thread.versions.length - 1] : current;
  return (
    <>
      <dl className="mgr-facts mgr-facts-wide">
        <div>
          <dt>{t('manager.request.kind')}</dt>
          <dd>{kindLabel(t, thread.kind, thread.submissionNumber)}</dd>
        </div>
        <div>
          <dt>{t('manager.request.employee')}</dt>
          <dd>{thread.employeeId}</dd>
        </div>
        <div>
          <dt>{adjustment ? t('manager.request.adjustedAt') : t('manager.request.submittedAt')}</dt>
          <dd>{instant(language, thread.submittedAt)}</dd>
        </div>
        <div>
          <dt>{t('manager.request.status')}</dt>
          <dd>
            <StatusBadge status={thread.status} kind={thread.kind} />
            {thread.status === 'pending' && (
              <span className="mgr-meta"> · {waitingLabel(t, pendingDays)}</span>
            )}
          </dd>
        </div>
      </dl>
      {thread.addressedTo === 'hr-delegate' && (
        <p className="mgr-meta">{t('manager.request.delegate')}</p>
      )}
      {thread.status !== 'pending' && !decided && (
        <p className="notice">
          {t('manager.decided.already', {
            status:
              adjustment && (thread.status === 'approved' || thread.status === 'rejected')
                ? t(`manager.status.adjustment.${thread.status}`)
                : t(`manager.status.${thread.status}`),
          })}
        </p>
      )}
      {adjustment && thread.adjustment && (
        <AdjustmentSection adjustment={thread.adjustment} pending={thread.status === 'pending'} />
      )}
      {!adjustment && current && (
        <SmartCheckSection
          current={current}
          {...(previous && { previous })}
          goal={goal}
          smart={smart}
        />
      )}
      {!adjustment && current && previous && <DiffSection previous={previous} current={current} />}
      {shownVersion && (
        <section aria-labelledby={goalId} className="mgr-section">
          <h2 id={goalId}>{t('manager.goal.title')}</h2>
          <p className="mgr-meta">
            {adjustment
              ? t('manager.goal.asApproved', { number: shownVersion.submissionNumber })
              : t('manager.goal.version', {
                  number: shownVersion.submissionNumber,
                  date: day(language, shownVersion.submittedAt),
                })}
          </p>
          {adjustment ? (
            <details className="mgr-details">
              <summary>
                {t('manager.diff.showAll', { number: shownVersion.submissionNumber })}
              </summary>
              <GoalView goal={shownVersion.goal} />
            </details>
          ) : (
            <GoalView goal={shownVersion.goal} />
          )}
          {motivation && (
            <>
              <h3>{t('manager.goal.motivation')}</h3>
              <blockquote className="mgr-quote">{motivation}</blockquote>
            </>
          )}
        </section>
      )}
      <ThreadSection thread={thread} />
      {thread.status === 'pending' && !decided && (
        <DecisionForms thread={thread} onDecided={onDecided} />
      )}
    </>
  );
};

/** /manager/requests/:requestId: a request with its SMART check, versions and exchange, decided here. */
export const RequestPage = ({ params }: { params: Readonly<Record<string, string>> }) => {
  const t = useT();
  const requestId = params['requestId'] ?? '';
  const thread = useThread(requestId);
  const [decided, setDecided] = useState<Decided | undefined>();
  const [updating, setUpdating] = useState(false);
  const status = useRef<HTMLDivElement>(null);
  const { untilDecided } = thread;
  const onDecided = useCallback(
    (decision: Decided) => {
      setDecided(decision);
      setUpdating(true);
      void untilDecided().finally(() => setUpdating(false));
    },
    [untilDecided],
  );
  useEffect(() => {
    if (decided) status.current?.focus();
  }, [decided]);
  const data = thread.state === 'done' ? thread.data : undefined;
  const version = data && versionsToCompare(data.versions, data.submissionNumber).current;
  const title =
    version?.goal.title ??
    (data ? t('manager.request.untitled', { goalId: data.goalId }) : t('manager.request.title'));
  return (
    <>
      <p className="mgr-back">
        <Link href={managerPaths.inbox}>← {t('manager.request.back')}</Link>
      </p>
      <h1>{title}</h1>
      <div
        role="status"
        ref={status}
        tabIndex={-1}
        className={decided ? 'notice mgr-done' : 'mgr-done-empty'}
      >
        {decided && data && (
          <>
            <p>
              <strong>{doneMessage(t, decided, data, title)}</strong>
            </p>
            {updating && <p className="mgr-meta">{t('manager.done.updating')}</p>}
            <p>
              <Link href={managerPaths.inbox}>{t('manager.done.back')}</Link>
            </p>
          </>
        )}
      </div>
      <Loadable loaded={thread}>
        {(loaded) => <RequestView thread={loaded} decided={decided} onDecided={onDecided} />}
      </Loadable>
    </>
  );
};
