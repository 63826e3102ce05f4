import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ID_PATTERN, Optional } from '@talentloop/service-kit';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { literalsOf, NotificationPreference } from '@talentloop/contracts';

export const notificationPreferences = literalsOf(NotificationPreference);

export class NotificationPreferenceDto {
  @ApiProperty({
    enum: notificationPreferences,
    description:
      'off: no e-mail; immediately: each notification as it happens; daily-digest: one e-mail a day',
  })
  @IsIn(notificationPreferences)
  preference!: NotificationPreference;
}

export class HrContactsDto {
  @ApiProperty({
    type: [String],
    maxItems: 20,
    description:
      'Employees of the tenant who receive the e-mails addressed to HR (approvals overdue, remeasurements due)',
    example: ['emp-0002'],
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @MaxLength(128, { each: true })
  @Matches(ID_PATTERN, { each: true })
  employeeIds!: string[];
}

export const mailStates = ['pending', 'sent', 'suppressed', 'dead'] as const;

export class MailLogQueryDto {
  @ApiPropertyOptional({
    enum: mailStates,
    description:
      'Only mails in this state; dead: refused for good by the mail server, kept failing for the retry window, or could not be written',
  })
  @Optional()
  @IsIn(mailStates)
  state?: (typeof mailStates)[number];

  @ApiPropertyOptional({ description: 'Only the mails to this person', example: 'emp-1001' })
  @Optional()
  @MaxLength(128)
  @Matches(ID_PATTERN)
  recipientId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
