import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequestCommandId, type Actor } from '@talentloop/http';
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
  @ApiOperation({ summary: 'The current manager (or HR as delegate) approves the goal' })
  approve(
    @CurrentActor() actor: Actor,
    @Param('requestId') requestId: string,
    @Body() body: ApproveGoalDto,
    @RequestCommandId() commandId: string,
  ) {
    return this.commands.execute(
      new DecideApprovalCommand(actor, requestId, { type: 'ApproveGoal', body }, commandId),
    );
  }

  @Post('reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'The current manager (or HR as delegate) rejects with feedback' })
  reject(
    @CurrentActor() actor: Actor,
    @Param('requestId') requestId: string,
    @Body() body: RejectGoalDto,
    @RequestCommandId() commandId: string,
  ) {
    return this.commands.execute(
      new DecideApprovalCommand(actor, requestId, { type: 'RejectGoal', body }, commandId),
    );
  }
}
