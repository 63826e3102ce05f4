import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@talentloop/service-kit';
import { ViewApprovalThreadQuery } from './view-approval-thread.handler';

@ApiTags('approval')
@Controller()
export class ViewApprovalThreadController {
  constructor(private readonly queries: QueryBus) {}

  @Get('approval-requests/:requestId')
  @ApiOperation({
    summary:
      'The whole exchange of a request: versions, decisions, feedback (employee, manager, HR)',
  })
  byRequest(@CurrentActor() actor: Actor, @Param('requestId') requestId: string) {
    return this.queries.execute(new ViewApprovalThreadQuery(actor, { requestId }));
  }

  @Get('goals/:goalId/approval-request')
  @ApiOperation({ summary: 'The approval thread of a goal' })
  byGoal(@CurrentActor() actor: Actor, @Param('goalId') goalId: string) {
    return this.queries.execute(new ViewApprovalThreadQuery(actor, { goalId }));
  }
}
