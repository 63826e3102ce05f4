import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor, IdParam } from '@talentloop/service-kit';
import { AssessmentCommands } from '../shared/assessment-commands';
import {
  measurementCommandId,
  measurementInputOf,
  outcomeOf,
  type MeasurementOutcome,
} from './measurement';
import { MeasurementDto, RemeasurementDto } from './record-measurement.dto';

@ApiTags('measurements')
@ApiResponse({ status: 404, description: 'The employee is not synced' })
@ApiResponse({ status: 422, description: 'Score off 0–100, unknown competency or indicator' })
@Controller()
export class RecordMeasurementController {
  constructor(
    private readonly commands: CommandBus,
    private readonly assessment: AssessmentCommands,
  ) {}

  @Post('measurements')
  @ApiOperation({ summary: 'Record one measurement; sending the same one again changes nothing' })
  record(@CurrentActor() actor: Actor, @Body() body: MeasurementDto) {
    return this.measure(actor, 'RecordMeasurement', body);
  }

  @Post('employees/:employeeId/remeasurements')
  @ApiOperation({
    summary:
      'Remeasure a competency: compared with the baseline per competency and indicator; Remeasured is published',
  })
  @ApiResponse({ status: 409, description: 'There is no baseline measurement to compare with' })
  remeasure(
    @CurrentActor() actor: Actor,
    @IdParam('employeeId') employeeId: string,
    @Body() body: RemeasurementDto,
  ) {
    return this.measure(actor, 'Remeasure', { ...body, employeeId });
  }

  /** A measurement, or a remeasurement compared with its baseline. */
  private async measure(
    actor: Actor,
    kind: 'RecordMeasurement' | 'Remeasure',
    body: MeasurementDto,
  ): Promise<MeasurementOutcome> {
    const measurement = measurementInputOf(actor.tenantId, body);
    const { state } = await this.commands.execute(
      this.assessment.onEmployee(
        actor,
        measurement.employeeId,
        (_state, reference) => ({ type: kind, data: { measurement, reference } }),
        measurementCommandId(kind, measurement.measurementId),
      ),
    );
    return outcomeOf(state, measurement.measurementId);
  }
}
