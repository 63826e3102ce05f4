import { ApiProperty } from '@nestjs/swagger';
import { expectedCheckInMinutes } from '@talentloop/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { Ids, OptionalText, Text } from '../shared/goal-content.dto';

class AnswersDto {
  @Text(2000, 'What did you do since the last check-in?') whatWasDone!: string;
  @Text(2000, 'What goes well and what is hard?') whatGoesWellAndWhatIsHard!: string;
  @Text(2000, 'What will you do next?') whatIsNext!: string;
}

export class LogCheckInDto {
  // ValidateNested alone lets a missing object through.
  @ApiProperty({ type: AnswersDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AnswersDto)
  answers!: AnswersDto;
  @ApiProperty({
    minimum: 1,
    maximum: 240,
    description: `${expectedCheckInMinutes.min}–${expectedCheckInMinutes.max} minutes expected; recorded as given, and flagged as short or long in the goal's history when outside that range`,
  })
  @IsInt()
  @Min(1)
  @Max(240)
  durationMinutes!: number;
  @Ids(20) actionsTicked!: string[];
  @OptionalText(
    2000,
    "The manager's own notes on the check-in (personal data, sealed); only the manager or an HR delegate writes them, never the employee (403)",
  )
  managerNotes?: string;
}

export class OverdueCheckInsQueryDto {
  @ApiProperty({
    enum: ['mine', 'reports'],
    description: "`mine`: the caller's own goals; `reports`: their direct reports' goals",
  })
  @IsIn(['mine', 'reports'])
  scope!: 'mine' | 'reports';
}
