import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { GoalChangesDto } from '../shared/goal-content.dto';

export class AdjustGoalDto {
  @ApiProperty({ type: GoalChangesDto })
  // ValidateNested alone lets a missing object through (a 500 in the handler).
  @IsObject()
  @ValidateNested()
  @Type(() => GoalChangesDto)
  changes!: GoalChangesDto;
  @ApiProperty({ minLength: 10, maxLength: 1000 })
  @IsString()
  @MinLength(10)
  @MaxLength(1000)
  reason!: string;
}
