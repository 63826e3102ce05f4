import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor } from '@talentloop/http';
import { GoalCommands } from '../shared/goal-commands';

@ApiTags('goals')
@Controller()
export class ViewGoalsController {
  constructor(private readonly goals: GoalCommands) {}

  @Get('goals/:goalId')
  @ApiOperation({ summary: 'A goal: its phase, content as drafted and as now, and its history' })
  view(@CurrentActor() actor: Actor, @IdParam('goalId') goalId: string) {
    return this.goals.directory.describe(this.goals.known(actor, goalId));
  }

  @Get('employees/:employeeId/goals')
  @ApiOperation({ summary: "An employee's goals" })
  list(@CurrentActor() actor: Actor, @IdParam('employeeId') employeeId: string) {
    return Promise.all(
      this.goals.directory
        .goalsOf(actor.tenantId, employeeId)
        .map((view) => this.goals.directory.describe(view)),
    );
  }
}
