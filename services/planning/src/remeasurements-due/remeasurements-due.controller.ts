import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@talentloop/service-kit';
import { REMEASUREMENT_LEAD_DAYS } from '@talentloop/planning-domain';
import { IsIn } from 'class-validator';
import { RemeasurementsDueQuery } from './remeasurements-due.handler';

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
  constructor(private readonly queries: QueryBus) {}

  @Get('due')
  @ApiOperation({
    summary: 'Goals whose remeasurement is due or overdue: what to schedule',
    description: `An active goal is listed from ${REMEASUREMENT_LEAD_DAYS} days before its deadline (\`due\`) and after it while no measurement evaluated it (\`overdue\`), with the instruments its criteria name, its frozen baseline and its latest progress.`,
  })
  due(@CurrentActor() actor: Actor, @Query() { scope }: RemeasurementsDueQueryDto) {
    return this.queries.execute(new RemeasurementsDueQuery(actor, scope));
  }
}
