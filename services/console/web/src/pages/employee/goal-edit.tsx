import { useState, type FormEvent } from 'react';
import { useApi } from '../../api';
import { Problem } from '../../components/states';
import { useT } from '../../i18n';
import { ApiError } from '../../lib/problem';
import { FieldError, Section } from './parts';
import { type Goal, type GoalContent } from './types';

interface EditState {
  readonly title: string;
  readonly behaviour: string;
  readonly situation: string;
  readonly deadline: string;
  readonly actions: readonly { readonly description: string; readonly frequency: string }[];
  readonly criteria: readonly string[];
}

const editStateOf = (content: GoalContent): EditState => ({
  title: content.title,
  behaviour: content.behaviour,
  situation: content.situation,
  deadline: content.deadline,
  actions: content.actions.map(({ description, frequency }) => ({ description, frequency })),
  criteria: content.successCriteria.map((criterion) => criterion.description),
});

/** The body of PATCH /goals/:goalId: only what changed (the API refuses an empty one). */
const changesOf = (content: GoalContent, edit: EditState): Record<string, unknown> => {
  const changes: Record<string, unknown> = {};
  for (const field of ['title', 'behaviour', 'situation', 'deadline'] as const)
    if (edit[field] !== content[field]) changes[field] = edit[field];
  const actions = content.actions.map((action, index) => ({
    ...action,
    description: edit.actions[index]?.description ?? action.description,
    frequency: edit.actions[index]?.frequency ?? action.frequency,
  }));
  if (
    actions.some((action, index) => {
      const was = content.actions[index];
      return was?.description !== action.description || was.frequency !== action.frequency;
    })
  )
    changes['actions'] = actions;
  const criteria = content.successCriteria.map((criterion, index) => ({
    ...criterion,
    description: edit.criteria[index] ?? criterion.description,
  }));
  if (
    criteria.some(
      (criterion, index) => content.successCriteria[index]?.description !== criterion.description,
    )
  )
    changes['successCriteria'] = criteria;
  return changes;
};

