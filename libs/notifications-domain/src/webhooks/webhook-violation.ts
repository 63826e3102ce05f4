import type { Violation } from '@talentloop/contracts';
import { DomainError } from '@talentloop/domain-kernel';

/** Stable machine codes of the webhook rules; clients branch on them, so they never change. */
export type WebhookViolationCode =
  | 'WEBHOOK_URL_MALFORMED'
  | 'WEBHOOK_URL_TOO_LONG'
  | 'WEBHOOK_URL_SCHEME_NOT_ALLOWED'
  | 'WEBHOOK_URL_WITHOUT_HOST'
  | 'WEBHOOK_URL_WITH_CREDENTIALS'
  | 'WEBHOOK_URL_WITH_FRAGMENT'
  | 'WEBHOOK_TARGET_NOT_PUBLIC'
  | 'WEBHOOK_TARGET_UNRESOLVED'
  | 'WEBHOOK_TARGET_ADDRESS_INVALID'
  | 'WEBHOOK_EVENT_TYPES_EMPTY'
  | 'WEBHOOK_EVENT_TYPES_TOO_MANY'
  | 'WEBHOOK_EVENT_TYPE_MALFORMED'
  | 'WEBHOOK_EVENT_TYPE_UNKNOWN'
  | 'WEBHOOK_EVENT_TYPE_DUPLICATE'
  | 'WEBHOOK_SECRET_MALFORMED'
  | 'WEBHOOK_SECRET_SIZE'
  | 'WEBHOOK_DESCRIPTION_TOO_LONG';

/**
 * One broken webhook rule: the field (dotted path) it concerns, its stable code and the reason
 * for a person (`message`). The shape of a problem document's field errors, plus the code.
 */
export interface WebhookViolation extends Violation {
  readonly code: WebhookViolationCode;
}

export const webhookViolation = (
  field: string,
  code: WebhookViolationCode,
  message: string,
): WebhookViolation => ({ field, code, message });

/** The subscription (or its target) breaks one or more rules; every broken rule is listed. */
export class InvalidWebhookSubscription extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'INVALID_WEBHOOK_SUBSCRIPTION';
  constructor(readonly violations: readonly WebhookViolation[]) {
    super(`the webhook subscription breaks ${violations.length} rule(s)`, { errors: violations });
  }
}
