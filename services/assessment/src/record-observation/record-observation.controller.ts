import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, type Actor } from '@talentloop/service-kit';
import { ObservationDto } from './record-observation.dto';
import { RecordObservationCommand } from './record-observation.handler';

@ApiTags('measurements')
@Controller()
export class RecordObservationController {
  constructor(private readonly commands: CommandBus) {}

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
  record(
    @CurrentActor() actor: Actor,
    @IdParam('employeeId') employeeId: string,
    @Body() body: ObservationDto,
  ) {
    return this.commands.execute(new RecordObservationCommand(actor, employeeId, body));
  }
}
