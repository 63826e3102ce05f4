import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '@talentloop/service-kit';
import { requireNotOwnPlan } from '@talentloop/planning-domain';
import { onPlan } from '../shared/planning.commands';
import { Plans } from '../shared/plans';

type PlanDescription = Awaited<ReturnType<Plans['describe']>>;

export class ClosePlanCommand extends Command<PlanDescription> {
  constructor(
    readonly actor: Actor,
    readonly planId: string,
    readonly commandId: string,
  ) {
    super();
  }
}

/** Closes the plan on what its goals' streams say, and answers it as a reader sees it. */
@CommandHandler(ClosePlanCommand)
export class ClosePlanHandler implements ICommandHandler<ClosePlanCommand> {
  constructor(
    private readonly commands: CommandBus,
    private readonly plans: Plans,
  ) {}

  async execute({ actor, planId, commandId }: ClosePlanCommand): Promise<PlanDescription> {
    const { tenantId } = actor;
    const plan = await this.plans.known(tenantId, planId);
    requireNotOwnPlan(actor, plan.employeeId);
    const goals = await this.plans.closingGoals(plan);
    // The goals already carried over to the next plan: counted, no longer part of this one.
    const document = await this.plans.readSide.planDocument(tenantId, planId);
    const carriedOver = document?.carriedOut.length ?? 0;
    await this.commands.execute(
      onPlan(
        actor,
        planId,
        (_state, { now }) => ({
          type: 'ClosePlan',
          data: { goals, carriedOver, closedAt: now.toISOString() },
        }),
        commandId,
      ),
    );
    return this.plans.describe(tenantId, planId);
  }
}
