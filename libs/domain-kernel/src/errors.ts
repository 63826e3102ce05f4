import { render, type Language, type Text } from '@talentloop/i18n';

/**
 * How a broken rule reads at the edge: `conflict` (409, the state does not allow it),
 * `invalid` (422, the input breaks a rule), `not_found` (404), `forbidden` (403).
 */
export type DomainErrorKind = 'conflict' | 'invalid' | 'not_found' | 'forbidden';

/**
 * A rule of the domain said no. Carries a stable code and, where useful, the current state.
 * Given as a catalogue text, its message is English and the edge can say it in the reader's
 * language (`messageIn`); a plain string reads the same in every language.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  abstract readonly code: string;
  readonly text: Text | undefined;
  constructor(
    message: string | Text,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(typeof message === 'string' ? message : render('en', message));
    this.name = new.target.name;
    this.text = typeof message === 'string' ? undefined : message;
  }

  /** The message in the language, for a person to read. */
  messageIn(language: Language): string {
    return this.text === undefined ? this.message : render(language, this.text);
  }

  /** The details in the language; errors whose details hold texts say them in it. */
  detailsIn(_language: Language): Readonly<Record<string, unknown>> {
    return this.details;
  }
}
