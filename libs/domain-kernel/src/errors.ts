/**
 * How a broken rule reads at the edge: `conflict` (409, the state does not allow it),
 * `invalid` (422, the input breaks a rule), `not_found` (404), `forbidden` (403).
 */
export type DomainErrorKind = 'conflict' | 'invalid' | 'not_found' | 'forbidden';

/** A rule of the domain said no. Carries a stable code and, where useful, the current state. */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  abstract readonly code: string;
  constructor(
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
