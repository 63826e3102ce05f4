import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  MAX_EVENT_TYPE_FILTER_ENTRIES,
  MAX_WEBHOOK_DESCRIPTION_LENGTH,
  MAX_SECRET_OVERLAP_SECONDS,
  MAX_WEBHOOK_URL_LENGTH,
} from '@talentloop/notifications-domain';
import { Optional } from '@talentloop/service-kit';

const EVENT_TYPE_MAX_LENGTH = 200;

/** Where deliveries are POSTed; its reach (public addresses) is checked beyond its shape. */
const WebhookUrl = (required: boolean) =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({
      description:
        'Where deliveries are POSTed: http(s), a public address (or one the operator allows)',
      format: 'uri',
      maxLength: MAX_WEBHOOK_URL_LENGTH,
    }),
    ...(required ? [] : [Optional()]),
    IsString(),
    MinLength(1),
    MaxLength(MAX_WEBHOOK_URL_LENGTH),
  );

/** The CloudEvents types to receive; which exist is checked beyond the shape. */
const EventTypes = (required: boolean) =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({
      description:
        'CloudEvents types to receive (talentloop.planning.GoalSubmitted.v3), a context (talentloop.planning.*) or * for all',
      type: [String],
      minItems: 1,
      maxItems: MAX_EVENT_TYPE_FILTER_ENTRIES,
      uniqueItems: true,
    }),
    ...(required ? [] : [Optional()]),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_EVENT_TYPE_FILTER_ENTRIES),
    ArrayUnique(),
    IsString({ each: true }),
    MinLength(1, { each: true }),
    MaxLength(EVENT_TYPE_MAX_LENGTH, { each: true }),
  );

/** What the subscription is for, for people; null clears it. */
const Description = () =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: MAX_WEBHOOK_DESCRIPTION_LENGTH, nullable: true }),
    Optional(),
    ValidateIf((_object, value) => value !== null),
    IsString(),
    MaxLength(MAX_WEBHOOK_DESCRIPTION_LENGTH),
  );

export class CreateWebhookSubscriptionDto {
  @WebhookUrl(true) url!: string;
  @EventTypes(true) eventTypes!: string[];
  @Description() description?: string | null;
}

export class ChangeWebhookSubscriptionDto {
  @WebhookUrl(false) url?: string;
  @EventTypes(false) eventTypes?: string[];
  @Description() description?: string | null;

  @ApiPropertyOptional({ description: 'false pauses deliveries; true resumes them' })
  @Optional()
  @IsBoolean()
  active?: boolean;
}

export class PersonalDataDto {
  @ApiProperty({
    enum: ['sealed', 'opened'],
    description:
      'sealed: personal fields go out as enc:v2:… ciphertext, as on the bus (the default); opened: as text, for a platform trusted with the people\'s data ("[erased]" once a person is erased)',
  })
  @IsIn(['sealed', 'opened'])
  personalData!: 'sealed' | 'opened';
}

/** A day by default: receivers have that long to start verifying with the new secret. */
export const DEFAULT_OVERLAP_SECONDS = 86_400;

export class RotateWebhookSecretDto {
  @ApiPropertyOptional({
    description:
      'How long the previous secret goes on signing beside the new one (0 revokes it at once)',
    minimum: 0,
    maximum: MAX_SECRET_OVERLAP_SECONDS,
    default: DEFAULT_OVERLAP_SECONDS,
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(MAX_SECRET_OVERLAP_SECONDS)
  overlapSeconds?: number;
}

export const deliveryStates = ['pending', 'waiting', 'delivered', 'dead'] as const;

export class DeliveriesQueryDto {
  @ApiPropertyOptional({ enum: deliveryStates, description: 'Only deliveries in this state' })
  @Optional()
  @IsIn(deliveryStates)
  state?: (typeof deliveryStates)[number];

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
