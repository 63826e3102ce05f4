import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { expectedCheckInMinutes } from '@talentloop/contracts';
import type { Language } from '@talentloop/i18n';
import { CurrentActor, IdParam, RequestLanguage, type Actor } from '@talentloop/service-kit';
import { dateOf } from '@talentloop/planning-domain';
import { GoalCommands, goalNotFound } from '../shared/goal-commands';

@ApiTags('goals')
@Controller()
export class ViewGoalsController {
  constructor(private readonly goals: GoalCommands) {}

  @Get('goals/:goalId')
  @ApiOperation({
    summary: 'A goal: its phase, content as drafted and as now, and its history',
    description:
      `Each check-in in the history carries \`checkInLength\`: its duration and whether it was outside the expected ${expectedCheckInMinutes.min}–${expectedCheckInMinutes.max} minutes (short or long). Such a check-in was accepted like any other; it is only flagged. ` +
      'An active goal carries `evaluation`: `status` (`evaluable`, `awaiting-measurement`: nothing measured since the baseline yet, `remeasurement-overdue`: the deadline passed with nothing measured, `awaiting-evidence`: a goal whose criteria are all evidence criteria has no evidence recorded yet, `evidence-overdue`: its deadline passed without any) and `reasons`, each with a `code`, its `effect` (`blocks-evaluation`, `criterion-cannot-be-met`, `evidence-less-robust`, `growth-not-shown`) and an explanation: why it cannot be evaluated yet, or what will limit the evaluation. Other goals carry `evaluation: null`. ' +
      'Success criteria are `measured` or `evidence` (`kind`); `evidence` lists what the employee recorded for evidence criteria (description, reference, obtained on).',
  })
  async view(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @IdParam('goalId') goalId: string,
  ) {
    const today = dateOf(this.goals.clock.now());
    const goal = await this.goals.directory.describe(actor.tenantId, goalId, today, language);
    if (!goal) throw goalNotFound(goalId);
    return goal;
  }

  @Get('employees/:employeeId/goals')
  @ApiOperation({ summary: "An employee's goals" })
  async list(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @IdParam('employeeId') employeeId: string,
  ) {
    const { directory } = this.goals;
    await directory.fresh();
    const goals = await directory.goalsOf(actor.tenantId, employeeId);
    const today = dateOf(this.goals.clock.now());
    const described = await Promise.all(
      goals.map(({ state }) => directory.describe(actor.tenantId, state.goalId, today, language)),
    );
    return described.filter((goal) => goal !== undefined);
  }
}
