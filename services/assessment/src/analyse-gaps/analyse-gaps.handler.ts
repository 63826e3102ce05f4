import type { Language } from '@talentloop/i18n';
import {
  Command,
  CommandHandler,
  type ICommandHandler,
  type IQueryHandler,
  Query,
  QueryHandler,
} from '@nestjs/cqrs';
import { analyseGaps, energiesOf, type GapReport } from '@talentloop/assessment-domain';
import type { GapIdentified } from '@talentloop/contracts';
import type { Actor } from '@talentloop/service-kit';
import { AssessmentStore } from '../shared/assessment-store';
import { EmployeeReader } from '../shared/employee-reader';
import { PrioritySettings } from '../shared/priority-settings';
import { commandContext } from '../shared/request-context';

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

/** Publishes GapIdentified for every gap worth development not published before. */
export class IdentifyGapsCommand extends Command<{ identified: GapIdentified['data'][] }> {
  constructor(
    readonly actor: Actor,
    readonly employeeId: string,
    /** From the request's Idempotency-Key: a replay returns the gaps the first run published. */
    readonly commandId: string,
  ) {
    super();
  }
}

@CommandHandler(IdentifyGapsCommand)
export class IdentifyGapsHandler implements ICommandHandler<IdentifyGapsCommand> {
  constructor(
    private readonly store: AssessmentStore,
    private readonly settings: PrioritySettings,
  ) {}

  async execute({ actor, employeeId, commandId }: IdentifyGapsCommand) {
    const weighting = this.settings.weightingFor(actor.tenantId);
    const { events } = await this.store.onEmployee(
      employeeId,
      (reference) => ({ type: 'IdentifyGaps', data: { employeeId, weighting, reference } }),
      commandContext(actor, commandId),
    );
    return {
      identified: events.flatMap((event) => (event.type === 'GapIdentified' ? [event.data] : [])),
    };
  }
}
