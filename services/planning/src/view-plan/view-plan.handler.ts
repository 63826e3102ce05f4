import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@talentloop/service-kit';
import { Plans } from '../shared/plans';

type PlanDescription = Awaited<ReturnType<Plans['describe']>>;

export class ViewPlanQuery extends Query<PlanDescription> {
  constructor(
    readonly actor: Actor,
    readonly planId: string,
  ) {
    super();
  }
}

@QueryHandler(ViewPlanQuery)
export class ViewPlanHandler implements IQueryHandler<ViewPlanQuery> {
  constructor(private readonly plans: Plans) {}

  execute({ actor, planId }: ViewPlanQuery): Promise<PlanDescription> {
    return this.plans.describe(actor.tenantId, planId);
  }
}
