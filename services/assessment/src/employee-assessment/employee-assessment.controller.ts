import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor, IdParam } from '@talentloop/service-kit';
import { GetEmployeeAssessmentQuery } from './employee-assessment.query';

@ApiTags('people')
@Controller('employees/:employeeId/assessment')
export class EmployeeAssessmentController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'The employee, their latest measurement per competency, motivation, aggregated 360° rounds and remeasurement comparisons (self, manager or HR)',
  })
  get(@CurrentActor() actor: Actor, @IdParam('employeeId') employeeId: string) {
    return this.queries.execute(new GetEmployeeAssessmentQuery(actor, employeeId));
  }
}
