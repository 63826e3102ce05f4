import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNumber,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { criterionEvidenceKinds, measurementInstruments } from '@talentloop/contracts';
import type { GoalChanges, SuccessCriterion } from '@talentloop/planning-domain';
import { ID_PATTERN, IsCalendarDate, Optional } from '@talentloop/service-kit';
import { JSONSchema } from 'class-validator-jsonschema';

const targetKinds = ['competency', 'skill', 'certification', 'knowledge-area'] as const;
export const actionKinds = ['on-the-job', 'learning-from-others', 'formal-learning'] as const;
const metrics = ['behaviour-score', 'indicator-score', 'observed-behaviour'] as const;
const criterionKinds = ['measured', 'evidence'] as const;

/** Non-empty text up to `maxLength`, as the contracts' Text bounds it. */
export const Text = (maxLength: number, description?: string) =>
  applyDecorators(
    ApiProperty({ minLength: 1, maxLength, ...(description ? { description } : {}) }),
    IsString(),
    MinLength(1),
    MaxLength(maxLength),
  );

export const OptionalText = (maxLength: number, description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ minLength: 1, maxLength, ...(description ? { description } : {}) }),
    Optional(),
    IsString(),
    MinLength(1),
    MaxLength(maxLength),
  );

/**
 * A list of ids (indicators, ticked actions), each one storable under the contracts, none
 * twice (the contracts refuse duplicates: accepted here, the append failed with 422).
 */
export const Ids = (maxItems: number) =>
  applyDecorators(
    ApiProperty({ type: [String] }),
    IsArray(),
    ArrayMaxSize(maxItems),
    ArrayUnique(),
    Matches(ID_PATTERN, { each: true }),
  );

export class TargetDto {
  @ApiProperty({ enum: targetKinds }) @IsIn(targetKinds) kind!: (typeof targetKinds)[number];
  @ApiProperty() @Matches(ID_PATTERN) competencyId!: string;
  @Ids(30) indicatorIds!: string[];
}

const isEvidence = (criterion: CriterionDto) => criterion.kind === 'evidence';
const isMeasured = (criterion: CriterionDto) => criterion.kind !== 'evidence';

/**
 * A success criterion: `measured` (the default when `kind` is absent, as before evidence
 * criteria) with instrument, metric, indicators and target; or `evidence`, met when the employee
 * records the evidence it names (skill, certification and knowledge-area goals only). The
 * fields each kind needs are said to OpenAPI at class level, as validation enforces them.
 */
@JSONSchema({
  anyOf: [
    {
      properties: { kind: { enum: ['measured'] } },
      required: ['instrument', 'metric', 'indicatorIds', 'target'],
    },
    { properties: { kind: { enum: ['evidence'] } }, required: ['kind', 'evidence'] },
  ],
})
export class CriterionDto {
  @ApiPropertyOptional({ enum: criterionKinds, default: 'measured' })
  @Optional()
  @IsIn(criterionKinds)
  kind?: (typeof criterionKinds)[number];
  @ApiProperty() @Matches(ID_PATTERN) criterionId!: string;
  @ApiPropertyOptional({ enum: measurementInstruments, description: 'Measured criteria only' })
  @ValidateIf(isMeasured)
  @IsIn(measurementInstruments)
  instrument?: (typeof measurementInstruments)[number];
  @ApiPropertyOptional({ enum: metrics, description: 'Measured criteria only' })
  @ValidateIf(isMeasured)
  @IsIn(metrics)
  metric?: (typeof metrics)[number];
  @ApiPropertyOptional({ type: [String], description: 'Measured criteria only' })
  @ValidateIf(isMeasured)
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @Matches(ID_PATTERN, { each: true })
  indicatorIds?: string[];
  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Measured criteria only' })
  @ValidateIf(isMeasured)
  @IsNumber()
  @Min(0)
  @Max(100)
  target?: number;
  @ApiPropertyOptional({
    enum: criterionEvidenceKinds,
    description: 'Evidence criteria only: what proves it',
  })
  @ValidateIf(isEvidence)
  @IsIn(criterionEvidenceKinds)
  evidence?: (typeof criterionEvidenceKinds)[number];
  @Text(500) description!: string;
}

/**
 * The criterion as the domain reads it; fields of the other kind are dropped. Validation has
 * made sure the fields of its own kind are there.
 */
export const criterionOf = (dto: CriterionDto): SuccessCriterion =>
  dto.kind === 'evidence'
    ? {
        kind: 'evidence',
        criterionId: dto.criterionId,
        description: dto.description,
        evidence: dto.evidence ?? 'certificate',
      }
    : {
        kind: 'measured',
        criterionId: dto.criterionId,
        instrument: dto.instrument ?? 'assessment',
        metric: dto.metric ?? 'behaviour-score',
        indicatorIds: dto.indicatorIds ?? [],
        target: dto.target ?? 0,
        description: dto.description,
      };

export class ActionDto {
  @ApiProperty() @Matches(ID_PATTERN) actionId!: string;
  @ApiProperty({ enum: actionKinds }) @IsIn(actionKinds) kind!: (typeof actionKinds)[number];
  @Text(2000, 'What the employee will do') description!: string;
  @Text(200, 'How often') frequency!: string;
  @ApiProperty({ description: 'Estimated hours over the whole goal' })
  @IsNumber()
  @Min(0.1)
  @Max(1000)
  estimatedHours!: number;
}

export class MilestoneDto {
  @Text(500) description!: string;
  @IsCalendarDate() dueOn!: string;
}

/** Changed fields of a goal, as the contracts' GoalChanges bounds them; at least one (NO_CHANGES). */
@JSONSchema({ minProperties: 1 })
export class GoalChangesDto {
  @OptionalText(200) title?: string;
  @ApiPropertyOptional({ type: TargetDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => TargetDto)
  target?: TargetDto;
  @OptionalText(2000) behaviour?: string;
  @OptionalText(2000) situation?: string;
  @ApiPropertyOptional({ type: [CriterionDto] })
  @Optional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  // ValidateNested alone passes an empty array in place of an item.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  successCriteria?: CriterionDto[];
  @ApiPropertyOptional({ type: [ActionDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ActionDto)
  actions?: ActionDto[];
  @ApiPropertyOptional({ type: [MilestoneDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones?: MilestoneDto[];
  @Optional() @IsCalendarDate() deadline?: string;
  @ApiPropertyOptional({ enum: ['nl', 'en'] }) @Optional() @IsIn(['nl', 'en']) language?:
    | 'nl'
    | 'en';
}

/** Only the fields the caller sent: absent ones must not overwrite the goal with undefined. */
export const changesOf = (dto: GoalChangesDto): GoalChanges => {
  const { successCriteria, ...rest } = dto;
  const sent = Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== undefined),
  ) as Omit<GoalChanges, 'successCriteria'>;
  return successCriteria === undefined
    ? sent
    : { ...sent, successCriteria: successCriteria.map(criterionOf) };
};
