import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNumber,
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

/** The id pattern of the event contracts, so an id that passes here can be stored. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;
const targetKinds = ['competency', 'skill', 'certification', 'knowledge-area'] as const;
export const actionKinds = ['on-the-job', 'learning-from-others', 'formal-learning'] as const;
const metrics = ['behaviour-score', 'indicator-score', 'observed-behaviour'] as const;

export class TargetDto {
  @ApiProperty({ enum: targetKinds }) @IsIn(targetKinds) kind!: (typeof targetKinds)[number];
  @ApiProperty() @Matches(ID_PATTERN) competencyId!: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(ID_PATTERN, { each: true })
  indicatorIds!: string[];
}

export class CriterionDto {
  @ApiProperty() @Matches(ID_PATTERN) criterionId!: string;
  @ApiProperty({ enum: measurementInstruments })
  @IsIn(measurementInstruments)
  instrument!: (typeof measurementInstruments)[number];
  @ApiProperty({ enum: metrics }) @IsIn(metrics) metric!: (typeof metrics)[number];
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(ID_PATTERN, { each: true })
  indicatorIds!: string[];
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsNumber() @Min(0) @Max(100) target!: number;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) description!: string;
}

export class ActionDto {
  @ApiProperty() @Matches(ID_PATTERN) actionId!: string;
  @ApiProperty({ enum: actionKinds }) @IsIn(actionKinds) kind!: (typeof actionKinds)[number];
  @ApiProperty({ description: 'What the employee will do' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  description!: string;
  @ApiProperty({ description: 'How often' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  frequency!: string;
  @ApiProperty({ description: 'Estimated hours over the whole goal' })
  @IsNumber()
  @Min(0.1)
  @Max(1000)
  estimatedHours!: number;
}

export class MilestoneDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) description!: string;
  @ApiProperty({ format: 'date' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueOn!: string;
}

/** Changed fields of a goal, as the contracts' GoalChanges bounds them. */
export class GoalChangesDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) title?: string;
  @ApiPropertyOptional({ type: TargetDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetDto)
  target?: TargetDto;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  behaviour?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  situation?: string;
  @ApiPropertyOptional({ type: [CriterionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  successCriteria?: CriterionDto[];
  @ApiPropertyOptional({ type: [ActionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ActionDto)
  actions?: ActionDto[];
  @ApiPropertyOptional({ type: [MilestoneDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones?: MilestoneDto[];
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  deadline?: string;
  @ApiPropertyOptional({ enum: ['nl', 'en'] }) @IsOptional() @IsIn(['nl', 'en']) language?:
    | 'nl'
    | 'en';
}

/** Only the fields the caller sent: absent ones must not overwrite the goal with undefined. */
export const changesOf = (dto: GoalChangesDto) =>
  Object.fromEntries(
    Object.entries(dto).filter(([, value]) => value !== undefined),
  ) as GoalChangesDto;
