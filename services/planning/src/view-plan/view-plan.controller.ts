import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor } from '@talentloop/service-kit';
import { ViewPlanQuery } from './view-plan.handler';

@ApiTags('plans')
@Controller('plans/:planId')
export class ViewPlanController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'A plan: its cycle, cap, status, previous and next plan, and its goals',
    description:
      'Each goal with its title, target, deadline and phase (draft, submitted, rejected, revised, active, evaluated, withdrawn). `carriedIn` and `carriedOut` name the goals carried over from the previous plan and to the next one. A closed plan carries `closedAt` and its `summary`: how each goal ended, the counts, and per competency and indicator the growth from baseline to remeasurement (PlanClosed).',
  })
  view(@CurrentActor() actor: Actor, @IdParam('planId') planId: string) {
    return this.queries.execute(new ViewPlanQuery(actor, planId));
  }
}
