import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@talentloop/http';
import { ManagerInboxQueryDto } from './manager-inbox.dto';
import { ManagerInboxQuery } from './manager-inbox.handler';

@ApiTags('approval')
@Controller('approval-requests/inbox')
export class ManagerInboxController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: "A manager's pending requests, oldest first, overdue ones marked" })
  inbox(@CurrentActor() actor: Actor, @Query() query: ManagerInboxQueryDto) {
    return this.queries.execute(new ManagerInboxQuery(actor, query.managerId));
  }
}
