import { Optional } from '@talentloop/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';

export class RecordMotivationDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 = drains energy, 5 = gives energy' })
  @IsInt()
  @Min(1)
  @Max(5)
  energy!: number;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Why, in the employee’s words' })
  @Optional()
  @IsString()
  @Length(1, 1000)
  note?: string;
}
