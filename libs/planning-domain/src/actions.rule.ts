import type { DevelopmentAction } from './goal-content';

/**
 * Formal learning (a training, a workshop) only changes behaviour when it is practised:
 * every formal-learning action on a goal without an on-the-job action is flagged.
 */
export const unpairedFormalLearning = (actions: readonly DevelopmentAction[]): string[] =>
  actions.some((action) => action.kind === 'on-the-job')
    ? []
    : actions.filter((action) => action.kind === 'formal-learning').map((a) => a.actionId);
