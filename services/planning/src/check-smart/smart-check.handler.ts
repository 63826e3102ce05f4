import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Language } from '@talentloop/i18n';
import {
  acceptable,
  findAdjustedSmart,
  findSubmissionSmart,
  smartChecksIn,
  type SmartCheck,
} from '@talentloop/planning-domain';
import { CLOCK, type Actor, type Clock } from '@talentloop/service-kit';
import { PlanningReadSide } from '../projections/planning-read-side';
import { goalNotFound, PlanningCommands } from '../shared/planning.commands';

/** The SMART check of a goal's current content, on one day, in the reader's language. */
export interface GoalSmartCheck {
  readonly goalId: string;
  /** The day the check was made on (deadlines are read from it). */
  readonly checkedOn: string;
  readonly checks: readonly SmartCheck[];
}

export class GoalSmartCheckQuery extends Query<GoalSmartCheck> {
  constructor(
    readonly actor: Actor,
    readonly language: Language,
    readonly goalId: string,
  ) {
    super();
  }
}

/**
 * Checks the goal as it stands now, as the command it is waiting for would: a goal not yet
 * active as a submission is (the five properties and the employee's agreement), an active one
 * as an adjustment is (its deadline a commitment from today). Nothing is stored.
 */
@QueryHandler(GoalSmartCheckQuery)
export class GoalSmartCheckHandler implements IQueryHandler<GoalSmartCheckQuery> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly readSide: PlanningReadSide,
    private readonly planning: PlanningCommands,
  ) {}

  async execute({ actor, language, goalId }: GoalSmartCheckQuery): Promise<GoalSmartCheck> {
    const goal = await this.readSide.goal(actor.tenantId, goalId);
    if (!goal) throw goalNotFound(goalId);
    const { state } = goal;
    const { context, settings, today } = await this.planning.smartCheckOf(
      actor.tenantId,
      state,
      this.clock.now(),
    );
    const findings =
      state.status === 'active'
        ? withAgreement(findAdjustedSmart(state.content, context, settings, today), state.agreement)
        : findSubmissionSmart(state.content, state.agreement, context, settings, today);
    return { goalId, checkedOn: today, checks: smartChecksIn(findings, language) };
  }
}

/** The adjustment's five properties with the agreement in its SMART place, after achievable. */
const withAgreement = (
  findings: ReturnType<typeof findAdjustedSmart>,
  agreement: Parameters<typeof acceptable>[0],
) => [...findings.slice(0, 3), acceptable(agreement), ...findings.slice(3)];
