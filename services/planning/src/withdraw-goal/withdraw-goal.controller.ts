import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor, RequestCommandId } from '@talentloop/service-kit';
import { Text } from '../shared/goal-content.dto';
import { onGoal } from '../shared/planning.commands';

export class WithdrawGoalDto {
  @Text(1000) reason!: string;
}

@ApiTags('goals')
@Controller('goals/:goalId/withdraw')
export class WithdrawGoalController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a goal before evaluation; it frees its slot' })
  async withdraw(
    @CurrentActor() actor: Actor,
    @IdParam('goalId') goalId: string,
    @Body() body: WithdrawGoalDto,
    @RequestCommandId() commandId: string,
  ) {
    const withdraw = onGoal(
      actor,
      goalId,
      () => ({ type: 'WithdrawGoal', data: { reason: body.reason, withdrawnBy: actor.userId } }),
      commandId,
    );
    return (await this.commands.execute(withdraw)).events;
  }
}
