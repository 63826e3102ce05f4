import { DemoFailure } from '../http';
import { bold, green, line, red, step } from '../print';
import { employee } from '../organisation';
import type { Drafted } from '../responses';
import { api, waitFor } from '../run';

/**
 * Chloe's plan for this cycle and a goal drafted from her gap once planning has heard of it;
 * returns the plan and goal ids, which drafter drafted it, and the step's summary.
 */
export const planAndDraft = async (gap: { readonly gapId: string }) => {
  step('Plan and goal draft (planning)');
  const cycle = `${new Date().getUTCFullYear()}-cycle`;
  // Idempotent per employee and cycle; planning only checks that the caller is the employee.
  const plan = await api.call<{ planId: string }>('planning', 'POST', '/plans', employee, {
    body: { employeeId: employee.userId, cycle },
  });
  line(`plan ${plan.planId} for cycle ${cycle}`);
  const drafted = await waitFor('GapIdentified reaches planning (draft made)', async () => {
    try {
      return await api.call<Drafted>(
        'planning',
        'POST',
        `/plans/${plan.planId}/goals/draft`,
        employee,
        {
          body: {
            gapId: gap.gapId,
            motivationNote: 'I want to be the colleague people like to think with.',
          },
        },
      );
    } catch (error) {
      if (error instanceof DemoFailure && / 404 /.test(error.message)) return undefined;
      throw error;
    }
  });
  const drafter =
    drafted.drafter.kind === 'ai'
      ? `AI drafter (model ${drafted.drafter.model ?? '?'})`
      : `deterministic drafter${drafted.drafter.fallbackReason ? ` (fallback: ${drafted.drafter.fallbackReason})` : ' (no language model configured)'}`;
  line(`goal ${drafted.goalId} drafted by the ${bold(drafter)}`);
  line(`title:     ${drafted.goal.title}`);
  line(`behaviour: ${drafted.goal.behaviour}`);
  line(`deadline:  ${drafted.goal.deadline}`);
  for (const criterion of drafted.goal.successCriteria)
    line(
      `criterion: ${criterion.description} [${criterion.instrument}, ${criterion.metric} ≥ ${criterion.target}]`,
    );
  for (const action of drafted.goal.actions)
    line(`action ${action.actionId}: (${action.kind}) ${action.description} — ${action.frequency}`);
  line(
    `SMART: ${drafted.smartChecks.map((check) => `${check.property} ${check.passed ? green('✓') : red('✗')}`).join('  ')}`,
  );
  return {
    planId: plan.planId,
    goalId: drafted.goalId,
    drafter,
    summary: {
      drafter: drafted.drafter.kind,
      criteria: drafted.goal.successCriteria.length,
      actions: drafted.goal.actions.length,
      smartChecksFailed: drafted.smartChecks.filter((check) => !check.passed).length,
    },
  };
};
