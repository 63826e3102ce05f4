import { Body, Controller, Get, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FrameworkVersion } from '@talentloop/assessment-domain';
import {
  ApiVersionParam,
  CurrentActor,
  type Actor,
  IdParam,
  RequestCommandId,
  VersionParam,
} from '@talentloop/service-kit';
import { onFramework } from '../shared/assessment-commands';
import { GetFrameworkQuery, publishedVersion } from './get-framework.query';
import { PublishFrameworkDto } from './publish-framework.dto';

@ApiTags('frameworks')
@Controller('frameworks/:frameworkId')
export class PublishFrameworkController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('versions')
  @ApiOperation({
    summary: 'Publish a new version of the competency framework (HR); earlier versions stay',
  })
  @ApiResponse({ status: 422, description: 'Invalid or duplicated competencies or indicators' })
  async publish(
    @CurrentActor() actor: Actor,
    @IdParam('frameworkId') frameworkId: string,
    @Body() body: PublishFrameworkDto,
    @RequestCommandId() commandId: string,
  ): Promise<FrameworkVersion> {
    const { state } = await this.commands.execute(
      onFramework(
        actor,
        frameworkId,
        { type: 'PublishFramework', data: { frameworkId, ...body } },
        commandId,
      ),
    );
    return publishedVersion(frameworkId, state);
  }

  @Get()
  @ApiOperation({ summary: 'The latest published version of the framework' })
  latest(@CurrentActor() actor: Actor, @IdParam('frameworkId') frameworkId: string) {
    return this.queries.execute(new GetFrameworkQuery(actor.tenantId, frameworkId, undefined));
  }

  @Get('versions/:version')
  @ApiOperation({ summary: 'One published version of the framework, as it was published' })
  @ApiVersionParam('version')
  version(
    @CurrentActor() actor: Actor,
    @IdParam('frameworkId') frameworkId: string,
    @VersionParam('version') version: number,
  ) {
    return this.queries.execute(new GetFrameworkQuery(actor.tenantId, frameworkId, version));
  }
}
