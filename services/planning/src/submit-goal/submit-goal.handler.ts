import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PlanningEvent } from '@talentloop/contracts';
import type { Actor } from '@talentloop/service-kit';
import { PLANNING_SETTINGS, type PlanningSettings } from '../planning.settings';
import { PlanningReadSide, type PlanView } from '../projections/planning-read-side';
import { ActiveSet } from '../shared/active-set';
import { activeGoalCapOf } from '../shared/active-goal-cap';
import { PlanningCommands } from '../shared/planning.commands';

export class SubmitGoalCommand extends Command<readonly PlanningEvent[]> {
  constructor(
    readonly actor: Actor,
    readonly goalId: string,
    readonly commandId: string,
  ) {
    super();
  }
}

/**
 * Submits on the goal's stream with what the SMART check needs from the read side (plan,
 * manager, context), after the goal takes a slot of the employee's active set.
 */
@CommandHandler(SubmitGoalCommand)
export class SubmitGoalHandler implements ICommandHandler<SubmitGoalCommand> {
  constructor(
    private readonly commands: CommandBus,
    private readonly readSide: PlanningReadSide,
    private readonly activeSet: ActiveSet,
    private readonly planning: PlanningCommands,
    @Inject(PLANNING_SETTINGS) private readonly settings: PlanningSettings,
  ) {}

  async execute({ actor, goalId, commandId }: SubmitGoalCommand) {
    const { readSide } = this;
    // As read for the open-plan check of the latest decision: its cap is the plan's.
    let plan: PlanView | undefined;
    const submit = this.planning.inOpenPlan(
      actor,
      goalId,
      async (state, { now }, read) => {
        plan = read;
        return {
          type: 'SubmitGoal',
          data: {
            managerId: (await readSide.managerOf(actor.tenantId, state.employeeId)) ?? null,
            ...(await this.planning.smartCheckOf(actor.tenantId, state, now)),
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
                  maxActiveGoals: activeGoalCapOf(this.settings, actor.tenantId, plan),
                },
                context,
              );
        },
      }),
    );
    return (await this.commands.execute(submit)).events;
  }
}
