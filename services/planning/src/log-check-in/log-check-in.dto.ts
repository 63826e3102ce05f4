import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ID_PATTERN } from '../shared/goal-content.dto';

class AnswersDto {
  @ApiProperty({ description: 'What did you do since the last check-in?' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  whatWasDone!: string;
  @ApiProperty({ description: 'What goes well and what is hard?' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  whatGoesWellAndWhatIsHard!: string;
  @ApiProperty({ description: 'What will you do next?' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  whatIsNext!: string;
}

export class LogCheckInDto {
  @ApiProperty({ type: AnswersDto }) @ValidateNested() @Type(() => AnswersDto) answers!: AnswersDto;
  @ApiProperty({
    minimum: 1,
    maximum: 240,
    description: '15–30 minutes expected; recorded as given',
  })
  @IsInt()
  @Min(1)
  @Max(240)
  durationMinutes!: number;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(ID_PATTERN, { each: true })
  actionsTicked!: string[];
}
