import { text, type Language } from '@talentloop/i18n';
import { ConflictException, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  IdParam,
  problem,
  RateLimit,
  RequestLanguage,
  type Actor,
} from '@talentloop/service-kit';
import {
  changesSinceDraft,
  checkSmart,
  dateOf,
  unpairedFormalLearning,
} from '@talentloop/planning-domain';
import { GoalDrafter } from '../drafting/goal-drafter';
import { DRAFT_RATE_LIMIT, PLANNING_SETTINGS, type PlanningSettings } from '../planning.settings';
import { GoalCommands } from '../shared/goal-commands';
import { goalContextOf } from '../shared/goal-context';

@ApiTags('goals')
@Controller('goals/:goalId')
export class RedraftGoalController {
  constructor(
    private readonly goals: GoalCommands,
    private readonly drafter: GoalDrafter,
    @Inject(PLANNING_SETTINGS) private readonly settings: PlanningSettings,
  ) {}

  @Post('redraft')
  @HttpCode(200)
  // Like a draft, each redraft may be a call to a paid model.
  @RateLimit(DRAFT_RATE_LIMIT)
  @ApiOperation({
    summary: 'Propose a new draft of a rejected goal; the employee takes what they want by editing',
    description:
      "Drafts the goal's target again from the current context, and, where the tenant opted in (PLANNING_AI_REJECTION_FEEDBACK), with the manager's feedback given to the model. Nothing is stored: the answer is a proposal with its provenance, its SMART checks and how it differs from the goal now; what the employee takes from it is their edit (PATCH /goals/{goalId}).",
  })
  async redraft(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @IdParam('goalId') goalId: string,
  ) {
    const { tenantId } = actor;
    const { state } = await this.goals.known(actor, goalId);
    const { directory } = this.goals;
    const rejection = await directory.rejectionOf(tenantId, goalId);
    const phase = state.status;
    if (!rejection || (phase !== 'rejected' && phase !== 'revised'))
      throw new ConflictException(
        problem(409, 'GOAL_NOT_REJECTED', text('http.notRejected'), {
          currentState: phase,
        }),
      );
    const { content } = state;
    const context = await goalContextOf(directory, {
      tenantId,
      employeeId: state.employeeId,
      gapId: state.gapId,
      competencyId: content.target.competencyId,
      // The motivation given with the draft, else the one recorded with assessment.
      motivationNote: state.motivationNote,
      language: content.language,
    });
    const request = {
      target: { kind: content.target.kind, competencyId: content.target.competencyId },
      context,
      language: content.language,
      today: dateOf(this.goals.clock.now()),
    };
    const proposed = await this.drafter.draft(tenantId, request, rejection.feedback);
    return {
      goalId,
      proposal: proposed.content,
      drafter: proposed.drafter,
      smartChecks: checkSmart(
        proposed.content,
        context,
        this.settings.smart,
        request.today,
        language,
      ),
      unpairedFormalLearning: unpairedFormalLearning(proposed.content.actions),
      differences: changesSinceDraft(content, proposed.content).map(
        ({ field, drafted, current }) => ({ field, now: drafted, proposed: current }),
      ),
    };
  }
}
