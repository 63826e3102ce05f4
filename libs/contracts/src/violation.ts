/** One thing wrong with an event: the field (dotted path) and what is wrong with it. */
export interface Violation {
  readonly field: string;
  readonly message: string;
}
