import { Inject, NotFoundException } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  developmentHistory,
  factsDocumentId,
  type EmployeeFacts,
} from '@talentloop/analytics-domain';
import { text } from '@talentloop/i18n';
import type { ReadModelStore } from '@talentloop/read-models';
import { problem, READ_MODEL_STORE, type Actor } from '@talentloop/service-kit';
import { FactsView } from '../projections/facts-view';

type EmployeeHistory = ReturnType<typeof developmentHistory> & { readonly asOf: string };

export class EmployeeHistoryQuery extends Query<EmployeeHistory> {
  constructor(
    readonly actor: Actor,
    readonly employeeId: string,
  ) {
    super();
  }
}

/** The history is read from the store: the in-memory view drops histories. */
@QueryHandler(EmployeeHistoryQuery)
export class EmployeeHistoryHandler implements IQueryHandler<EmployeeHistoryQuery> {
  constructor(
    private readonly view: FactsView,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  async execute({ actor, employeeId }: EmployeeHistoryQuery): Promise<EmployeeHistory> {
    this.view.assertReady();
    const collection = this.view.activeCollection;
    const id = factsDocumentId(actor.tenantId, employeeId);
    const stored =
      collection === undefined
        ? undefined
        : (await this.readModels.load<EmployeeFacts>(collection, [id])).get(id);
    if (!stored)
      throw new NotFoundException(
        problem(404, 'NOT_FOUND', text('analytics.noHistory', { employeeId })),
      );
    return { asOf: this.view.asOf, ...developmentHistory(stored.doc) };
  }
}
