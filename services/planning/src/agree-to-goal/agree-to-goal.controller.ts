import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor, RequestCommandId } from '@talentloop/service-kit';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PlanningCommands } from '../shared/planning.commands';

export class AgreeToGoalDto {
  @ApiProperty({
    minLength: 10,
    maxLength: 1000,
    description:
      'Why the employee takes this goal on, in their words; shown to the manager with the goal (personal data, sealed)',
  })
  @IsString()
  @MinLength(10)
  @MaxLength(1000)
  motivation!: string;
}

@ApiTags('goals')
@Controller('goals/:goalId/agreement')
export class AgreeToGoalController {
  constructor(
    private readonly commands: CommandBus,
    private readonly planning: PlanningCommands,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'The employee agrees to the goal as it stands and says why (emits GoalAgreed)',
    description:
      "The A of SMART as the article reads it (acceptable): a goal is submitted only with its employee's agreement to its current content; submitting without it answers 422 SMART_CHECK_FAILED naming 'acceptable'. An edit or an added action after the agreement asks for it again. Only the employee agrees to their own goal, while it is a draft, revised or rejected, in an open plan (409 otherwise).",
  })
  async agree(
    @CurrentActor() actor: Actor,
    @IdParam('goalId') goalId: string,
    @Body() body: AgreeToGoalDto,
    @RequestCommandId() commandId: string,
  ) {
    const agree = this.planning.inOpenPlan(
      actor,
      goalId,
      () => ({
        type: 'AgreeToGoal',
        data: { motivation: body.motivation, agreedBy: actor.userId },
      }),
      commandId,
    );
    return (await this.commands.execute(agree)).events;
  }
}
