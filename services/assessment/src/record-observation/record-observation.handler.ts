import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Actor } from '@talentloop/service-kit';
import {
  measurementCommandId,
  outcomeOf,
  type MeasurementOutcome,
} from '../record-measurement/record-measurement.handler';
import { AssessmentStore } from '../shared/assessment-store';
import { commandContext, contentId } from '../shared/request-context';
import type { ObservationDto } from './record-observation.dto';

/** A manager observation of an employee, as a measurement or as the remeasurement. */
export class RecordObservationCommand extends Command<MeasurementOutcome> {
  constructor(
    readonly actor: Actor,
    readonly employeeId: string,
    readonly body: ObservationDto,
  ) {
    super();
  }
}

@CommandHandler(RecordObservationCommand)
export class RecordObservationHandler implements ICommandHandler<RecordObservationCommand> {
  constructor(private readonly store: AssessmentStore) {}

  async execute({ actor, employeeId, body }: RecordObservationCommand) {
    const { competencyId, behaviour, observedAt, recordAs } = body;
    const indicatorScores = body.indicatorScores.map(({ indicatorId, score }) => ({
      indicatorId,
      score,
    }));
    const content = {
      employeeId,
      competencyId,
      behaviour,
      indicatorScores,
      measuredAt: observedAt,
    };
    // Like any measurement, its id is its content: the same observation sent again is a retry.
    const measurementId = contentId('msr', actor.tenantId, {
      ...content,
      instrument: 'manager-observation',
    });
    const { state } = await this.store.onEmployee(
      employeeId,
      (reference) => ({
        type: 'RecordObservation',
        data: {
          observation: { measurementId, ...content },
          observedBy: actor.userId,
          recordAs,
          reference,
        },
      }),
      commandContext(actor, measurementCommandId('RecordObservation', measurementId)),
    );
    return outcomeOf(state, measurementId);
  }
}
