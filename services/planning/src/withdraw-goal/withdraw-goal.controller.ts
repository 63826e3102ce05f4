import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor, RequestCommandId } from '@talentloop/service-kit';
import { Text } from '../shared/goal-content.dto';
import { GoalCommands } from '../shared/goal-commands';

export class WithdrawGoalDto {
  @Text(1000) reason!: string;
}

@ApiTags('goals')
@Controller('goals/:goalId/withdraw')
export class WithdrawGoalController {
  constructor(private readonly goals: GoalCommands) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a goal before evaluation; it frees its slot' })
  async withdraw(
    @CurrentActor() actor: Actor,
    @IdParam('goalId') goalId: string,
    @Body() body: WithdrawGoalDto,
    @RequestCommandId() commandId: string,
  ) {
    return this.goals.run(
      actor,
      goalId,
      () => ({
        type: 'WithdrawGoal',
        data: { reason: body.reason, withdrawnBy: actor.userId },
      }),
      commandId,
    );
  }
}
