import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequestCommandId, type Actor } from '@talentloop/service-kit';
import { ApproveGoalDto, RejectGoalDto } from './decide-approval.dto';
import { DecideApprovalCommand } from './decide-approval.handler';

@ApiTags('approval')
@ApiResponse({ status: 403, description: "Not the employee's current manager nor HR" })
@ApiResponse({ status: 409, description: 'Already decided, stale, or decided concurrently' })
@Controller('approval-requests/:requestId')
export class DecideApprovalController {
  constructor(private readonly commands: CommandBus) {}

  @Post('approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The current manager (or HR as delegate) approves the goal, or the adjustment',
    description:
      'A submitted goal (`kind: submission`) is approved with a `checkInCadence` and becomes active (GoalApproved). ' +
      'An adjustment (`kind: adjustment`) is approved without one: it stays in force (AdjustmentApproved; planning records GoalAdjustmentAcknowledged). ' +
      '422 CHECK_IN_CADENCE_MISMATCH when the cadence is missing on a submission or sent on an adjustment.',
  })
  approve(
    @CurrentActor() actor: Actor,
    @Param('requestId') requestId: string,
    @Body() body: ApproveGoalDto,
    @RequestCommandId() commandId: string,
  ) {
    return this.commands.execute(
      new DecideApprovalCommand(actor, requestId, { type: 'ApproveRequest', body }, commandId),
    );
  }

  @Post('reject')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The current manager (or HR as delegate) rejects the goal, or the adjustment, with feedback',
    description:
      'A submitted goal goes back to the employee to revise (GoalRejected). A rejected adjustment is not in force: planning sets the fields it changed back, with the feedback as the reason (AdjustmentRejected, then GoalAdjustmentRefused). ' +
      'Feedback on an adjustment holds at most 1000 characters (422 FEEDBACK_TOO_LONG).',
  })
  reject(
    @CurrentActor() actor: Actor,
    @Param('requestId') requestId: string,
    @Body() body: RejectGoalDto,
    @RequestCommandId() commandId: string,
  ) {
    return this.commands.execute(
      new DecideApprovalCommand(actor, requestId, { type: 'RejectRequest', body }, commandId),
    );
  }
}
