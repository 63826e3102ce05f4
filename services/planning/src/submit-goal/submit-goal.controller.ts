import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor, RequestCommandId } from '@talentloop/service-kit';
import { dateOf, requireOpenPlan } from '@talentloop/planning-domain';
import { PLANNING_SETTINGS, type PlanningSettings } from '../planning.settings';
import { PlanningDirectory } from '../projections/planning-directory';
import { ActiveSet } from '../shared/active-set';
import { activeGoalCapOf } from '../shared/active-goal-cap';
import { contextOfGoal } from '../shared/goal-context';
import { knownRejection, onGoal } from '../shared/planning.commands';

@ApiTags('goals')
@ApiResponse({
  status: 409,
  description: "Not submittable now, the goal's plan is closed, or the active-goal cap is reached",
})
@ApiResponse({ status: 422, description: 'A SMART check fails; every check is in the details' })
@Controller('goals/:goalId/submit')
export class SubmitGoalController {
  constructor(
    private readonly commands: CommandBus,
    private readonly directory: PlanningDirectory,
    private readonly activeSet: ActiveSet,
    @Inject(PLANNING_SETTINGS) private readonly settings: PlanningSettings,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit the goal to the manager (emits GoalSubmitted)' })
  async submit(
    @CurrentActor() actor: Actor,
    @IdParam('goalId') goalId: string,
    @RequestCommandId() commandId: string,
  ) {
    const { directory } = this;
    const submit = onGoal(
      actor,
      goalId,
      async (state, { now }) => {
        const rejection = await knownRejection(directory, actor, goalId);
        // A goal left behind in a closed plan is carried over to the next one, not submitted.
        const plan = await directory.plan(actor.tenantId, state.planId);
        if (plan) requireOpenPlan(plan);
        return {
          type: 'SubmitGoal',
          data: {
            ...rejection,
            managerId: (await directory.managerOf(actor.tenantId, state.employeeId)) ?? null,
            context: await contextOfGoal(directory, actor.tenantId, state),
            settings: this.settings.smart,
            today: dateOf(now),
          },
        };
      },
      commandId,
      // A SMART goal takes a slot of the employee's active set before it is submitted: the cap
      // is decided there, where concurrent submissions meet (ADR 0010).
      (context) => ({
        beforeAppend: async (events, state) => {
          if (state.status === 'none') return;
          for (const event of events)
            if (event.type === 'GoalSubmitted')
              await this.activeSet.takeSlot(
                {
                  employeeId: state.employeeId,
                  goalId,
                  planId: state.planId,
                  submissionNumber: event.data.submissionNumber,
                  maxActiveGoals: await activeGoalCapOf(
                    directory,
                    this.settings,
                    actor.tenantId,
                    state.planId,
                  ),
                },
                context,
              );
        },
      }),
    );
    return (await this.commands.execute(submit)).events;
  }
}
