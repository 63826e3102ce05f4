import { Optional } from '@talentloop/service-kit';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';

/**
 * The query of GET /replay/events. Only the shape is checked here (strings, no unknown
 * parameters); parseReplayRange checks the values and their combination.
 */
export class ReplayQueryDto {
  @ApiPropertyOptional({
    description:
      'Resume strictly after this global position (the `sequence` of the last event seen). Not with `from`.',
    example: '1042',
    pattern: '^[0-9]{1,20}$',
  })
  @Optional()
  @IsString()
  after?: string;

  @ApiPropertyOptional({
    description:
      'Start at the first event recorded at or after this ISO-8601 time. Not with `after`.',
    example: '2026-01-12T00:00:00Z',
  })
  @Optional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({
    description: 'Comma-separated event types (e.g. `GoalApproved,GoalRejected`); all by default',
  })
  @Optional()
  @IsString()
  types?: string;

  @ApiPropertyOptional({
    description: 'At most this many events; unlimited by default',
    pattern: '^[1-9][0-9]{0,8}$',
  })
  @Optional()
  @IsString()
  limit?: string;
}
