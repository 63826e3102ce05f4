import type { Violation } from './violation';

/**
 * Something does not match its contract: an event, an envelope or a stream or topic name.
 * Never retriable: the same bytes fail the same way, so a consumer dead-letters at once.
 */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
  readonly retriable = false;

  constructor(
    subject: string,
    readonly violations: readonly Violation[],
  ) {
    super(
      `${subject}: ${violations.map((violation) => `${violation.field} ${violation.message}`).join('; ')}`,
    );
  }
}
