import { text, type Language } from '@talentloop/i18n';
import {
  Body,
  Controller,
  Inject,
  NotFoundException,
  Post,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { PlanningEvent } from '@talentloop/contracts';
import type { EventStore } from '@talentloop/event-store';
import {
  CurrentActor,
  EVENT_STORE,
  IdParam,
  problem,
  RateLimit,
  RequestCommandId,
  type Actor,
  CLOCK,
  type Clock,
  RequestLanguage,
} from '@talentloop/service-kit';
import {
  checkSmart,
  contentOf,
  dateOf,
  requireOpenPlan,
  unpairedFormalLearning,
} from '@talentloop/planning-domain';
import { GoalDrafter } from '../drafting/goal-drafter';
import { DRAFT_RATE_LIMIT, PLANNING_SETTINGS, type PlanningSettings } from '../planning.settings';
import { PlanningDirectory } from '../projections/planning-directory';
import { goalContextOf } from '../shared/goal-context';
import { runOnGoal } from '../shared/planning.streams';
import { DraftGoalDto } from './draft-goal.dto';

/** The draft as GoalDrafted recorded it, if the command's events hold one. */
const storedDraftOf = (events: readonly PlanningEvent[]) => {
  const recorded = events.find((event) => event.type === 'GoalDrafted');
  return recorded && { content: contentOf(recorded.data), drafter: recorded.data.drafter };
};

@ApiTags('goals')
@Controller('plans/:planId/goals')
export class DraftGoalController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLANNING_SETTINGS) private readonly settings: PlanningSettings,
    private readonly directory: PlanningDirectory,
    private readonly drafter: GoalDrafter,
  ) {}

  @Post('draft')
  // Each draft may be a call to a paid model: a stricter limit per caller than other routes.
  @RateLimit(DRAFT_RATE_LIMIT)
  @ApiOperation({
    summary: 'Draft a SMART goal from a gap (AI when configured, else deterministic)',
  })
  @ApiResponse({ status: 409, description: 'The plan is closed: new goals go in the next plan' })
  async draft(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @IdParam('planId') planId: string,
    @Body() body: DraftGoalDto,
    @RequestCommandId() commandId: string,
  ) {
    const plan = await this.directory.plan(actor.tenantId, planId);
    if (!plan)
      throw new NotFoundException(
        problem(404, 'PLAN_NOT_FOUND', text('http.planNotFound', { planId })),
      );
    requireOpenPlan(plan);
    // The gap and the person are read once, here: the context is built from them too.
    const [found, person] = await Promise.all([
      body.gapId ? this.directory.gap(actor.tenantId, body.gapId) : undefined,
      this.directory.person(actor.tenantId, plan.employeeId),
    ]);
    // Another employee's gap reads as missing: its scores are not this plan's to draft from.
    const gap = found?.employeeId === plan.employeeId ? found : undefined;
    if (body.gapId && !gap)
      throw new NotFoundException(
        problem(404, 'GAP_NOT_FOUND', text('http.gapNotFound', { gapId: body.gapId })),
      );
    const target = gap
      ? { kind: 'competency' as const, competencyId: gap.competencyId }
      : body.target;
    if (!target)
      throw new UnprocessableEntityException(problem(422, 'NO_TARGET', text('http.noTarget')));
    const draftLanguage = body.language ?? person?.language ?? 'en';
    const context = await goalContextOf(this.directory, {
      tenantId: actor.tenantId,
      employeeId: plan.employeeId,
      gapId: body.gapId ?? null,
      competencyId: target.competencyId,
      ...(body.motivationNote ? { motivationNote: body.motivationNote } : {}),
      language: draftLanguage,
      read: { gap, person },
    });
    const now = this.clock.now();
    const request = { target, context, language: draftLanguage, today: dateOf(now) };
    const drafted = await this.drafter.draft(actor.tenantId, request);
    // The goal's id follows from the command's: a retried draft is the same goal.
    const goalId = `goal-${commandId}`;
    const { events } = await runOnGoal(
      this.store,
      goalId,
      {
        type: 'DraftGoal',
        data: {
          goalId,
          planId,
          employeeId: plan.employeeId,
          gapId: body.gapId ?? null,
          ...drafted.content,
          drafter: drafted.drafter,
          // Kept on the goal (sealed): the submission is checked and shown with it.
          motivationNote: body.motivationNote ?? null,
        },
      },
      { tenantId: actor.tenantId, actorId: actor.userId, commandId, now },
    );
    // A retry whose first attempt was stored (then lost its answer) gets the stored draft, not
    // the new one a language model may have written differently.
    const { content, drafter } = storedDraftOf(events) ?? drafted;
    return {
      goalId,
      goal: content,
      drafter,
      smartChecks: checkSmart(content, context, this.settings.smart, request.today, language),
      unpairedFormalLearning: unpairedFormalLearning(content.actions),
    };
  }
}
