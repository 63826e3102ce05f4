import { useState, type FormEvent } from 'react';
import { useApi, useGet } from '../../api';
import { Loadable, Problem } from '../../components/states';
import { type TextKey, useLanguage, useT } from '../../i18n';
import { day } from '../../lib/format';
import { type EventBody } from '../../lib/goal';
import { ApiError, messagesByField } from '../../lib/problem';
import { Link, navigate } from '../../router';
import {
  answerFields,
  checkInFieldOf,
  checkInLimits,
  lengthNoteOf,
  validateCheckIn,
  type CheckInField,
  type CheckInInput,
} from './check-in-form';
import { flash } from './flash';
import { FieldError } from './parts';
import { type Goal } from './types';

const CheckInForm = ({ goal }: { goal: Goal }) => {
  const t = useT();
  const { language } = useLanguage();
  const { call } = useApi();
  const [input, setInput] = useState<CheckInInput>({
    whatWasDone: '',
    whatGoesWellAndWhatIsHard: '',
    whatIsNext: '',
    durationMinutes: '',
    actionsTicked: [],
  });
  const [problems, setProblems] = useState<Partial<Record<CheckInField, string>>>({});
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const goalHref = `/employee/goals/${encodeURIComponent(goal.goalId)}`;
  const open = goal.content.actions.filter(
    (action) => !goal.completedActionIds.includes(action.actionId),
  );
  const note = lengthNoteOf(input.durationMinutes);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const checked = validateCheckIn(input);
    if (!checked.ok) {
      setProblems(
        Object.fromEntries(
          Object.entries(checked.problems).map(([field, problem]) => [
            field,
            t(`employee.checkIn.error.${problem}` as TextKey),
          ]),
        ),
      );
      const first = Object.keys(checked.problems)[0];
      if (first) document.getElementById(`emp-ci-${first}`)?.focus();
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      const events = await call<EventBody[]>(
        'planning',
        `/goals/${encodeURIComponent(goal.goalId)}/check-ins`,
        { method: 'POST', body: checked.body },
      );
      const logged = events.find((item) => item.type === 'CheckInLogged');
      const due = logged?.data['nextDueAt'];
      flash(
        t('employee.checkIn.logged.status', {
          date: typeof due === 'string' ? day(language, due) : '—',
        }),
      );
      navigate(goalHref);
    } catch (caught) {
      if (caught instanceof ApiError && caught.fields.length > 0) {
        setProblems(messagesByField(caught.fields, checkInFieldOf));
      }
      setError(caught as Error);
      setBusy(false);
    }
  };
  const invalid = (field: CheckInField) =>
    problems[field]
      ? { 'aria-invalid': true as const, 'aria-describedby': `emp-ci-${field}-error` }
      : {};
  const hasProblems = Object.keys(problems).length > 0;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="emp-checkin">
      {hasProblems && (
        <p role="alert" className="problem">
          {t('employee.checkIn.fix')}
        </p>
      )}
      {answerFields.map((field) => (
        <div key={field} className="emp-field">
          <label htmlFor={`emp-ci-${field}`}>{t(`employee.checkIn.${field}`)}</label>
          <textarea
            id={`emp-ci-${field}`}
            name={field}
            value={input[field]}
            onChange={(event) => setInput({ ...input, [field]: event.target.value })}
            {...invalid(field)}
            aria-describedby={[
              problems[field] ? `emp-ci-${field}-error` : '',
              `emp-ci-${field}-count`,
            ]
              .filter(Boolean)
              .join(' ')}
          />
          <span id={`emp-ci-${field}-count`} className="emp-hint">
            {t('employee.checkIn.characters', {
              count: input[field].length,
              max: checkInLimits.answerMaxLength,
            })}
          </span>
          <FieldError id={`emp-ci-${field}-error`} message={problems[field]} />
        </div>
      ))}
      <div className="emp-field">
        <label htmlFor="emp-ci-durationMinutes">{t('employee.checkIn.duration')}</label>
        <input
          id="emp-ci-durationMinutes"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={checkInLimits.minMinutes}
          max={checkInLimits.maxMinutes}
          step={1}
          value={input.durationMinutes}
          onChange={(event) => setInput({ ...input, durationMinutes: event.target.value })}
          {...invalid('durationMinutes')}
          aria-describedby={[
            problems.durationMinutes ? 'emp-ci-durationMinutes-error' : '',
            'emp-ci-duration-hint',
          ]
            .filter(Boolean)
            .join(' ')}
          className="emp-minutes"
        />
        <span id="emp-ci-duration-hint" className="emp-hint">
          {t('employee.checkIn.durationHint')} {note === 'short' && t('employee.checkIn.short')}
          {note === 'long' && t('employee.checkIn.long')}
        </span>
        <FieldError id="emp-ci-durationMinutes-error" message={problems.durationMinutes} />
      </div>
      <fieldset id="emp-ci-actionsTicked" tabIndex={-1} {...invalid('actionsTicked')}>
        <legend>{t('employee.checkIn.actions')}</legend>
        {open.length === 0 ? (
          <p>{t('employee.checkIn.allDone')}</p>
        ) : (
          open.map((action) => (
            <label key={action.actionId} className="check">
              <input
                type="checkbox"
                name="actionsTicked"
                value={action.actionId}
                checked={input.actionsTicked.includes(action.actionId)}
                onChange={(event) =>
                  setInput({
                    ...input,
                    actionsTicked: event.target.checked
                      ? [...input.actionsTicked, action.actionId]
                      : input.actionsTicked.filter((id) => id !== action.actionId),
                  })
                }
              />
              <span>
                {action.description} <span className="emp-muted">({action.frequency})</span>
              </span>
            </label>
          ))
        )}
        <FieldError id="emp-ci-actionsTicked-error" message={problems.actionsTicked} />
      </fieldset>
      {error && <Problem error={error} />}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('employee.checkIn.submit')}
        </button>
        <Link href={goalHref} className="emp-link-button">
          {t('employee.checkIn.cancel')}
        </Link>
      </div>
    </form>
  );
};

/** /employee/goals/:goalId/check-in: the three questions, the length and the actions done. */
export const CheckInPage = ({ params }: { params: Readonly<Record<string, string>> }) => {
  const t = useT();
  const goalId = params['goalId'] ?? '';
  const goal = useGet<Goal>('planning', `/goals/${encodeURIComponent(goalId)}`);
  return (
    <Loadable loaded={goal}>
      {(data) => (
        <>
          <h1>{t('employee.checkIn.title', { goal: data.content.title })}</h1>
          <p>{t('employee.checkIn.intro')}</p>
          {data.status === 'active' ? (
            <CheckInForm goal={data} />
          ) : (
            <p className="notice">
              {t('employee.checkIn.notActive', { phase: t(`employee.phase.${data.status}`) })}{' '}
              <Link href={`/employee/goals/${encodeURIComponent(goalId)}`}>
                {t('employee.checkIn.cancel')}
              </Link>
            </p>
          )}
        </>
      )}
    </Loadable>
  );
};
