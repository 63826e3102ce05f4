import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@talentloop/service-kit';
import { ManagerInboxQueryDto } from './manager-inbox.dto';
import { DelegatedInboxQuery, ManagerInboxQuery } from './manager-inbox.handler';

@ApiTags('approval')
@Controller('approval-requests/inbox')
export class ManagerInboxController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: "A manager's pending requests, oldest first, overdue ones marked" })
  inbox(@CurrentActor() actor: Actor, @Query() query: ManagerInboxQueryDto) {
    return this.queries.execute(new ManagerInboxQuery(actor, query.managerId));
  }

  @Get('delegated')
  @ApiOperation({
    summary: 'HR: pending requests of employees without a manager, which HR decides as delegate',
    description:
      'Requests addressed to HR as delegate (`addressedTo: hr-delegate`), oldest first, overdue ones marked. ' +
      'A request leaves this inbox when the HRIS names a manager: it moves to them.',
  })
  delegated(@CurrentActor() actor: Actor) {
    return this.queries.execute(new DelegatedInboxQuery(actor));
  }
}
