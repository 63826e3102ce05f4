import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { callerOf, type Actor } from '@talentloop/service-kit';
import {
  goalsToCarry,
  requireOpenPlan,
  type CarryCandidate,
  type PlanRecord,
} from '@talentloop/planning-domain';
import { createHash } from 'node:crypto';
import { maxActiveGoalsFor, PLANNING_SETTINGS, type PlanningSettings } from '../planning.settings';
import { PlanningReadSide } from '../projections/planning-read-side';
import { goalCommand, onPlan } from '../shared/planning.commands';
import type { StartPlanDto } from './start-plan.dto';

/** One plan per employee and cycle: the id follows from both, so starting twice is a retry. */
const planIdOf = (tenantId: string, employeeId: string, cycle: string) =>
  `plan-${createHash('sha256').update(`${tenantId}/${employeeId}/${cycle}`).digest('hex').slice(0, 24)}`;

/** The plan as started (or as it was, on a retry), with the goals carried over this time. */
export type StartedPlan = PlanRecord & { readonly carriedOver: readonly string[] };

export class StartPlanCommand extends Command<StartedPlan> {
  constructor(
    readonly actor: Actor,
    readonly body: StartPlanDto,
    readonly commandId: string,
  ) {
    super();
  }
}

/** Starts the plan (or finds it started), then carries the named goals over, one by one. */
@CommandHandler(StartPlanCommand)
export class StartPlanHandler implements ICommandHandler<StartPlanCommand> {
  constructor(
    private readonly commands: CommandBus,
    @Inject(PLANNING_SETTINGS) private readonly settings: PlanningSettings,
    private readonly readSide: PlanningReadSide,
  ) {}

  async execute({ actor, body, commandId }: StartPlanCommand): Promise<StartedPlan> {
    const { tenantId } = actor;
    const planId = planIdOf(tenantId, body.employeeId, body.cycle);
    const existing = await this.readSide.plan(tenantId, planId);
    const data = {
      planId,
      employeeId: body.employeeId,
      cycle: body.cycle,
      previousPlanId:
        existing === undefined
          ? await this.previousPlanOf(tenantId, body.employeeId, planId)
          : existing.previousPlanId,
      maxActiveGoals: maxActiveGoalsFor(this.settings, tenantId),
    };
    const carryOver = body.carryOver ?? [];
    if (existing && carryOver.length > 0) requireOpenPlan(existing);
    // Every named goal is checked before anything is written: a refusal changes nothing.
    const toCarry = goalsToCarry(
      { fromPlanId: data.previousPlanId, toPlanId: planId, goalIds: carryOver },
      await this.candidates(tenantId, body.employeeId, carryOver),
    );
    await this.commands.execute(onPlan(actor, planId, { type: 'StartPlan', data }, commandId));
    const fromPlanId = data.previousPlanId;
    if (fromPlanId !== null)
      for (const goalId of toCarry)
        await this.commands.execute(
          goalCommand(callerOf(actor, commandId), goalId, {
            type: 'CarryOverGoal',
            data: { fromPlanId, toPlanId: planId },
          }),
        );
    const { employeeId, cycle, previousPlanId, maxActiveGoals } = existing ?? data;
    return { planId, employeeId, cycle, previousPlanId, maxActiveGoals, carriedOver: carryOver };
  }

  /** The previous cycle's plan: the plans read side must include every plan started so far. */
  private async previousPlanOf(tenantId: string, employeeId: string, planId: string) {
    await this.readSide.fresh();
    const previous = await this.readSide.latestPlanOf(tenantId, employeeId);
    return previous && previous.planId !== planId ? previous.planId : null;
  }

  /** The named goals of the employee as their streams say; another's goal reads as missing. */
  private async candidates(tenantId: string, employeeId: string, goalIds: readonly string[]) {
    const found = new Map<string, CarryCandidate>();
    for (const goalId of goalIds) {
      const goal = await this.readSide.goal(tenantId, goalId);
      if (goal?.state.employeeId !== employeeId) continue;
      found.set(goalId, { planId: goal.state.planId, phase: goal.state.status });
    }
    return found;
  }
}
