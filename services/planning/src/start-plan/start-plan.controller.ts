import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@talentloop/event-store';
import {
  CurrentActor,
  EVENT_STORE,
  RequestCommandId,
  type Actor,
  CLOCK,
  type Clock,
} from '@talentloop/service-kit';
import { goalsToCarry, requireOpenPlan, type CarryCandidate } from '@talentloop/planning-domain';
import { createHash } from 'node:crypto';
import { maxActiveGoalsFor, PLANNING_SETTINGS, type PlanningSettings } from '../planning.settings';
import { PlanningDirectory } from '../projections/planning-directory';
import { runOnGoal, runOnPlan } from '../shared/planning.streams';
import { StartPlanDto } from './start-plan.dto';

/** One plan per employee and cycle: the id follows from both, so starting twice is a retry. */
const planIdOf = (tenantId: string, employeeId: string, cycle: string) =>
  `plan-${createHash('sha256').update(`${tenantId}/${employeeId}/${cycle}`).digest('hex').slice(0, 24)}`;

@ApiTags('plans')
@Controller('plans')
export class StartPlanController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLANNING_SETTINGS) private readonly settings: PlanningSettings,
    private readonly directory: PlanningDirectory,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Start the development plan of an employee for a cycle, carrying goals over',
    description:
      "The employee's latest plan becomes the previous plan. Goals named in `carryOver` move from it to the new plan (GoalCarriedOver on each goal's stream), keeping their id, history, phase and slot. Starting the same cycle again is a retry: it starts nothing new and may carry further goals.",
  })
  @ApiResponse({ status: 409, description: 'The plan exists and is closed: it takes no goals' })
  @ApiResponse({
    status: 422,
    description:
      'A goal to carry over is not an unfinished goal of the previous plan; nothing changed',
  })
  async start(
    @CurrentActor() actor: Actor,
    @Body() body: StartPlanDto,
    @RequestCommandId() commandId: string,
  ) {
    const { tenantId } = actor;
    const planId = planIdOf(tenantId, body.employeeId, body.cycle);
    const existing = await this.directory.plan(tenantId, planId);
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
    const context = { tenantId, actorId: actor.userId, commandId, now: this.clock.now() };
    await runOnPlan(this.store, planId, { type: 'StartPlan', data }, context);
    const fromPlanId = data.previousPlanId;
    if (fromPlanId !== null)
      for (const goalId of toCarry)
        await runOnGoal(
          this.store,
          goalId,
          { type: 'CarryOverGoal', data: { fromPlanId, toPlanId: planId } },
          context,
        );
    const { employeeId, cycle, previousPlanId, maxActiveGoals } = existing ?? data;
    return { planId, employeeId, cycle, previousPlanId, maxActiveGoals, carriedOver: carryOver };
  }

  /** The previous cycle's plan: the plans read side must include every plan started so far. */
  private async previousPlanOf(tenantId: string, employeeId: string, planId: string) {
    await this.directory.fresh();
    const previous = await this.directory.latestPlanOf(tenantId, employeeId);
    return previous && previous.planId !== planId ? previous.planId : null;
  }

  /** The named goals of the employee as their streams say; another's goal reads as missing. */
  private async candidates(tenantId: string, employeeId: string, goalIds: readonly string[]) {
    const found = new Map<string, CarryCandidate>();
    for (const goalId of goalIds) {
      const goal = await this.directory.goal(tenantId, goalId);
      if (goal?.state.employeeId !== employeeId) continue;
      found.set(goalId, { planId: goal.state.planId, phase: goal.state.status });
    }
    return found;
  }
}
