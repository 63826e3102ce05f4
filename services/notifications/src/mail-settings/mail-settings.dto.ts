import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, Matches, MaxLength } from 'class-validator';
import type { NotificationPreference } from '@talentloop/notifications-domain';

export const notificationPreferences: readonly NotificationPreference[] = [
  'off',
  'immediately',
  'daily-digest',
];

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
  @MaxLength(128, { each: true })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:@-]*$/, { each: true })
  employeeIds!: string[];
}
