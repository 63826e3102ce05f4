import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor } from '@talentloop/service-kit';
import {
  measurementCommandId,
  outcomeOf,
  type MeasurementOutcome,
} from '../record-measurement/measurement';
import { AssessmentCommands } from '../shared/assessment-commands';
import { contentId } from '../shared/content-id';
import { ObservationDto } from './record-observation.dto';

@ApiTags('measurements')
@Controller()
export class RecordObservationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly assessment: AssessmentCommands,
  ) {}

  @Post('employees/:employeeId/observations')
  @ApiOperation({
    summary: "The manager records what they observed of their report's behaviour",
    description:
      'A measurement with the instrument manager-observation (less robust): a behaviour score and optional indicator scores, no aptitude — the latest measured aptitude of the competency is kept, as for a 360° round. recordAs: remeasurement compares it with the latest measurement and publishes Remeasured. The employee’s current manager or HR records it, never the employee themself; sending the same observation again changes nothing.',
  })
  @ApiResponse({ status: 404, description: 'The employee is not synced' })
  @ApiResponse({
    status: 409,
    description: 'The role has no profile, or (remeasurement) there is no baseline',
  })
  @ApiResponse({
    status: 422,
    description:
      'Score off 0–100, unknown competency or indicator, or no measured aptitude to keep',
  })
  async record(
    @CurrentActor() actor: Actor,
    @IdParam('employeeId') employeeId: string,
    @Body() body: ObservationDto,
  ): Promise<MeasurementOutcome> {
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
    const { state } = await this.commands.execute(
      this.assessment.onEmployee(
        actor,
        employeeId,
        (_state, reference) => ({
          type: 'RecordObservation',
          data: {
            observation: { measurementId, ...content },
            observedBy: actor.userId,
            recordAs,
            reference,
          },
        }),
        measurementCommandId('RecordObservation', measurementId),
      ),
    );
    return outcomeOf(state, measurementId);
  }
}
