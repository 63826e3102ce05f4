import type { Language } from '@talentloop/i18n';
import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  type Actor,
  IdParam,
  RequestCommandId,
  RequestLanguage,
} from '@talentloop/service-kit';
import { GetGapReportQuery, IdentifyGapsCommand } from './analyse-gaps.handler';

@ApiTags('gap analysis')
@ApiResponse({ status: 404, description: 'The employee is not synced' })
@ApiResponse({ status: 409, description: "The employee's role has no role profile" })
@Controller('employees/:employeeId')
export class AnalyseGapsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('gaps')
  @ApiOperation({
    summary:
      'Gap per competency against the role profile, weakest and strongest indicators, and the gaps worth development ranked by impact, potential and energy with reasons',
  })
  report(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @IdParam('employeeId') employeeId: string,
  ) {
    return this.queries.execute(new GetGapReportQuery(actor, employeeId, language));
  }

  @Post('gap-analyses')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish GapIdentified for each gap worth development not yet published',
  })
  identify(
    @CurrentActor() actor: Actor,
    @IdParam('employeeId') employeeId: string,
    @RequestCommandId() commandId: string,
  ) {
    return this.commands.execute(new IdentifyGapsCommand(actor, employeeId, commandId));
  }
}
