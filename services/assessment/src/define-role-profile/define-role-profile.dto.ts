import { IsId, IsListOf } from '@talentloop/service-kit';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNumber, IsPositive, IsString, Length, Max, Min } from 'class-validator';

export class RequiredCompetencyDto {
  @IsId('Competency of the framework') competencyId!: string;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'Proficiency level the role requires' })
  @IsInt()
  @Min(1)
  @Max(5)
  requiredLevel!: number;

  @ApiProperty({
    exclusiveMinimum: true,
    minimum: 0,
    maximum: 100,
    description: 'Impact on the role',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(100)
  weight!: number;
}

export class DefineRoleProfileDto {
  @ApiProperty() @IsString() @Length(1, 200) name!: string;

  @IsId('Framework whose latest version the profile is defined against')
  frameworkId!: string;

  @IsListOf(RequiredCompetencyDto, { min: 1, max: 100 })
  requiredCompetencies!: RequiredCompetencyDto[];
}
