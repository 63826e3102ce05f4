import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentActor, requireRole, type Actor } from '@talentloop/service-kit';
import { dateOf, REMEASUREMENT_LEAD_DAYS } from '@talentloop/planning-domain';
import { IsIn } from 'class-validator';
import { GoalCommands } from '../shared/goal-commands';

export class RemeasurementsDueQueryDto {
  @ApiProperty({
    enum: ['reports', 'tenant'],
    description: "`reports`: the caller's direct reports' goals; `tenant`: every goal (HR only)",
  })
  @IsIn(['reports', 'tenant'])
  scope!: 'reports' | 'tenant';
}

@ApiTags('goals')
@Controller('remeasurements')
export class RemeasurementsDueController {
  constructor(private readonly goals: GoalCommands) {}

  @Get('due')
  @ApiOperation({
    summary: 'Goals whose remeasurement is due or overdue: what to schedule',
    description: `An active goal is listed from ${REMEASUREMENT_LEAD_DAYS} days before its deadline (\`due\`) and after it while no measurement evaluated it (\`overdue\`), with the instruments its criteria name, its frozen baseline and its latest progress.`,
  })
  async due(@CurrentActor() actor: Actor, @Query() { scope }: RemeasurementsDueQueryDto) {
    if (scope === 'tenant') requireRole(actor, 'hr');
    const today = dateOf(this.goals.clock.now());
    await this.goals.directory.fresh();
    return this.goals.directory.remeasurementsDue(
      actor.tenantId,
      today,
      scope === 'reports' ? { managerId: actor.userId } : {},
    );
  }
}
