import { DomainError } from '@talentloop/domain-kernel';

export class ApprovalRequestNotFound extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'APPROVAL_REQUEST_NOT_FOUND';
}

/** The request is not awaiting a decision (already decided, or waiting for a revision). */
export class ApprovalNotPending extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'APPROVAL_NOT_PENDING';
}

/** The decision names a submission that is no longer the one awaiting a decision. */
export class StaleSubmission extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'STALE_SUBMISSION';
}

export class NotAllowedToDecide extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'NOT_ALLOWED_TO_DECIDE';
}

/** The request belongs to another organisation than the caller's. */
export class OtherTenant extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'OTHER_TENANT';
}

export class FeedbackTooVague extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'FEEDBACK_TOO_VAGUE';
}

/** Feedback on an adjustment becomes planning's refusal reason, which is shorter. */
export class FeedbackTooLong extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'FEEDBACK_TOO_LONG';
}

/** A submission is approved with a check-in cadence; an adjustment keeps the goal's. */
export class CheckInCadenceMismatch extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'CHECK_IN_CADENCE_MISMATCH';
}
