import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { measurementInstruments } from '@talentloop/contracts';
import { ID_PATTERN } from '@talentloop/http';

const targetKinds = ['competency', 'skill', 'certification', 'knowledge-area'] as const;
export const actionKinds = ['on-the-job', 'learning-from-others', 'formal-learning'] as const;
const metrics = ['behaviour-score', 'indicator-score', 'observed-behaviour'] as const;

/** Non-empty text up to `maxLength`, as the contracts' Text bounds it. */
export const Text = (maxLength: number, description?: string) =>
  applyDecorators(
    ApiProperty({ minLength: 1, maxLength, ...(description ? { description } : {}) }),
    IsString(),
    MinLength(1),
    MaxLength(maxLength),
  );

const OptionalText = (maxLength: number) =>
  applyDecorators(
    ApiPropertyOptional({ minLength: 1, maxLength }),
    IsOptional(),
    IsString(),
    MinLength(1),
    MaxLength(maxLength),
  );

/** A list of ids (indicators, ticked actions), each one storable under the contracts. */
export const Ids = (maxItems: number) =>
  applyDecorators(
    ApiProperty({ type: [String] }),
    IsArray(),
    ArrayMaxSize(maxItems),
    Matches(ID_PATTERN, { each: true }),
  );

/** A calendar date, YYYY-MM-DD, that exists. */
const CalendarDate = () =>
  applyDecorators(Matches(/^\d{4}-\d{2}-\d{2}$/), IsISO8601({ strict: true }));

export class TargetDto {
  @ApiProperty({ enum: targetKinds }) @IsIn(targetKinds) kind!: (typeof targetKinds)[number];
  @ApiProperty() @Matches(ID_PATTERN) competencyId!: string;
  @Ids(30) indicatorIds!: string[];
}

export class CriterionDto {
  @ApiProperty() @Matches(ID_PATTERN) criterionId!: string;
  @ApiProperty({ enum: measurementInstruments })
  @IsIn(measurementInstruments)
  instrument!: (typeof measurementInstruments)[number];
  @ApiProperty({ enum: metrics }) @IsIn(metrics) metric!: (typeof metrics)[number];
  @Ids(30) indicatorIds!: string[];
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsNumber() @Min(0) @Max(100) target!: number;
  @Text(500) description!: string;
}

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
  @ApiProperty({ format: 'date' }) @CalendarDate() dueOn!: string;
}

/** Changed fields of a goal, as the contracts' GoalChanges bounds them. */
export class GoalChangesDto {
  @OptionalText(200) title?: string;
  @ApiPropertyOptional({ type: TargetDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TargetDto)
  target?: TargetDto;
  @OptionalText(2000) behaviour?: string;
  @OptionalText(2000) situation?: string;
  @ApiPropertyOptional({ type: [CriterionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  // ValidateNested alone passes an empty array in place of an item.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  successCriteria?: CriterionDto[];
  @ApiPropertyOptional({ type: [ActionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ActionDto)
  actions?: ActionDto[];
  @ApiPropertyOptional({ type: [MilestoneDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones?: MilestoneDto[];
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @CalendarDate() deadline?: string;
  @ApiPropertyOptional({ enum: ['nl', 'en'] }) @IsOptional() @IsIn(['nl', 'en']) language?:
    | 'nl'
    | 'en';
}

/** Only the fields the caller sent: absent ones must not overwrite the goal with undefined. */
export const changesOf = (dto: GoalChangesDto) =>
  Object.fromEntries(
    Object.entries(dto).filter(([, value]) => value !== undefined),
  ) as GoalChangesDto;
