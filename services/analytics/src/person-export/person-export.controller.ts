import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor } from '@talentloop/service-kit';
import { PersonExportQuery } from './person-export.handler';

@ApiTags('people')
@Controller('people/:employeeId/export')
export class PersonExportController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      "A person's data export as JSON: their plans, goals (actions, check-ins, adjustments, approval thread), measurements and gaps (the person, HR, admins)",
  })
  export(@CurrentActor() actor: Actor, @IdParam('employeeId') employeeId: string) {
    return this.queries.execute(new PersonExportQuery(actor, employeeId));
  }
}
