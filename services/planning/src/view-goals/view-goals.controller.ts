import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { expectedCheckInMinutes } from '@talentloop/contracts';
import { CurrentActor, IdParam, type Actor } from '@talentloop/http';
import { GoalCommands, goalNotFound } from '../shared/goal-commands';

@ApiTags('goals')
@Controller()
export class ViewGoalsController {
  constructor(private readonly goals: GoalCommands) {}

  @Get('goals/:goalId')
  @ApiOperation({
    summary: 'A goal: its phase, content as drafted and as now, and its history',
    description: `Each check-in in the history carries \`checkInLength\`: its duration and whether it was outside the expected ${expectedCheckInMinutes.min}–${expectedCheckInMinutes.max} minutes (short or long). Such a check-in was accepted like any other; it is only flagged.`,
  })
  async view(@CurrentActor() actor: Actor, @IdParam('goalId') goalId: string) {
    const goal = await this.goals.directory.describe(actor.tenantId, goalId);
    if (!goal) throw goalNotFound(goalId);
    return goal;
  }

  @Get('employees/:employeeId/goals')
  @ApiOperation({ summary: "An employee's goals" })
  async list(@CurrentActor() actor: Actor, @IdParam('employeeId') employeeId: string) {
    const { directory } = this.goals;
    await directory.fresh();
    const goals = await directory.goalsOf(actor.tenantId, employeeId);
    const described = await Promise.all(
      goals.map(({ state }) => directory.describe(actor.tenantId, state.goalId)),
    );
    return described.filter((goal) => goal !== undefined);
  }
}
