import type { Language } from '@talentloop/i18n';
import { Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  IdParam,
  RateLimit,
  RequestLanguage,
  type Actor,
} from '@talentloop/service-kit';
import { DRAFT_RATE_LIMIT } from '../planning.settings';
import { RedraftGoalQuery } from './redraft-goal.handler';

@ApiTags('goals')
@Controller('goals/:goalId')
export class RedraftGoalController {
  constructor(private readonly queries: QueryBus) {}

  @Post('redraft')
  @HttpCode(200)
  // Like a draft, each redraft may be a call to a paid model.
  @RateLimit(DRAFT_RATE_LIMIT)
  @ApiOperation({
    summary: 'Propose a new draft of a rejected goal; the employee takes what they want by editing',
    description:
      "Drafts the goal's target again from the current context, and, where the tenant opted in (PLANNING_AI_REJECTION_FEEDBACK), with the manager's feedback given to the model. Nothing is stored: the answer is a proposal with its provenance, its SMART checks and how it differs from the goal now; what the employee takes from it is their edit (PATCH /goals/{goalId}).",
  })
  redraft(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @IdParam('goalId') goalId: string,
  ) {
    return this.queries.execute(new RedraftGoalQuery(actor, language, goalId));
  }
}
