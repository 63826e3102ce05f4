import { Controller, ForbiddenException, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, problem, type Actor } from '@talentloop/http';
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
    if (!actor.roles.some((role) => role === 'hr' || role === 'admin'))
      throw new ForbiddenException(
        problem(403, 'HR_ONLY', 'only HR or an admin may run the overdue check'),
      );
    return this.commands.execute(new FlagOverdueApprovalsCommand(actor.tenantId, actor.userId));
  }
}
