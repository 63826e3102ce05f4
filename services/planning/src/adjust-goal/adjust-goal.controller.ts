import {
  Body,
  Controller,
  HttpCode,
  Inject,
  Post,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, problem, RequestCommandId, type Actor } from '@talentloop/http';
import { dateOf, requireNotOwnGoal } from '@talentloop/planning-domain';
import { PLANNING_SETTINGS, type PlanningSettings } from '../planning.settings';
import { contextOfGoal } from '../shared/goal-context';
import { changesOf } from '../shared/goal-content.dto';
import { GoalCommands } from '../shared/goal-commands';
import { AdjustGoalDto, RefuseAdjustmentDto } from './adjust-goal.dto';
import { text } from '@talentloop/i18n';

@ApiTags('adjustments')
@Controller('goals/:goalId')
export class AdjustGoalController {
  constructor(
    private readonly goals: GoalCommands,
    @Inject(PLANNING_SETTINGS) private readonly settings: PlanningSettings,
  ) {}

  @Post('adjust')
  @ApiOperation({
    summary: 'Adjust an active goal with a reason; target/deadline changes need acknowledgement',
    description:
      'The adjusted goal is SMART-checked again (422 SMART_CHECK_FAILED listing the checks; the deadline must lie ahead, within the longest cycle). Another competency is not an adjustment (422 NOT_AN_ADJUSTMENT): withdraw the goal and draft a new one.',
  })
  adjust(
    @CurrentActor() actor: Actor,
    @IdParam('goalId') goalId: string,
    @Body() body: AdjustGoalDto,
    @RequestCommandId() commandId: string,
  ) {
    const changes = changesOf(body.changes);
    if (Object.keys(changes).length === 0)
      throw new UnprocessableEntityException(problem(422, 'NO_CHANGES', text('http.noChange')));
    // The adjustment's id follows from the command's: a retried adjustment is the same one.
    return this.goals.run(
      actor,
      goalId,
      async ({ state }, now) => ({
        type: 'AdjustGoal',
        data: {
          adjustmentId: `adj-${commandId}`,
          changes,
          reason: body.reason,
          adjustedBy: actor.userId,
          // The adjusted goal is checked as a submission is, on what is known today.
          check: {
            context: await contextOfGoal(this.goals.directory, actor.tenantId, state),
            settings: this.settings.smart,
            today: dateOf(now),
          },
        },
      }),
      commandId,
    );
  }

  @Post('adjustments/:adjustmentId/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'The manager acknowledges a changed target or deadline' })
  acknowledge(
    @CurrentActor() actor: Actor,
    @IdParam('goalId') goalId: string,
    @IdParam('adjustmentId') adjustmentId: string,
    @RequestCommandId() commandId: string,
  ) {
    return this.goals.run(
      actor,
      goalId,
      ({ state }) => {
        requireNotOwnGoal(actor, state.employeeId, 'acknowledge their own adjustment');
        return {
          type: 'AcknowledgeAdjustment',
          data: { adjustmentId, acknowledgedBy: actor.userId },
        };
      },
      commandId,
    );
  }

  @Post('adjustments/:adjustmentId/refuse')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The manager refuses a changed target, criteria or deadline, with a reason',
    description:
      'Emits GoalAdjustmentRefused: the adjustment is not in force, and the fields it changed go back to what they were before it (a field a later adjustment changed again keeps that value). The goal stays active. Only an adjustment awaiting acknowledgement can be refused (409 otherwise), by the manager or an HR delegate, never by the employee.',
  })
  refuse(
    @CurrentActor() actor: Actor,
    @IdParam('goalId') goalId: string,
    @IdParam('adjustmentId') adjustmentId: string,
    @Body() body: RefuseAdjustmentDto,
    @RequestCommandId() commandId: string,
  ) {
    return this.goals.run(
      actor,
      goalId,
      ({ state }) => {
        requireNotOwnGoal(actor, state.employeeId, 'refuse their own adjustment');
        return {
          type: 'RefuseAdjustment',
          data: { adjustmentId, reason: body.reason, refusedBy: actor.userId },
        };
      },
      commandId,
    );
  }
}
