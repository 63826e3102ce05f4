import { Controller, Get, Inject, NotFoundException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  developmentHistory,
  factsDocumentId,
  type EmployeeFacts,
} from '@talentloop/analytics-domain';
import { CurrentActor, IdParam, problem, type Actor } from '@talentloop/service-kit';
import type { ReadModelStore } from '@talentloop/read-models';
import { READ_MODEL_STORE } from '@talentloop/service-kit';
import { FactsView } from '../projections/facts-view';
import { text } from '@talentloop/i18n';

@ApiTags('analytics')
@Controller('analytics')
export class EmployeeHistoryController {
  constructor(
    private readonly view: FactsView,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  @Get('employees/:employeeId/history')
  @ApiOperation({
    summary: "An employee's development history (the employee, their manager, HR and admins)",
  })
  async history(@CurrentActor() actor: Actor, @IdParam('employeeId') employeeId: string) {
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
