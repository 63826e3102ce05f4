import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor, IdParam } from '@talentloop/service-kit';
import { CloseFeedbackRoundDto } from './close-feedback-round.dto';
import { CloseFeedbackRoundCommand } from './close-feedback-round.handler';

@ApiTags('360° feedback')
@Controller('employees/:employeeId/feedback-rounds')
export class CloseFeedbackRoundController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary:
      'Close a 360° round: answers aggregated per rater group (peer/report groups under 3 raters pooled into "others" or withheld) into behaviour scores',
  })
  @ApiResponse({
    status: 422,
    description: 'Unknown indicator, score off 0–100, no group large enough',
  })
  close(
    @CurrentActor() actor: Actor,
    @IdParam('employeeId') employeeId: string,
    @Body() body: CloseFeedbackRoundDto,
  ) {
    return this.commands.execute(new CloseFeedbackRoundCommand(actor, employeeId, body));
  }
}
