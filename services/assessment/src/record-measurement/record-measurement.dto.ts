import { IsId, IsIsoDateOrTime, IsListOf } from '@talentloop/service-kit';
import { ApiProperty } from '@nestjs/swagger';
import { OmitType } from '@nestjs/swagger';
import { measurementInstruments, type MeasurementInstrument } from '@talentloop/contracts';
import { IsIn } from 'class-validator';
import { IsScore } from '../shared/validation';

export class IndicatorScoreDto {
  @IsId('Behaviour indicator of the competency') indicatorId!: string;
  @IsScore('Score on the indicator') score!: number;
}

export class FacetScoreDto {
  @IsId('Talent facet of the competency') facetId!: string;
  @IsScore('Score on the facet') score!: number;
}

export class MeasurementDto {
  @IsId('Employee measured (their HRIS id)') employeeId!: string;
  @IsId('Competency measured') competencyId!: string;

  @ApiProperty({
    enum: measurementInstruments,
    description: 'Manager observation, mini-feedback and self-evaluation count as less robust',
  })
  @IsIn(measurementInstruments)
  instrument!: MeasurementInstrument;

  @IsScore('What the person can reach, from personality and cognitive tests') aptitude!: number;
  @IsScore('What the person shows now') behaviour!: number;

  @IsListOf(IndicatorScoreDto, { max: 30 })
  indicatorScores!: IndicatorScoreDto[];

  @IsListOf(FacetScoreDto, { max: 30 })
  facetScores!: FacetScoreDto[];

  @IsIsoDateOrTime('When the instrument was completed (ISO-8601)')
  measuredAt!: string;
}

/** A remeasurement names its employee in the path. */
export class RemeasurementDto extends OmitType(MeasurementDto, ['employeeId'] as const) {}
