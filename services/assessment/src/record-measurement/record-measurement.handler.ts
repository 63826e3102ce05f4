import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type {
  EmployeeCommand,
  EmployeeState,
  MeasurementInput,
} from '@talentloop/assessment-domain';
import type { MeasurementRecorded, Remeasured } from '@talentloop/contracts';
import type { Actor } from '@talentloop/service-kit';
import { AssessmentStore } from '../shared/assessment-store';
import { commandContext, contentId } from '../shared/request-context';
import type { MeasurementDto } from './record-measurement.dto';

/** The id of a measurement is its content: the same scores sent again are the same measurement. */
export const measurementInputOf = (tenantId: string, body: MeasurementDto): MeasurementInput => {
  const { employeeId, competencyId, instrument, aptitude, behaviour, measuredAt } = body;
  const indicatorScores = body.indicatorScores.map(({ indicatorId, score }) => ({
    indicatorId,
    score,
  }));
  const facetScores = body.facetScores.map(({ facetId, score }) => ({ facetId, score }));
  const content = {
    employeeId,
    competencyId,
    instrument,
    aptitude,
    behaviour,
    indicatorScores,
    facetScores,
    measuredAt,
  };
  return { measurementId: contentId('msr', tenantId, content), ...content };
};

/** The same measurement under the same command id, whether sent alone or in an import. */
export const measurementCommandId = (kind: EmployeeCommand['type'], measurementId: string) =>
  `${kind}:${measurementId}`;

export interface MeasurementOutcome {
  readonly measurement: MeasurementRecorded['data'] | undefined;
  /** Only for a remeasurement: the evidence of growth. */
  readonly comparison?: Remeasured['data'];
}

/** A measurement, or a remeasurement compared with its baseline. */
export class RecordMeasurementCommand extends Command<MeasurementOutcome> {
  constructor(
    readonly actor: Actor,
    readonly kind: 'RecordMeasurement' | 'Remeasure',
    readonly body: MeasurementDto,
  ) {
    super();
  }
}

@CommandHandler(RecordMeasurementCommand)
export class RecordMeasurementHandler implements ICommandHandler<RecordMeasurementCommand> {
  constructor(private readonly store: AssessmentStore) {}

  async execute({ actor, kind, body }: RecordMeasurementCommand): Promise<MeasurementOutcome> {
    const measurement = measurementInputOf(actor.tenantId, body);
    const { state } = await this.store.onEmployee(
      measurement.employeeId,
      (reference): EmployeeCommand => ({ type: kind, data: { measurement, reference } }),
      commandContext(actor, measurementCommandId(kind, measurement.measurementId)),
    );
    return outcomeOf(state, measurement.measurementId);
  }
}

/** The measurement as recorded, and its comparison when it was a remeasurement. */
export const outcomeOf = (state: EmployeeState, measurementId: string): MeasurementOutcome => {
  if (state.status === 'unknown') return { measurement: undefined };
  const comparison = state.remeasurements.find(
    (compared) => compared.measurementId === measurementId,
  );
  return {
    measurement: state.measurements[measurementId],
    ...(comparison ? { comparison } : {}),
  };
};
