import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Actor, type Clock } from '@talentloop/service-kit';
import { PlanningDirectory } from '../projections/planning-directory';

type OverdueCheckIns = Awaited<ReturnType<PlanningDirectory['overdueCheckIns']>>;

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
    private readonly directory: PlanningDirectory,
  ) {}

  async execute({ actor, scope }: OverdueCheckInsQuery): Promise<OverdueCheckIns> {
    const now = this.clock.now();
    await this.directory.fresh();
    return scope === 'reports'
      ? this.directory.overdueCheckIns(actor.tenantId, now, { managerId: actor.userId })
      : this.directory.overdueCheckIns(actor.tenantId, now, { employeeId: actor.userId });
  }
}
