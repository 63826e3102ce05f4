import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Language } from '@talentloop/i18n';
import { dateOf } from '@talentloop/planning-domain';
import { CLOCK, type Actor, type Clock } from '@talentloop/service-kit';
import { PlanningReadSide } from '../projections/planning-read-side';
import { goalNotFound } from '../shared/planning.commands';

type GoalDescription = NonNullable<Awaited<ReturnType<PlanningReadSide['describe']>>>;

export class ViewGoalQuery extends Query<GoalDescription> {
  constructor(
    readonly actor: Actor,
    readonly language: Language,
    readonly goalId: string,
  ) {
    super();
  }
}

export class EmployeeGoalsQuery extends Query<GoalDescription[]> {
  constructor(
    readonly actor: Actor,
    readonly language: Language,
    readonly employeeId: string,
  ) {
    super();
  }
}

@QueryHandler(ViewGoalQuery)
export class ViewGoalHandler implements IQueryHandler<ViewGoalQuery> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly readSide: PlanningReadSide,
  ) {}

  async execute({ actor, language, goalId }: ViewGoalQuery): Promise<GoalDescription> {
    const today = dateOf(this.clock.now());
    const goal = await this.readSide.describe(actor.tenantId, goalId, today, language);
    if (!goal) throw goalNotFound(goalId);
    return goal;
  }
}

@QueryHandler(EmployeeGoalsQuery)
export class EmployeeGoalsHandler implements IQueryHandler<EmployeeGoalsQuery> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly readSide: PlanningReadSide,
  ) {}

  async execute({ actor, language, employeeId }: EmployeeGoalsQuery): Promise<GoalDescription[]> {
    const { readSide } = this;
    await readSide.fresh();
    const goals = await readSide.goalsOf(actor.tenantId, employeeId);
    const today = dateOf(this.clock.now());
    const described = await Promise.all(
      goals.map(({ state }) => readSide.describe(actor.tenantId, state.goalId, today, language)),
    );
    return described.filter((goal) => goal !== undefined);
  }
}
