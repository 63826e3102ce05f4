import { Inject, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PlanningEvent } from '@talentloop/contracts';
import { text, type Language } from '@talentloop/i18n';
import {
  checkSmart,
  contentOf,
  dateOf,
  requireOpenPlan,
  unpairedFormalLearning,
  type DrafterProvenance,
  type GoalContent,
  type SmartCheck,
} from '@talentloop/planning-domain';
import { callerOf, CLOCK, problem, type Actor, type Clock } from '@talentloop/service-kit';
import { GoalDrafter } from '../drafting/goal-drafter';
import { PLANNING_SETTINGS, type PlanningSettings } from '../planning.settings';
import { PlanningReadSide } from '../projections/planning-read-side';
import { goalContextOf } from '../shared/goal-context';
import { goalCommand } from '../shared/planning.commands';
import { planNotFound } from '../shared/plans';
import type { DraftGoalDto } from './draft-goal.dto';

export interface DraftedGoal {
  readonly goalId: string;
  readonly goal: GoalContent;
  readonly drafter: DrafterProvenance;
  readonly smartChecks: readonly SmartCheck[];
  readonly unpairedFormalLearning: readonly string[];
}

export class DraftGoalCommand extends Command<DraftedGoal> {
  constructor(
    readonly actor: Actor,
    /** The language the SMART checks of the answer are explained in. */
    readonly language: Language,
    readonly planId: string,
    readonly body: DraftGoalDto,
    readonly commandId: string,
  ) {
    super();
  }
}

/** The draft as GoalDrafted recorded it, if the command's events hold one. */
const storedDraftOf = (events: readonly PlanningEvent[]) => {
  const recorded = events.find((event) => event.type === 'GoalDrafted');
  return recorded && { content: contentOf(recorded.data), drafter: recorded.data.drafter };
};

/** Drafts the goal from what the read side knows (AI when configured), then records it. */
@CommandHandler(DraftGoalCommand)
export class DraftGoalHandler implements ICommandHandler<DraftGoalCommand> {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLANNING_SETTINGS) private readonly settings: PlanningSettings,
    private readonly readSide: PlanningReadSide,
    private readonly drafter: GoalDrafter,
  ) {}

  async execute({
    actor,
    language,
    planId,
    body,
    commandId,
  }: DraftGoalCommand): Promise<DraftedGoal> {
    const plan = await this.readSide.plan(actor.tenantId, planId);
    if (!plan) throw planNotFound(planId);
    requireOpenPlan(plan);
    // The gap and the person are read once, here: the context is built from them too.
    const [found, person] = await Promise.all([
      body.gapId ? this.readSide.gap(actor.tenantId, body.gapId) : undefined,
      this.readSide.person(actor.tenantId, plan.employeeId),
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
    const context = await goalContextOf(this.readSide, {
      tenantId: actor.tenantId,
      employeeId: plan.employeeId,
      gapId: body.gapId ?? null,
      competencyId: target.competencyId,
      ...(body.motivationNote ? { motivationNote: body.motivationNote } : {}),
      language: draftLanguage,
      read: { gap, person },
    });
    const today = dateOf(this.clock.now());
    const request = { target, context, language: draftLanguage, today };
    const drafted = await this.drafter.draft(actor.tenantId, request);
    // The goal's id follows from the command's: a retried draft is the same goal.
    const goalId = `goal-${commandId}`;
    const { events } = await this.commands.execute(
      goalCommand(callerOf(actor, commandId), goalId, {
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
      }),
    );
    // A retry whose first attempt was stored (then lost its answer) gets the stored draft, not
    // the new one a language model may have written differently.
    const { content, drafter } = storedDraftOf(events) ?? drafted;
    return {
      goalId,
      goal: content,
      drafter,
      smartChecks: checkSmart(content, context, this.settings.smart, today, language),
      unpairedFormalLearning: unpairedFormalLearning(content.actions),
    };
  }
}
