import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@talentloop/http';
import { requireOwner } from '@talentloop/planning-domain';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { GoalCommands } from '../shared/goal-commands';

export class WithdrawGoalDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) reason!: string;
}

@ApiTags('goals')
@Controller('goals/:goalId/withdraw')
export class WithdrawGoalController {
  constructor(private readonly goals: GoalCommands) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a goal before evaluation; it frees its slot' })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('goalId') goalId: string,
    @Body() body: WithdrawGoalDto,
  ) {
    const rejectedSubmission = this.goals.rejectedSubmission(actor, goalId);
    return this.goals.run(actor, goalId, ({ state }) => {
      requireOwner(actor, state.employeeId);
      return {
        type: 'WithdrawGoal',
        data: {
          reason: body.reason,
          withdrawnBy: actor.userId,
          ...(rejectedSubmission ? { rejectedSubmission } : {}),
        },
      };
    });
  }
}
