import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, Matches } from 'class-validator';
import { ID_PATTERN, Optional } from '@talentloop/service-kit';

export class StartPlanDto {
  @ApiProperty({ description: 'Employee the plan belongs to' })
  @Matches(ID_PATTERN)
  employeeId!: string;

  @ApiProperty({ description: 'Development cycle, e.g. "2026-H1"' })
  @Matches(ID_PATTERN)
  cycle!: string;

  @ApiProperty({
    required: false,
    type: [String],
    maxItems: 20,
    description:
      "Goals of the previous plan (the employee's latest) to carry over into this one: each must be unfinished (not evaluated, not withdrawn); the previous plan may be open or closed. Any other id refuses the whole request with 422 and nothing is started or carried. Nothing is carried unless named.",
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(ID_PATTERN, { each: true })
  carryOver?: string[];
}
