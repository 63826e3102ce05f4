import { Body, Controller, Post, UnprocessableEntityException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  IdParam,
  problem,
  RequestCommandId,
  type Actor,
} from '@talentloop/service-kit';
import { changesOf } from '../shared/goal-content.dto';
import { onGoal, PlanningCommands } from '../shared/planning.commands';
import { AdjustGoalDto } from './adjust-goal.dto';
import { text } from '@talentloop/i18n';

@ApiTags('adjustments')
@Controller('goals/:goalId')
export class AdjustGoalController {
  constructor(
    private readonly commands: CommandBus,
    private readonly planning: PlanningCommands,
  ) {}

  @Post('adjust')
  @ApiOperation({
    summary:
      "Adjust an active goal with a reason; target, criteria or deadline changes need the manager's agreement",
    description:
      'The adjusted goal is SMART-checked again (422 SMART_CHECK_FAILED listing the checks; the deadline must lie ahead, within the longest cycle). Another competency is not an adjustment (422 NOT_AN_ADJUSTMENT): withdraw the goal and draft a new one. ' +
      'The adjustment is in force at once. One that changes the target, success criteria or deadline (`requiresAcknowledgement: true`) opens an approval request (`kind: adjustment`) in the approval service, routed as a submission is: the manager (or HR as delegate) approves it (GoalAdjustmentAcknowledged) or rejects it with feedback (GoalAdjustmentRefused: the fields it changed are set back, the feedback is the reason). Other changes (title, actions…) need no agreement.',
  })
  async adjust(
    @CurrentActor() actor: Actor,
    @IdParam('goalId') goalId: string,
    @Body() body: AdjustGoalDto,
    @RequestCommandId() commandId: string,
  ) {
    const changes = changesOf(body.changes);
    if (Object.keys(changes).length === 0)
      throw new UnprocessableEntityException(problem(422, 'NO_CHANGES', text('http.noChange')));
    // The adjustment's id follows from the command's: a retried adjustment is the same one.
    const adjust = onGoal(
      actor,
      goalId,
      async (state, { now }) => ({
        type: 'AdjustGoal',
        data: {
          adjustmentId: `adj-${commandId}`,
          changes,
          reason: body.reason,
          adjustedBy: actor.userId,
          // The adjusted goal is checked as a submission is, on what is known today.
          check: await this.planning.smartCheckOf(actor.tenantId, state, now),
        },
      }),
      commandId,
    );
    return (await this.commands.execute(adjust)).events;
  }
}
