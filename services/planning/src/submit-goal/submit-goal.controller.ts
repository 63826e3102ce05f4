import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor, RequestCommandId } from '@talentloop/service-kit';
import { SubmitGoalCommand } from './submit-goal.handler';

@ApiTags('goals')
@ApiResponse({
  status: 409,
  description: "Not submittable now, the goal's plan is closed, or the active-goal cap is reached",
})
@ApiResponse({ status: 422, description: 'A SMART check fails; every check is in the details' })
@Controller('goals/:goalId/submit')
export class SubmitGoalController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit the goal to the manager (emits GoalSubmitted)' })
  submit(
    @CurrentActor() actor: Actor,
    @IdParam('goalId') goalId: string,
    @RequestCommandId() commandId: string,
  ) {
    return this.commands.execute(new SubmitGoalCommand(actor, goalId, commandId));
  }
}
