import { DomainError } from '@talentloop/domain-kernel';

/** No subscription with this id in the tenant, or it was deleted (`deletedAt` in the details). */
export class WebhookSubscriptionNotFound extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'WEBHOOK_SUBSCRIPTION_NOT_FOUND';
}

/** A subscription with this id exists, or existed: ids are never reused. */
export class WebhookSubscriptionExists extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'WEBHOOK_SUBSCRIPTION_EXISTS';
}

/** The previous secret's overlap is not a whole number of seconds within the allowed range. */
export class InvalidSecretOverlap extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'WEBHOOK_SECRET_OVERLAP_INVALID';
}
