import { Body, Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MotivationRecorded } from '@talentloop/contracts';
import { CurrentActor, type Actor, IdParam } from '@talentloop/service-kit';
import { AssessmentCommands } from '../shared/assessment-commands';
import { RecordMotivationDto } from './record-motivation.dto';

@ApiTags('motivation')
@Controller('employees/:employeeId/motivations/:competencyId')
export class RecordMotivationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly assessment: AssessmentCommands,
  ) {}

  @Put()
  @ApiOperation({
    summary: 'The employee records their own energy (1–5) for developing a competency',
  })
  async record(
    @CurrentActor() actor: Actor,
    @IdParam('employeeId') employeeId: string,
    @IdParam('competencyId') competencyId: string,
    @Body() { energy, note }: RecordMotivationDto,
  ): Promise<MotivationRecorded['data'] | undefined> {
    // Motivation is the employee's own say; HR may enter it on their behalf.
    const { state } = await this.commands.execute(
      this.assessment.onEmployee(actor, employeeId, (_state, reference) => ({
        type: 'RecordMotivation',
        data: { employeeId, competencyId, energy, note, reference },
      })),
    );
    return state.status === 'synced' ? state.motivations[competencyId] : undefined;
  }
}
