import { goalInStatus, goalOf } from '../goals';
import { bold, green, line, red, runsOf, step } from '../print';
import { manager } from '../organisation';
import type { RoundScores } from '../responses';
import { api, waitFor } from '../run';

interface Evaluation {
  readonly outcome: string;
  readonly lessRobust: boolean;
  readonly criteria: readonly {
    criterionId: string;
    met: boolean;
    target: number;
    baseline: number;
    remeasured: number;
    evidenceInstrument: string;
  }[];
}

/**
 * Planning reads the remeasurement as progress and the manager asks for the evaluation before
 * the deadline; returns the evaluated goal, its evaluation and the step's summary.
 */
export const evaluate = async (goalId: string, round: readonly RoundScores[]) => {
  step('Evaluation: progress before the deadline, evaluated early at the manager’s request');
  await waitFor('MeasurementRecorded → GoalProgressMeasured in planning', async () => {
    const goal = await goalOf(goalId);
    return goal.history.some((entry) => entry.event === 'GoalProgressMeasured') ? goal : undefined;
  });
  line('the round is progress against the baseline frozen at activation; the deadline is ahead');
  await api.call('planning', 'POST', `/goals/${goalId}/evaluate`, manager, { expect: 200 });
  line(`${manager.userId} asked for the evaluation now`);
  const evaluated = await waitFor('the evaluation in planning', goalInStatus(goalId, 'evaluated'));
  const evaluation = evaluated.history.find((entry) => entry.event === 'GoalEvaluated')?.data as
    | Evaluation
    | undefined;
  line(
    `outcome ${bold(evaluation?.outcome ?? '?')}${evaluation?.lessRobust ? ' (less robust evidence)' : ' (robust evidence)'}`,
  );
  for (const result of evaluation?.criteria ?? [])
    line(
      `   ${result.criterionId}: ${result.baseline} → ${result.remeasured}, target ${result.target}: ${result.met ? green('met') : red('not met')}`,
    );
  line(`history: ${runsOf(evaluated.history.map((entry) => entry.event)).join(' → ')}`);
  return {
    evaluated,
    outcome: evaluation?.outcome,
    summary: {
      remeasured: {
        round,
        criteria: evaluation?.criteria.map(
          ({ baseline, remeasured, target, evidenceInstrument }) => ({
            baseline,
            remeasured,
            target,
            evidenceInstrument,
          }),
        ),
      },
      outcome: evaluation?.outcome,
      lessRobust: evaluation?.lessRobust,
      criteriaMet: evaluation?.criteria.map((result) => result.met),
      completedActions: evaluated.completedActionIds.length,
      history: evaluated.history.map((entry) => entry.event),
    },
  };
};
