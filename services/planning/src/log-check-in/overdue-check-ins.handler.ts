import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Actor, type Clock } from '@talentloop/service-kit';
import { PlanningReadSide } from '../projections/planning-read-side';

type OverdueCheckIns = Awaited<ReturnType<PlanningReadSide['overdueCheckIns']>>;

export class OverdueCheckInsQuery extends Query<OverdueCheckIns> {
  constructor(
    readonly actor: Actor,
    readonly scope: 'mine' | 'reports',
  ) {
    super();
  }
}

@QueryHandler(OverdueCheckInsQuery)
export class OverdueCheckInsHandler implements IQueryHandler<OverdueCheckInsQuery> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly readSide: PlanningReadSide,
  ) {}

  async execute({ actor, scope }: OverdueCheckInsQuery): Promise<OverdueCheckIns> {
    const now = this.clock.now();
    await this.readSide.fresh();
    return scope === 'reports'
      ? this.readSide.overdueCheckIns(actor.tenantId, now, { managerId: actor.userId })
      : this.readSide.overdueCheckIns(actor.tenantId, now, { employeeId: actor.userId });
  }
}
