import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ID_PATTERN } from '@talentloop/http';
import { TargetDto } from '../shared/goal-content.dto';

export class DraftGoalDto {
  @ApiPropertyOptional({ description: 'Gap (from assessment) the goal addresses' })
  @IsOptional()
  @Matches(ID_PATTERN)
  gapId?: string;

  @ApiPropertyOptional({ type: TargetDto, description: 'Target when there is no gap' })
  @IsOptional()
  // ValidateNested alone passes an array in place of the object.
  @IsObject()
  @ValidateNested()
  @Type(() => TargetDto)
  target?: TargetDto;

  @ApiPropertyOptional({ enum: ['nl', 'en'], description: "Defaults to the employee's language" })
  @IsOptional()
  @IsIn(['nl', 'en'])
  language?: 'nl' | 'en';

  @ApiPropertyOptional({ description: 'Why the employee wants this' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  motivationNote?: string;
}
