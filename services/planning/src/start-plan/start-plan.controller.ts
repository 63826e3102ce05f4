import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@talentloop/event-store';
import {
  CurrentActor,
  EVENT_STORE,
  RequestCommandId,
  type Actor,
  CLOCK,
  type Clock,
} from '@talentloop/http';
import { createHash } from 'node:crypto';
import { maxActiveGoalsFor, PLANNING_SETTINGS, type PlanningSettings } from '../planning.settings';
import { PlanningDirectory } from '../projections/planning-directory';
import { runOnPlan } from '../shared/planning.streams';
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
  @ApiOperation({ summary: 'Start the development plan of an employee for a cycle' })
  async start(
    @CurrentActor() actor: Actor,
    @Body() body: StartPlanDto,
    @RequestCommandId() commandId: string,
  ) {
    const planId = planIdOf(actor.tenantId, body.employeeId, body.cycle);
    // The previous cycle's plan: the plans read side must include every plan started so far.
    await this.directory.fresh();
    const previous = await this.directory.latestPlanOf(actor.tenantId, body.employeeId);
    const data = {
      planId,
      employeeId: body.employeeId,
      previousPlanId: previous && previous.planId !== planId ? previous.planId : null,
      maxActiveGoals: maxActiveGoalsFor(this.settings, actor.tenantId),
    };
    await runOnPlan(
      this.store,
      planId,
      { type: 'StartPlan', data },
      {
        tenantId: actor.tenantId,
        actorId: actor.userId,
        commandId,
        now: this.clock.now(),
      },
    );
    return data;
  }
}
