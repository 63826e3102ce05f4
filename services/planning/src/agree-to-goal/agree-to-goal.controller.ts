import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor, RequestCommandId } from '@talentloop/service-kit';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { requireOpenPlan } from '@talentloop/planning-domain';
import { PlanningReadSide } from '../projections/planning-read-side';
import { onGoal } from '../shared/planning.commands';

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
    private readonly readSide: PlanningReadSide,
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
    const agree = onGoal(
      actor,
      goalId,
      async (state) => {
        // A goal left behind in a closed plan is carried over, not agreed to and submitted.
        const plan = await this.readSide.plan(actor.tenantId, state.planId);
        if (plan) requireOpenPlan(plan);
        return {
          type: 'AgreeToGoal',
          data: { motivation: body.motivation, agreedBy: actor.userId },
        };
      },
      commandId,
    );
    return (await this.commands.execute(agree)).events;
  }
}
