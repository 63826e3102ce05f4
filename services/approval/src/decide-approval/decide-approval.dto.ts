import { Optional } from '@talentloop/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, MaxLength, Min } from 'class-validator';

const cadences = ['weekly', 'fortnightly', 'monthly'] as const;

class DecisionDto {
  @ApiPropertyOptional({
    description:
      'The submission decided on; a newer submission makes the decision stale (409). Not used for an adjustment',
    minimum: 1,
  })
  @Optional()
  @IsInt()
  @Min(1)
  submissionNumber?: number;
}

export class ApproveGoalDto extends DecisionDto {
  @ApiPropertyOptional({
    enum: cadences,
    description:
      'How often check-ins on the goal are held: required for a submitted goal, not sent for an adjustment (422)',
  })
  @Optional()
  @IsIn(cadences)
  checkInCadence?: (typeof cadences)[number];

  @ApiPropertyOptional({ maxLength: 2000, description: 'Note from the manager to the employee' })
  @Optional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RejectGoalDto extends DecisionDto {
  @ApiProperty({
    minLength: 20,
    maxLength: 2000,
    description:
      'What the employee should change; empty or placeholder feedback is refused. On an adjustment at most 1000 characters: it becomes the reason of the refusal',
  })
  @IsString()
  @MaxLength(2000)
  feedback!: string;
}
