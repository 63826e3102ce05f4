import { Body, Controller, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { RoleProfile } from '@talentloop/assessment-domain';
import { CurrentActor, type Actor, IdParam, RequestCommandId } from '@talentloop/service-kit';
import { AssessmentCommands } from '../shared/assessment-commands';
import { DefineRoleProfileDto } from './define-role-profile.dto';
import { GetRoleProfileQuery, profileOf } from './get-role-profile.query';

@ApiTags('role profiles')
@Controller('role-profiles/:roleId')
export class DefineRoleProfileController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly assessment: AssessmentCommands,
  ) {}

  @Put()
  @ApiOperation({
    summary: 'Define the role profile (HR): required competencies with level and weight',
  })
  @ApiResponse({ status: 422, description: 'Weight not positive, unknown competency, bad level' })
  @ApiResponse({ status: 404, description: 'The framework is not published' })
  async define(
    @CurrentActor() actor: Actor,
    @IdParam('roleId') roleId: string,
    @Body() body: DefineRoleProfileDto,
    @RequestCommandId() commandId: string,
  ): Promise<RoleProfile> {
    const { state } = await this.commands.execute(
      this.assessment.onRoleProfile(
        actor,
        roleId,
        body.frameworkId,
        (_state, framework) => ({
          type: 'DefineRoleProfile',
          data: { roleId, ...body, framework },
        }),
        commandId,
      ),
    );
    return profileOf(roleId, state);
  }

  @Get()
  @ApiOperation({ summary: 'The current version of the role profile' })
  get(@CurrentActor() actor: Actor, @IdParam('roleId') roleId: string) {
    return this.queries.execute(new GetRoleProfileQuery(actor.tenantId, roleId));
  }
}
