import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@talentloop/service-kit';
import { FlagOverdueApprovalsCommand } from './flag-overdue-approvals.handler';

@ApiTags('approval')
@Controller('approval-requests/overdue-check')
export class FlagOverdueApprovalsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: "Marks the organisation's requests pending too long as overdue (HR, admin)",
  })
  check(@CurrentActor() actor: Actor) {
    return this.commands.execute(new FlagOverdueApprovalsCommand(actor.tenantId, actor.userId));
  }
}
