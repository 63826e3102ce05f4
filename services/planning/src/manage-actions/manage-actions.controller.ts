import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor, RequestCommandId } from '@talentloop/service-kit';
import { ActionDto } from '../shared/goal-content.dto';
import { onGoal } from '../shared/planning.commands';

@ApiTags('actions')
@Controller('goals/:goalId/actions')
export class ManageActionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Add a development action (formal learning without practice is flagged)',
  })
  async add(
    @CurrentActor() actor: Actor,
    @IdParam('goalId') goalId: string,
    @Body() body: ActionDto,
    @RequestCommandId() commandId: string,
  ) {
    const add = onGoal(
      actor,
      goalId,
      () => ({ type: 'AddAction', data: { action: { ...body } } }),
      commandId,
    );
    return (await this.commands.execute(add)).events;
  }

  @Post(':actionId/complete')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Tick an action off as done (emits ActionCompleted)',
    description:
      "The employee or their manager (or HR for them) ticks it, on an active goal; the goal's history names who did.",
  })
  async complete(
    @CurrentActor() actor: Actor,
    @IdParam('goalId') goalId: string,
    @IdParam('actionId') actionId: string,
    @RequestCommandId() commandId: string,
  ) {
    const complete = onGoal(
      actor,
      goalId,
      () => ({ type: 'CompleteAction', data: { actionId } }),
      commandId,
    );
    return (await this.commands.execute(complete)).events;
  }
}
