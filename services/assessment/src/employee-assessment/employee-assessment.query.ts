import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type {
  Comparison,
  EmployeeRecord,
  FeedbackRound,
  Measurement,
} from '@talentloop/assessment-domain';
import type { MotivationRecorded } from '@talentloop/contracts';
import type { Actor } from '@talentloop/service-kit';
import { EmployeeReader } from '../shared/employee-reader';

export interface EmployeeAssessment {
  readonly employee: EmployeeRecord;
  /** The latest measurement per competency. */
  readonly measurements: readonly Measurement[];
  readonly motivations: readonly MotivationRecorded['data'][];
  /** Aggregated per rater group; individual answers are never kept. */
  readonly feedbackRounds: readonly FeedbackRound[];
  readonly remeasurements: readonly Comparison[];
}

export class GetEmployeeAssessmentQuery extends Query<EmployeeAssessment> {
  constructor(
    readonly actor: Actor,
    readonly employeeId: string,
  ) {
    super();
  }
}

@QueryHandler(GetEmployeeAssessmentQuery)
export class GetEmployeeAssessmentHandler implements IQueryHandler<GetEmployeeAssessmentQuery> {
  constructor(private readonly reader: EmployeeReader) {}

  async execute({ actor, employeeId }: GetEmployeeAssessmentQuery): Promise<EmployeeAssessment> {
    const employee = await this.reader.visibleTo(actor, employeeId);
    return {
      employee: employee.record,
      measurements: Object.values(employee.latest),
      motivations: Object.values(employee.motivations),
      feedbackRounds: employee.rounds,
      remeasurements: employee.remeasurements,
    };
  }
}
