import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FeedbackRound } from '@talentloop/assessment-domain';
import { CurrentActor, type Actor, IdParam } from '@talentloop/service-kit';
import { AssessmentCommands } from '../shared/assessment-commands';
import { contentId } from '../shared/content-id';
import { CloseFeedbackRoundDto } from './close-feedback-round.dto';

@ApiTags('360° feedback')
@Controller('employees/:employeeId/feedback-rounds')
export class CloseFeedbackRoundController {
  constructor(
    private readonly commands: CommandBus,
    private readonly assessment: AssessmentCommands,
  ) {}

  /** Answers the aggregated round only: individual answers never leave the service. */
  @Post()
  @ApiOperation({
    summary:
      'Close a 360° round: answers aggregated per rater group (peer/report groups under 3 raters pooled into "others" or withheld) into behaviour scores',
  })
  @ApiResponse({
    status: 422,
    description: 'Unknown indicator, score off 0–100, no group large enough',
  })
  async close(
    @CurrentActor() actor: Actor,
    @IdParam('employeeId') employeeId: string,
    @Body() body: CloseFeedbackRoundDto,
  ): Promise<FeedbackRound | undefined> {
    const { roundId, competencyId, closedAt, invitedCount, aptitude, answers } = body;
    const { state } = await this.commands.execute(
      this.assessment.onEmployee(
        actor,
        employeeId,
        (_state, reference) => ({
          type: 'CloseFeedbackRound',
          data: {
            employeeId,
            roundId,
            measurementId: contentId('msr', actor.tenantId, employeeId, roundId),
            competencyId,
            closedAt,
            invitedCount,
            aptitude,
            answers: answers.map(({ raterId, group, indicatorId, score }) => ({
              raterId,
              group,
              indicatorId,
              score,
            })),
            reference,
          },
        }),
        `CloseFeedbackRound:${roundId}`,
      ),
    );
    return state.status === 'synced'
      ? state.rounds.find((round) => round.roundId === roundId)
      : undefined;
  }
}
