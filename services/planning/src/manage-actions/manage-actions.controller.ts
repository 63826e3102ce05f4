import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@talentloop/http';
import { requireOwner } from '@talentloop/planning-domain';
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
  add(@CurrentActor() actor: Actor, @Param('goalId') goalId: string, @Body() body: ActionDto) {
    return this.goals.run(actor, goalId, ({ state }) => {
      requireOwner(actor, state.employeeId);
      return { type: 'AddAction', data: { action: { ...body } } };
    });
  }

  @Post(':actionId/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tick an action off as done (emits ActionCompleted)' })
  complete(
    @CurrentActor() actor: Actor,
    @Param('goalId') goalId: string,
    @Param('actionId') actionId: string,
  ) {
    return this.goals.run(actor, goalId, ({ state }) => {
      requireOwner(actor, state.employeeId);
      return { type: 'CompleteAction', data: { actionId } };
    });
  }
}
