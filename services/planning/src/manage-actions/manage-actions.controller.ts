import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor, RequestCommandId } from '@talentloop/service-kit';
import { ActionDto } from '../shared/goal-content.dto';
import { GoalCommands } from '../shared/goal-commands';

@ApiTags('actions')
@Controller('goals/:goalId/actions')
export class ManageActionsController {
  constructor(private readonly goals: GoalCommands) {}

  @Post()
  @ApiOperation({
    summary: 'Add a development action (formal learning without practice is flagged)',
  })
  add(
    @CurrentActor() actor: Actor,
    @IdParam('goalId') goalId: string,
    @Body() body: ActionDto,
    @RequestCommandId() commandId: string,
  ) {
    return this.goals.run(
      actor,
      goalId,
      () => ({ type: 'AddAction', data: { action: { ...body } } }),
      commandId,
    );
  }

  @Post(':actionId/complete')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Tick an action off as done (emits ActionCompleted)',
    description:
      "The employee or their manager (or HR for them) ticks it, on an active goal; the goal's history names who did.",
  })
  complete(
    @CurrentActor() actor: Actor,
    @IdParam('goalId') goalId: string,
    @IdParam('actionId') actionId: string,
    @RequestCommandId() commandId: string,
  ) {
    return this.goals.run(
      actor,
      goalId,
      () => ({ type: 'CompleteAction', data: { actionId } }),
      commandId,
    );
  }
}
