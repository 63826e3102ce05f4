import { IsId, IsListOf } from '@talentloop/service-kit';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, Length, ValidateNested } from 'class-validator';

const kinds = ['competency', 'skill', 'certification', 'knowledge-area'] as const;

const IsText = (max: number) => Length(1, max);

export class LevelsDto {
  @ApiProperty() @IsString() @IsText(2000) '1'!: string;
  @ApiProperty() @IsString() @IsText(2000) '2'!: string;
  @ApiProperty() @IsString() @IsText(2000) '3'!: string;
  @ApiProperty() @IsString() @IsText(2000) '4'!: string;
  @ApiProperty() @IsString() @IsText(2000) '5'!: string;
}

export class IndicatorDto {
  @IsId('Behaviour indicator, stable across framework versions')
  indicatorId!: string;

  @ApiProperty() @IsString() @IsText(200) name!: string;

  @ApiProperty({ type: LevelsDto, description: 'Observable behaviour per proficiency level 1–5' })
  // ValidateNested alone lets a missing object through.
  @IsObject()
  @ValidateNested()
  @Type(() => LevelsDto)
  levels!: LevelsDto;
}

export class FacetDto {
  @IsId('Talent facet underlying aptitude') facetId!: string;
  @ApiProperty() @IsString() @IsText(200) name!: string;
  @ApiProperty() @IsString() @IsText(2000) description!: string;
}

export class CompetencyDto {
  @IsId('Competency, skill, certification or knowledge area') competencyId!: string;
  @ApiProperty() @IsString() @IsText(200) name!: string;
  @ApiProperty() @IsString() @IsText(2000) definition!: string;

  @ApiProperty({ enum: kinds })
  @IsIn(kinds)
  kind!: (typeof kinds)[number];

  @IsListOf(IndicatorDto, { max: 30 })
  indicators!: IndicatorDto[];

  @IsListOf(FacetDto, { max: 30 })
  facets!: FacetDto[];
}

export class PublishFrameworkDto {
  @ApiProperty() @IsString() @IsText(200) name!: string;

  @ApiProperty({ enum: ['nl', 'en'] })
  @IsIn(['nl', 'en'])
  language!: 'nl' | 'en';

  @IsListOf(CompetencyDto, { min: 1, max: 500 })
  competencies!: CompetencyDto[];
}
