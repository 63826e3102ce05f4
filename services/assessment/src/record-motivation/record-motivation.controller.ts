import { Body, Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor, IdParam } from '@talentloop/service-kit';
import { RecordMotivationDto } from './record-motivation.dto';
import { RecordMotivationCommand } from './record-motivation.handler';

@ApiTags('motivation')
@Controller('employees/:employeeId/motivations/:competencyId')
export class RecordMotivationController {
  constructor(private readonly commands: CommandBus) {}

  @Put()
  @ApiOperation({
    summary: 'The employee records their own energy (1–5) for developing a competency',
  })
  record(
    @CurrentActor() actor: Actor,
    @IdParam('employeeId') employeeId: string,
    @IdParam('competencyId') competencyId: string,
    @Body() body: RecordMotivationDto,
  ) {
    // Motivation is the employee's own say; HR may enter it on their behalf.
    return this.commands.execute(
      new RecordMotivationCommand(actor, employeeId, competencyId, body),
    );
  }
}
