import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ID_PATTERN, Optional } from '@talentloop/service-kit';
import { JSONSchema } from 'class-validator-jsonschema';
import { TargetDto } from '../shared/goal-content.dto';

/** The controller refuses a draft naming neither (422 NO_TARGET); the schema says so too. */
@JSONSchema({ anyOf: [{ required: ['gapId'] }, { required: ['target'] }] })
export class DraftGoalDto {
  @ApiPropertyOptional({ description: 'Gap (from assessment) the goal addresses' })
  @Optional()
  @Matches(ID_PATTERN)
  gapId?: string;

  @ApiPropertyOptional({ type: TargetDto, description: 'Target when there is no gap' })
  @Optional()
  // ValidateNested alone passes an array in place of the object.
  @IsObject()
  @ValidateNested()
  @Type(() => TargetDto)
  target?: TargetDto;

  @ApiPropertyOptional({ enum: ['nl', 'en'], description: "Defaults to the employee's language" })
  @Optional()
  @IsIn(['nl', 'en'])
  language?: 'nl' | 'en';

  @ApiPropertyOptional({ description: 'Why the employee wants this' })
  @Optional()
  @IsString()
  @MaxLength(1000)
  motivationNote?: string;
}
