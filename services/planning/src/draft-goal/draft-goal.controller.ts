import type { Language } from '@talentloop/i18n';
import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  IdParam,
  RateLimit,
  RequestCommandId,
  type Actor,
  RequestLanguage,
} from '@talentloop/service-kit';
import { DRAFT_RATE_LIMIT } from '../planning.settings';
import { DraftGoalDto } from './draft-goal.dto';
import { DraftGoalCommand } from './draft-goal.handler';

@ApiTags('goals')
@Controller('plans/:planId/goals')
export class DraftGoalController {
  constructor(private readonly commands: CommandBus) {}

  @Post('draft')
  // Each draft may be a call to a paid model: a stricter limit per caller than other routes.
  @RateLimit(DRAFT_RATE_LIMIT)
  @ApiOperation({
    summary: 'Draft a SMART goal from a gap (AI when configured, else deterministic)',
  })
  @ApiResponse({ status: 409, description: 'The plan is closed: new goals go in the next plan' })
  draft(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @IdParam('planId') planId: string,
    @Body() body: DraftGoalDto,
    @RequestCommandId() commandId: string,
  ) {
    return this.commands.execute(new DraftGoalCommand(actor, language, planId, body, commandId));
  }
}
