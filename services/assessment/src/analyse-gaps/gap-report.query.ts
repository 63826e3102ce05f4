import type { Language } from '@talentloop/i18n';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { analyseGaps, energiesOf, type GapReport } from '@talentloop/assessment-domain';
import type { Actor } from '@talentloop/service-kit';
import { EmployeeReader } from '../shared/employee-reader';
import { PrioritySettings } from '../shared/priority-settings';

export class GetGapReportQuery extends Query<GapReport> {
  constructor(
    readonly actor: Actor,
    readonly employeeId: string,
    readonly language: Language = 'en',
  ) {
    super();
  }
}

@QueryHandler(GetGapReportQuery)
export class GetGapReportHandler implements IQueryHandler<GetGapReportQuery> {
  constructor(
    private readonly reader: EmployeeReader,
    private readonly settings: PrioritySettings,
  ) {}

  async execute({ actor, employeeId, language }: GetGapReportQuery) {
    const { employee, reference } = await this.reader.withReference(actor, employeeId);
    return analyseGaps(
      reference.role,
      reference.framework,
      employee.latest,
      energiesOf(employee),
      this.settings.weightingFor(actor.tenantId),
      language,
    );
  }
}
