import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@talentloop/service-kit';
import { PlanningReadSide, type TeamMember } from '../projections/planning-read-side';

/** A manager's team: their direct reports as the reporting-line events say now. */
export interface ManagerReports {
  readonly managerId: string;
  readonly reports: readonly TeamMember[];
}

export class ManagerReportsQuery extends Query<ManagerReports> {
  constructor(
    readonly actor: Actor,
    readonly managerId: string,
  ) {
    super();
  }
}

@QueryHandler(ManagerReportsQuery)
export class ManagerReportsHandler implements IQueryHandler<ManagerReportsQuery> {
  constructor(private readonly readSide: PlanningReadSide) {}

  async execute({ actor, managerId }: ManagerReportsQuery): Promise<ManagerReports> {
    return { managerId, reports: await this.readSide.reportsOf(actor.tenantId, managerId) };
  }
}
