import type { Language } from '@talentloop/i18n';
import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { GapIdentified } from '@talentloop/contracts';
import {
  CurrentActor,
  type Actor,
  IdParam,
  RequestCommandId,
  RequestLanguage,
} from '@talentloop/service-kit';
import { AssessmentCommands } from '../shared/assessment-commands';
import { PrioritySettings } from '../shared/priority-settings';
import { GetGapReportQuery } from './gap-report.query';

@ApiTags('gap analysis')
@ApiResponse({ status: 404, description: 'The employee is not synced' })
@ApiResponse({ status: 409, description: "The employee's role has no role profile" })
@Controller('employees/:employeeId')
export class AnalyseGapsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly assessment: AssessmentCommands,
    private readonly settings: PrioritySettings,
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

  /** A replay under the same Idempotency-Key returns the gaps the first run published. */
  @Post('gap-analyses')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish GapIdentified for each gap worth development not yet published',
  })
  async identify(
    @CurrentActor() actor: Actor,
    @IdParam('employeeId') employeeId: string,
    @RequestCommandId() commandId: string,
  ): Promise<{ identified: GapIdentified['data'][] }> {
    const weighting = this.settings.weightingFor(actor.tenantId);
    const { events } = await this.commands.execute(
      this.assessment.onEmployee(
        actor,
        employeeId,
        (_state, reference) => ({
          type: 'IdentifyGaps',
          data: { employeeId, weighting, reference },
        }),
        commandId,
      ),
    );
    return {
      identified: events.flatMap((event) => (event.type === 'GapIdentified' ? [event.data] : [])),
    };
  }
}
