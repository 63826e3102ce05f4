import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor, RequestCommandId } from '@talentloop/service-kit';
import { SyncPeopleDto } from './sync-people.dto';
import { SyncPeopleCommand } from './sync-people.handler';

@ApiTags('people')
@Controller('people/sync')
export class SyncPeopleController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Bulk upsert of employees from the HRIS, keyed by external id; idempotent, reporting-line changes become events',
  })
  sync(
    @CurrentActor() actor: Actor,
    @Body() body: SyncPeopleDto,
    @RequestCommandId() commandId: string,
  ) {
    return this.commands.execute(new SyncPeopleCommand(actor, body, commandId));
  }
}
