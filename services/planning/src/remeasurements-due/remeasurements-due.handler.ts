import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { dateOf, type RemeasurementDue } from '@talentloop/planning-domain';
import { CLOCK, requireRole, type Actor, type Clock } from '@talentloop/service-kit';
import { PlanningReadSide } from '../projections/planning-read-side';

export class RemeasurementsDueQuery extends Query<RemeasurementDue[]> {
  constructor(
    readonly actor: Actor,
    readonly scope: 'reports' | 'tenant',
  ) {
    super();
  }
}

@QueryHandler(RemeasurementsDueQuery)
export class RemeasurementsDueHandler implements IQueryHandler<RemeasurementsDueQuery> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly readSide: PlanningReadSide,
  ) {}

  async execute({ actor, scope }: RemeasurementsDueQuery): Promise<RemeasurementDue[]> {
    if (scope === 'tenant') requireRole(actor, 'hr');
    const today = dateOf(this.clock.now());
    await this.readSide.fresh();
    return this.readSide.remeasurementsDue(
      actor.tenantId,
      today,
      scope === 'reports' ? { managerId: actor.userId } : {},
    );
  }
}
