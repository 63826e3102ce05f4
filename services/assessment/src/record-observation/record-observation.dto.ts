import { ApiProperty } from '@nestjs/swagger';
import { IsId, IsIsoDateOrTime, IsListOf } from '@talentloop/service-kit';
import { IsIn } from 'class-validator';
import { IndicatorScoreDto } from '../record-measurement/record-measurement.dto';
import { IsScore } from '../shared/validation';

export const observationUses = ['measurement', 'remeasurement'] as const;

/** What a manager saw of their report at work: behaviour, never aptitude. */
export class ObservationDto {
  @IsId('Competency observed') competencyId!: string;

  @IsScore('The behaviour the manager saw, 0–100') behaviour!: number;

  @IsListOf(IndicatorScoreDto, { max: 30 })
  indicatorScores!: IndicatorScoreDto[];

  @IsIsoDateOrTime('When the behaviour was observed (ISO-8601)')
  observedAt!: string;

  @ApiProperty({
    enum: observationUses,
    description:
      '`measurement`: one more (less robust) measurement; `remeasurement`: compared with the latest measurement of the competency, as a remeasurement, and published as Remeasured (less robust)',
  })
  @IsIn(observationUses)
  recordAs!: (typeof observationUses)[number];
}
