import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor } from '@talentloop/http';
import { requireManager } from '@talentloop/planning-domain';
import { GoalCommands } from '../shared/goal-commands';

@ApiTags('goals')
@Controller()
export class ViewGoalsController {
  constructor(private readonly goals: GoalCommands) {}

  private requireReader(actor: Actor, employeeId: string) {
    if (actor.userId !== employeeId)
      requireManager(
        actor,
        employeeId,
        this.goals.directory.person(actor.tenantId, employeeId)?.managerId,
      );
  }

  @Get('goals/:goalId')
  @ApiOperation({ summary: 'A goal: its phase, content as drafted and as now, and its history' })
  view(@CurrentActor() actor: Actor, @IdParam('goalId') goalId: string) {
    const view = this.goals.known(actor, goalId);
    this.requireReader(actor, view.state.employeeId);
    return this.goals.directory.describe(view);
  }

  @Get('employees/:employeeId/goals')
  @ApiOperation({ summary: "An employee's goals" })
  list(@CurrentActor() actor: Actor, @IdParam('employeeId') employeeId: string) {
    this.requireReader(actor, employeeId);
    return Promise.all(
      this.goals.directory
        .goalsOf(actor.tenantId, employeeId)
        .map((view) => this.goals.directory.describe(view)),
    );
  }
}
