import { IsId, IsIsoDateOrTime, IsListOf, Optional } from '@talentloop/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { raterGroups, type RaterGroup } from '@talentloop/assessment-domain';
import { IsIn, IsInt, IsNumber, Max, Min } from 'class-validator';
import { IsScore } from '../shared/validation';

export class RaterAnswerDto {
  @IsId('Rater; used only to count raters, never stored or shown') raterId!: string;

  @ApiProperty({ enum: raterGroups })
  @IsIn(raterGroups)
  group!: RaterGroup;

  @IsId('Behaviour indicator answered') indicatorId!: string;
  @IsScore('The rater’s score on the indicator') score!: number;
}

export class CloseFeedbackRoundDto {
  @IsId('360° round') roundId!: string;
  @IsId('Competency the round covered') competencyId!: string;

  @IsIsoDateOrTime('When the round closed (ISO-8601)')
  closedAt!: string;

  @ApiProperty({ minimum: 0, maximum: 1000 })
  @IsInt()
  @Min(0)
  @Max(1000)
  invitedCount!: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    description: 'Aptitude from tests; the latest measured aptitude is kept when absent',
  })
  @Optional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  aptitude?: number;

  @IsListOf(RaterAnswerDto, { min: 1, max: 30000 })
  answers!: RaterAnswerDto[];
}
