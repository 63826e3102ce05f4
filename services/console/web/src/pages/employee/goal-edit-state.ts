import { type GoalContent } from '../../lib/goal';

/** What the edit form holds: the texts of a goal the employee may change. */
export interface EditState {
  readonly title: string;
  readonly behaviour: string;
  readonly situation: string;
  readonly deadline: string;
  readonly actions: readonly { readonly description: string; readonly frequency: string }[];
  readonly criteria: readonly string[];
}

export const editStateOf = (content: GoalContent): EditState => ({
  title: content.title,
  behaviour: content.behaviour,
  situation: content.situation,
  deadline: content.deadline,
  actions: content.actions.map(({ description, frequency }) => ({ description, frequency })),
  criteria: content.successCriteria.map((criterion) => criterion.description),
});

/** The form with one success criterion's description changed. */
export const withCriterion = (edit: EditState, index: number, description: string): EditState => ({
  ...edit,
  criteria: edit.criteria.map((value, at) => (at === index ? description : value)),
});

/** The form with one action's description or frequency changed. */
export const withAction = (
  edit: EditState,
  index: number,
  part: 'description' | 'frequency',
  text: string,
): EditState => ({
  ...edit,
  actions: edit.actions.map((value, at) => (at === index ? { ...value, [part]: text } : value)),
});

/** The body of PATCH /goals/:goalId: only what changed (the API refuses an empty one). */
export const changesOf = (content: GoalContent, edit: EditState): Record<string, unknown> => {
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

/** The form field an API field message belongs to: `criteria.0`, `actions.1.frequency`, `title`… */
export const formFieldOf = (apiField: string): string =>
  apiField
    .replace(/^successCriteria\.(\d+)\..*$/, 'criteria.$1')
    .replace(/^actions\.(\d+)\.(description|frequency).*$/, 'actions.$1.$2');
