import { useState, type FormEvent } from 'react';
import { useApi, useCommand } from '../../api';
import { Problem } from '../../components/states';
import { useT } from '../../i18n';
import { ApiError, messagesByField } from '../../lib/problem';
import {
  changesOf,
  editStateOf,
  formFieldOf,
  withAction,
  withCriterion,
  type EditState,
} from './goal-edit-state';
import { FieldError, Section } from './parts';
import { type Goal } from './types';

/** One labelled field of the form, its API message (if any) tied to it by id. */
const EditField = ({
  id,
  name,
  label,
  errorKey,
  error,
  value,
  onChange,
  multiline = false,
  required = false,
  maxLength,
  type,
}: {
  id: string;
  name: string;
  label: string;
  errorKey: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  required?: boolean;
  maxLength?: number;
  type?: 'date';
}) => {
  const errorId = `emp-err-${errorKey}`;
  const control = {
    id,
    name,
    maxLength,
    required,
    value,
    ...(error === undefined ? {} : { 'aria-describedby': errorId, 'aria-invalid': true }),
  };
  return (
    <div className="emp-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...control} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input type={type} {...control} onChange={(event) => onChange(event.target.value)} />
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
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
  const [note, setNote] = useState<string>();
  const { busy, error, run } = useCommand();
  // "Nothing changed" stands instead of the last failure.
  const failure = note === undefined ? error : undefined;
  const fieldErrors = messagesByField(
    failure instanceof ApiError ? failure.fields : [],
    formFieldOf,
  );
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const changes = changesOf(goal.content, edit);
    const unchanged = Object.keys(changes).length === 0;
    setNote(unchanged ? t('employee.goal.noChanges') : undefined);
    if (unchanged) return;
    await run(async () => {
      await call('planning', `/goals/${encodeURIComponent(goal.goalId)}`, {
        method: 'PATCH',
        body: changes,
      });
      await onSaved(changes);
    });
  };
  const text = (key: 'title' | 'behaviour' | 'situation', multiline: boolean, max: number) => (
    <EditField
      id={`emp-edit-${key}`}
      name={key}
      label={t(`employee.field.${key}`)}
      errorKey={key}
      error={fieldErrors[key]}
      value={edit[key]}
      onChange={(value) => setEdit({ ...edit, [key]: value })}
      multiline={multiline}
      required
      maxLength={max}
    />
  );
  return (
    <Section title={t('employee.goal.edit')}>
      <p>{t('employee.goal.editIntro')}</p>
      <form onSubmit={(event) => void save(event)} noValidate>
        {text('title', false, 200)}
        {text('behaviour', true, 2000)}
        {text('situation', true, 2000)}
        <EditField
          id="emp-edit-deadline"
          name="deadline"
          type="date"
          label={t('employee.field.deadline')}
          errorKey="deadline"
          error={fieldErrors['deadline']}
          value={edit.deadline}
          onChange={(value) => setEdit({ ...edit, deadline: value })}
          required
        />
        {edit.criteria.map((description, index) => (
          <EditField
            key={`criterion-${index}`}
            id={`emp-edit-criterion-${index}`}
            name={`criterion-${index}`}
            label={t('employee.goal.criterionDescription', { number: index + 1 })}
            errorKey={`criteria.${index}`}
            error={fieldErrors[`criteria.${index}`]}
            value={description}
            onChange={(value) => setEdit(withCriterion(edit, index, value))}
            multiline
            maxLength={500}
          />
        ))}
        {edit.actions.map((action, index) => (
          <fieldset key={`action-${index}`} className="emp-action-edit">
            <legend>{t('employee.goal.action', { number: index + 1 })}</legend>
            <EditField
              id={`emp-edit-action-${index}-description`}
              name={`action-${index}-description`}
              label={t('employee.goal.actionDescription', { number: index + 1 })}
              errorKey={`actions.${index}.description`}
              error={fieldErrors[`actions.${index}.description`]}
              value={action.description}
              onChange={(value) => setEdit(withAction(edit, index, 'description', value))}
              multiline
              maxLength={2000}
            />
            <EditField
              id={`emp-edit-action-${index}-frequency`}
              name={`action-${index}-frequency`}
              label={t('employee.goal.actionFrequency', { number: index + 1 })}
              errorKey={`actions.${index}.frequency`}
              error={fieldErrors[`actions.${index}.frequency`]}
              value={action.frequency}
              onChange={(value) => setEdit(withAction(edit, index, 'frequency', value))}
              maxLength={200}
            />
          </fieldset>
        ))}
        {note && <p className="emp-hint">{note}</p>}
        {failure && <Problem error={failure} />}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('employee.goal.save')}
          </button>
        </div>
      </form>
    </Section>
  );
};
