import { Body, Controller, Patch, UnprocessableEntityException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, problem, type Actor } from '@talentloop/service-kit';
import { changesOf, GoalChangesDto } from '../shared/goal-content.dto';
import { onGoal } from '../shared/planning.commands';
import { text } from '@talentloop/i18n';

@ApiTags('goals')
@Controller('goals/:goalId')
export class EditGoalController {
  constructor(private readonly commands: CommandBus) {}

  @Patch()
  @ApiOperation({ summary: 'The employee edits a draft or a rejected goal; every change is kept' })
  async edit(
    @CurrentActor() actor: Actor,
    @IdParam('goalId') goalId: string,
    @Body() body: GoalChangesDto,
  ) {
    const changes = changesOf(body);
    if (Object.keys(changes).length === 0)
      throw new UnprocessableEntityException(problem(422, 'NO_CHANGES', text('http.noField')));
    const edit = onGoal(actor, goalId, () => ({
      type: 'EditGoal',
      data: { changes, editedBy: actor.userId },
    }));
    return (await this.commands.execute(edit)).events;
  }
}
