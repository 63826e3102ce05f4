import { Body, Controller, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor, IdParam, RequestCommandId } from '@talentloop/service-kit';
import { DefineRoleProfileDto } from './define-role-profile.dto';
import { DefineRoleProfileCommand, GetRoleProfileQuery } from './define-role-profile.handler';

@ApiTags('role profiles')
@Controller('role-profiles/:roleId')
export class DefineRoleProfileController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put()
  @ApiOperation({
    summary: 'Define the role profile (HR): required competencies with level and weight',
  })
  @ApiResponse({ status: 422, description: 'Weight not positive, unknown competency, bad level' })
  @ApiResponse({ status: 404, description: 'The framework is not published' })
  define(
    @CurrentActor() actor: Actor,
    @IdParam('roleId') roleId: string,
    @Body() body: DefineRoleProfileDto,
    @RequestCommandId() commandId: string,
  ) {
    return this.commands.execute(new DefineRoleProfileCommand(actor, roleId, body, commandId));
  }

  @Get()
  @ApiOperation({ summary: 'The current version of the role profile' })
  get(@CurrentActor() actor: Actor, @IdParam('roleId') roleId: string) {
    return this.queries.execute(new GetRoleProfileQuery(actor.tenantId, roleId));
  }
}
