import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequestCommandId, type Actor } from '@talentloop/service-kit';
import { StartPlanDto } from './start-plan.dto';
import { StartPlanCommand } from './start-plan.handler';

@ApiTags('plans')
@Controller('plans')
export class StartPlanController {
  constructor(private readonly commands: CommandBus) {}

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
  start(
    @CurrentActor() actor: Actor,
    @Body() body: StartPlanDto,
    @RequestCommandId() commandId: string,
  ) {
    return this.commands.execute(new StartPlanCommand(actor, body, commandId));
  }
}
