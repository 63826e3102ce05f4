import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ID_PATTERN } from '@talentloop/http';

export class StartPlanDto {
  @ApiProperty({ description: 'Employee the plan belongs to' })
  @Matches(ID_PATTERN)
  employeeId!: string;

  @ApiProperty({ description: 'Development cycle, e.g. "2026-H1"' })
  @Matches(ID_PATTERN)
  cycle!: string;
}
