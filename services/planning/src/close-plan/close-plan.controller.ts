import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@talentloop/event-store';
import {
  CLOCK,
  CurrentActor,
  EVENT_STORE,
  IdParam,
  RequestCommandId,
  type Actor,
  type Clock,
} from '@talentloop/service-kit';
import { requireNotOwnPlan } from '@talentloop/planning-domain';
import { runOnPlan } from '../shared/planning.streams';
import { Plans } from '../shared/plans';

@ApiTags('plans')
@Controller('plans/:planId/close')
export class ClosePlanController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly plans: Plans,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Close the cycle after remeasurement, with its summary (emits PlanClosed)',
    description:
      "The employee's manager or HR closes it once no goal of it is committed any more: evaluated and withdrawn goals are finished; drafts and rejected or revised submissions stay behind as not committed (they may still be carried over). Answers the closed plan with its summary; closing again changes nothing.",
  })
  @ApiResponse({ status: 403, description: 'The caller is the employee: nobody closes their own' })
  @ApiResponse({
    status: 409,
    description:
      'A goal awaits the manager or remeasurement (PLAN_HAS_UNFINISHED_GOALS, each named in `committedGoals`): withdraw it or carry it over first',
  })
  async close(
    @CurrentActor() actor: Actor,
    @IdParam('planId') planId: string,
    @RequestCommandId() commandId: string,
  ) {
    const { tenantId } = actor;
    const plan = await this.plans.known(tenantId, planId);
    requireNotOwnPlan(actor, plan.employeeId);
    const goals = await this.plans.closingGoals(plan);
    // The goals already carried over to the next plan: counted, no longer part of this one.
    const document = await this.plans.directory.planDocument(tenantId, planId);
    const now = this.clock.now();
    await runOnPlan(
      this.store,
      planId,
      {
        type: 'ClosePlan',
        data: { goals, carriedOver: document?.carriedOut.length ?? 0, closedAt: now.toISOString() },
      },
      { tenantId, actorId: actor.userId, commandId, now },
    );
    return this.plans.describe(tenantId, planId);
  }
}
