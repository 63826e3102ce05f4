import { Controller, Get, Inject, NotFoundException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { streamAll, type EventStore, type RecordedEvent } from '@talentloop/event-store';
import { CurrentActor, EVENT_STORE, IdParam, problem, type Actor } from '@talentloop/service-kit';
import { isAbout, personExport, type PersonExport } from './person-export';
import { text } from '@talentloop/i18n';

@ApiTags('people')
@Controller('people/:employeeId/export')
export class PersonExportController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOperation({
    summary:
      "A person's data export as JSON: their plans, goals (actions, check-ins, adjustments, approval thread), measurements and gaps (the person, HR, admins)",
  })
  async export(
    @CurrentActor() actor: Actor,
    @IdParam('employeeId') employeeId: string,
  ): Promise<PersonExport & { readonly tenantId: string }> {
    const theirs: RecordedEvent[] = [];
    for await (const event of streamAll(this.store, { filter: { tenantId: actor.tenantId } }))
      if (isAbout(employeeId, event)) theirs.push(event);
    if (theirs.length === 0)
      throw new NotFoundException(
        problem(404, 'NOT_FOUND', text('analytics.noData', { employeeId })),
      );
    return { tenantId: actor.tenantId, ...personExport(employeeId, theirs) };
  }
}
