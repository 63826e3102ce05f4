import { text, type Language } from '@talentloop/i18n';
import { ConflictException, Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, problem, type Actor, type Clock } from '@talentloop/service-kit';
import {
  changesSinceDraft,
  checkSmart,
  dateOf,
  unpairedFormalLearning,
  type DrafterProvenance,
  type GoalContent,
  type SmartCheck,
} from '@talentloop/planning-domain';
import { GoalDrafter } from '../drafting/goal-drafter';
import { PLANNING_SETTINGS, type PlanningSettings } from '../planning.settings';
import { PlanningReadSide } from '../projections/planning-read-side';
import { goalContextOf } from '../shared/goal-context';
import { goalNotFound } from '../shared/planning.commands';

export interface Redraft {
  readonly goalId: string;
  readonly proposal: GoalContent;
  readonly drafter: DrafterProvenance;
  readonly smartChecks: readonly SmartCheck[];
  readonly unpairedFormalLearning: readonly string[];
  readonly differences: readonly { field: string; now: unknown; proposed: unknown }[];
}

/** A proposal for a rejected goal: a query, as nothing is stored (the edit that follows is). */
export class RedraftGoalQuery extends Query<Redraft> {
  constructor(
    readonly actor: Actor,
    /** The language the SMART checks of the answer are explained in. */
    readonly language: Language,
    readonly goalId: string,
  ) {
    super();
  }
}

@QueryHandler(RedraftGoalQuery)
export class RedraftGoalHandler implements IQueryHandler<RedraftGoalQuery> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLANNING_SETTINGS) private readonly settings: PlanningSettings,
    private readonly readSide: PlanningReadSide,
    private readonly drafter: GoalDrafter,
  ) {}

  async execute({ actor, language, goalId }: RedraftGoalQuery): Promise<Redraft> {
    const { tenantId } = actor;
    const { readSide } = this;
    const goal = await readSide.goal(tenantId, goalId);
    if (!goal) throw goalNotFound(goalId);
    const { state } = goal;
    const rejection = await readSide.rejectionOf(tenantId, goalId);
    const phase = state.status;
    if (!rejection || (phase !== 'rejected' && phase !== 'revised'))
      throw new ConflictException(
        problem(409, 'GOAL_NOT_REJECTED', text('http.notRejected'), {
          currentState: phase,
        }),
      );
    const { content } = state;
    const context = await goalContextOf(readSide, {
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
      today: dateOf(this.clock.now()),
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