/** The form a draft, rejected or revised goal is edited in; field errors sit by their fields. */
export const GoalEditForm = ({
  goal,
  onSaved,
}: {
  goal: Goal;
  onSaved: (changes: Record<string, unknown>) => Promise<void>;
}) => {
  const t = useT();
  const { call } = useApi();
  const [edit, setEdit] = useState<EditState>(() => editStateOf(goal.content));
  const [error, setError] = useState<Error>();
  const [note, setNote] = useState<string>();
  const [busy, setBusy] = useState(false);
  const fieldErrors = new Map<string, string>();
  if (error instanceof ApiError)
    for (const { field, message } of error.fields) {
      const key = field
        .replace(/^successCriteria\.(\d+)\..*$/, 'criteria.$1')
        .replace(/^actions\.(\d+)\.(description|frequency).*$/, 'actions.$1.$2');
      fieldErrors.set(key, fieldErrors.has(key) ? `${fieldErrors.get(key)} ${message}` : message);
    }
  const described = (key: string) =>
    fieldErrors.has(key) ? { 'aria-describedby': `emp-err-${key}`, 'aria-invalid': true } : {};
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setNote(undefined);
    const changes = changesOf(goal.content, edit);
    if (Object.keys(changes).length === 0) {
      setNote(t('employee.goal.noChanges'));
      return;
    }
    setBusy(true);
    try {
      await call('planning', `/goals/${encodeURIComponent(goal.goalId)}`, {
        method: 'PATCH',
        body: changes,
      });
      await onSaved(changes);
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };
  const text = (
    key: 'title' | 'behaviour' | 'situation',
    label: string,
    multiline: boolean,
    max: number,
  ) => (
    <div className="emp-field">
      <label htmlFor={`emp-edit-${key}`}>{label}</label>
      {multiline ? (
        <textarea
          id={`emp-edit-${key}`}
          name={key}
          maxLength={max}
          required
          value={edit[key]}
          onChange={(event) => setEdit({ ...edit, [key]: event.target.value })}
          {...described(key)}
        />
      ) : (
        <input
          id={`emp-edit-${key}`}
          name={key}
          maxLength={max}
          required
          value={edit[key]}
          onChange={(event) => setEdit({ ...edit, [key]: event.target.value })}
          {...described(key)}
        />
      )}
      <FieldError id={`emp-err-${key}`} message={fieldErrors.get(key)} />
    </div>
  );
  return (
    <Section title={t('employee.goal.edit')}>
      <p>{t('employee.goal.editIntro')}</p>
      <form onSubmit={(event) => void save(event)} noValidate>
        {text('title', t('employee.field.title'), false, 200)}
        {text('behaviour', t('employee.field.behaviour'), true, 2000)}
        {text('situation', t('employee.field.situation'), true, 2000)}
        <div className="emp-field">
          <label htmlFor="emp-edit-deadline">{t('employee.field.deadline')}</label>
          <input
            id="emp-edit-deadline"
            type="date"
            name="deadline"
            required
            value={edit.deadline}
            onChange={(event) => setEdit({ ...edit, deadline: event.target.value })}
            {...described('deadline')}
          />
          <FieldError id="emp-err-deadline" message={fieldErrors.get('deadline')} />
        </div>
        {edit.criteria.map((description, index) => (
          <div className="emp-field" key={`criterion-${index}`}>
            <label htmlFor={`emp-edit-criterion-${index}`}>
              {t('employee.goal.criterionDescription', { number: index + 1 })}
            </label>
            <textarea
              id={`emp-edit-criterion-${index}`}
              name={`criterion-${index}`}
              maxLength={500}
              value={description}
              onChange={(event) =>
                setEdit({
                  ...edit,
                  criteria: edit.criteria.map((value, at) =>
                    at === index ? event.target.value : value,
                  ),
                })
              }
              {...described(`criteria.${index}`)}
            />
            <FieldError
              id={`emp-err-criteria.${index}`}
              message={fieldErrors.get(`criteria.${index}`)}
            />
          </div>
        ))}
        {edit.actions.map((action, index) => (
          <fieldset key={`action-${index}`} className="emp-action-edit">
            <legend>{t('employee.goal.action', { number: index + 1 })}</legend>
            <div className="emp-field">
              <label htmlFor={`emp-edit-action-${index}-description`}>
                {t('employee.goal.actionDescription', { number: index + 1 })}
              </label>
              <textarea
                id={`emp-edit-action-${index}-description`}
                name={`action-${index}-description`}
                maxLength={2000}
                value={action.description}
                onChange={(event) =>
                  setEdit({
                    ...edit,
                    actions: edit.actions.map((value, at) =>
                      at === index ? { ...value, description: event.target.value } : value,
                    ),
                  })
                }
                {...described(`actions.${index}.description`)}
              />
              <FieldError
                id={`emp-err-actions.${index}.description`}
                message={fieldErrors.get(`actions.${index}.description`)}
              />
            </div>
            <div className="emp-field">
              <label htmlFor={`emp-edit-action-${index}-frequency`}>
                {t('employee.goal.actionFrequency', { number: index + 1 })}
              </label>
              <input
                id={`emp-edit-action-${index}-frequency`}
                name={`action-${index}-frequency`}
                maxLength={200}
                value={action.frequency}
                onChange={(event) =>
                  setEdit({
                    ...edit,
                    actions: edit.actions.map((value, at) =>
                      at === index ? { ...value, frequency: event.target.value } : value,
                    ),
                  })
                }
                {...described(`actions.${index}.frequency`)}
              />
              <FieldError
                id={`emp-err-actions.${index}.frequency`}
                message={fieldErrors.get(`actions.${index}.frequency`)}
              />
            </div>
          </fieldset>
        ))}
        {note && <p className="emp-hint">{note}</p>}
        {error && <Problem error={error} />}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('employee.goal.save')}
          </button>
        </div>
      </form>
    </Section>
  );
};
