import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, RequestCommandId, type Actor } from '@talentloop/service-kit';
import { ClosePlanCommand } from './close-plan.handler';

@ApiTags('plans')
@Controller('plans/:planId/close')
export class ClosePlanController {
  constructor(private readonly commands: CommandBus) {}

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
  close(
    @CurrentActor() actor: Actor,
    @IdParam('planId') planId: string,
    @RequestCommandId() commandId: string,
  ) {
    return this.commands.execute(new ClosePlanCommand(actor, planId, commandId));
  }
}
