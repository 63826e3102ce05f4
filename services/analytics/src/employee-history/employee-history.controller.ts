import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor } from '@talentloop/service-kit';
import { EmployeeHistoryQuery } from './employee-history.handler';

@ApiTags('analytics')
@Controller('analytics')
export class EmployeeHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get('employees/:employeeId/history')
  @ApiOperation({
    summary: "An employee's development history (the employee, their manager, HR and admins)",
  })
  history(@CurrentActor() actor: Actor, @IdParam('employeeId') employeeId: string) {
    return this.queries.execute(new EmployeeHistoryQuery(actor, employeeId));
  }
}
