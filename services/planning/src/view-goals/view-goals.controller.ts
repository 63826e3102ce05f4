import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { expectedCheckInMinutes } from '@talentloop/contracts';
import type { Language } from '@talentloop/i18n';
import { CurrentActor, IdParam, RequestLanguage, type Actor } from '@talentloop/service-kit';
import { EmployeeGoalsQuery, ViewGoalQuery } from './view-goals.handler';

@ApiTags('goals')
@Controller()
export class ViewGoalsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('goals/:goalId')
  @ApiOperation({
    summary: 'A goal: its phase, content as drafted and as now, and its history',
    description:
      `Each check-in in the history carries \`checkInLength\`: its duration and whether it was outside the expected ${expectedCheckInMinutes.min}–${expectedCheckInMinutes.max} minutes (short or long). Such a check-in was accepted like any other; it is only flagged. ` +
      'An active goal carries `evaluation`: `status` (`evaluable`, `awaiting-measurement`: nothing measured since the baseline yet, `remeasurement-overdue`: the deadline passed with nothing measured, `awaiting-evidence`: a goal whose criteria are all evidence criteria has no evidence recorded yet, `evidence-overdue`: its deadline passed without any) and `reasons`, each with a `code`, its `effect` (`blocks-evaluation`, `criterion-cannot-be-met`, `evidence-less-robust`, `growth-not-shown`) and an explanation: why it cannot be evaluated yet, or what will limit the evaluation. Other goals carry `evaluation: null`. ' +
      'Success criteria are `measured` or `evidence` (`kind`); `evidence` lists what the employee recorded for evidence criteria (description, reference, obtained on).',
  })
  view(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @IdParam('goalId') goalId: string,
  ) {
    return this.queries.execute(new ViewGoalQuery(actor, language, goalId));
  }

  @Get('employees/:employeeId/goals')
  @ApiOperation({ summary: "An employee's goals" })
  list(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @IdParam('employeeId') employeeId: string,
  ) {
    return this.queries.execute(new EmployeeGoalsQuery(actor, language, employeeId));
  }
}
