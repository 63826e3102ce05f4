import { Inject, NotFoundException } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  developmentHistory,
  factsDocumentId,
  type EmployeeFacts,
} from '@talentloop/analytics-domain';
import { text } from '@talentloop/i18n';
import { ReadModelReader, type ReadModelStore } from '@talentloop/read-models';
import { problem, READ_MODEL_STORE, type Actor } from '@talentloop/service-kit';
import { employeeHistoryProjection } from '../projections/employee-facts.projection';
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

/** The history is its own read model, read from the store: the in-memory view has none. */
@QueryHandler(EmployeeHistoryQuery)
export class EmployeeHistoryHandler implements IQueryHandler<EmployeeHistoryQuery> {
  private readonly histories: ReadModelReader;

  constructor(
    private readonly view: FactsView,
    @Inject(READ_MODEL_STORE) readModels: ReadModelStore,
  ) {
    this.histories = new ReadModelReader(readModels);
  }

  async execute({ actor, employeeId }: EmployeeHistoryQuery): Promise<EmployeeHistory> {
    this.view.assertReady();
    const history = await this.histories.get<EmployeeFacts>(
      employeeHistoryProjection.name,
      factsDocumentId(actor.tenantId, employeeId),
    );
    if (!history)
      throw new NotFoundException(
        problem(404, 'NOT_FOUND', text('analytics.noHistory', { employeeId })),
      );
    return { asOf: this.view.asOf, ...developmentHistory(history) };
  }
}
