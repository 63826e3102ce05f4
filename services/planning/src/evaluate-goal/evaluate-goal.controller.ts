import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, RequestCommandId, type Actor } from '@talentloop/service-kit';
import { dateOf, requireNotOwnGoal } from '@talentloop/planning-domain';
import { onGoal } from '../shared/planning.commands';

@ApiTags('goals')
@Controller('goals/:goalId')
export class EvaluateGoalController {
  constructor(private readonly commands: CommandBus) {}

  @Post('evaluate')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The manager (or HR) asks for the evaluation now, on the latest measurement since the baseline',
    description:
      'A measurement at or after the deadline evaluates the goal by itself; before it, measurements are progress. This evaluates an active goal early (`requestedEarly`), against its frozen baseline; 409 NOTHING_MEASURED_SINCE_BASELINE when nothing was measured since. A goal whose criteria are all evidence criteria needs no measurement: it is evaluated on the evidence recorded (an evidence criterion without any is not met); 409 NO_EVIDENCE_RECORDED when there is none yet.',
  })
  async evaluate(
    @CurrentActor() actor: Actor,
    @IdParam('goalId') goalId: string,
    @RequestCommandId() commandId: string,
  ) {
    const evaluate = onGoal(
      actor,
      goalId,
      (state, { now }) => {
        requireNotOwnGoal(actor, state.employeeId, 'ask for the evaluation of their own goal');
        return { type: 'EvaluateGoal', data: { today: dateOf(now) } };
      },
      commandId,
    );
    return (await this.commands.execute(evaluate)).events;
  }
}
