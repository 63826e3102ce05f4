import { Inject, NotFoundException } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { streamAll, type EventStore, type RecordedEvent } from '@talentloop/event-store';
import { text } from '@talentloop/i18n';
import { EVENT_STORE, problem, type Actor } from '@talentloop/service-kit';
import { isAbout, personExport, type PersonExport } from './person-export';

type TenantExport = PersonExport & { readonly tenantId: string };

export class PersonExportQuery extends Query<TenantExport> {
  constructor(
    readonly actor: Actor,
    readonly employeeId: string,
  ) {
    super();
  }
}

/** Every event of the caller's tenant about the person, read from the store. */
@QueryHandler(PersonExportQuery)
export class PersonExportHandler implements IQueryHandler<PersonExportQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ actor, employeeId }: PersonExportQuery): Promise<TenantExport> {
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
