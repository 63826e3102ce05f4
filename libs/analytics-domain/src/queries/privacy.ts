import { text, type Text } from '@talentloop/i18n';

/** No figure about a group smaller than 5 people: an organisation may raise it, never lower it. */
export const MIN_PRIVACY_THRESHOLD = 5;

export function privacyThreshold(configured: number | undefined): number {
  if (configured === undefined) return MIN_PRIVACY_THRESHOLD;
  if (!Number.isInteger(configured) || configured < MIN_PRIVACY_THRESHOLD) {
    throw new RangeError(
      `the privacy threshold must be a whole number of at least ${MIN_PRIVACY_THRESHOLD}, got ${configured}`,
    );
  }
  return configured;
}

export type Figure<Value> =
  | { readonly status: 'shown'; readonly people: number; readonly value: Value }
  /** Why, as a catalogue text: the edge says it in the reader's language. */
  | { readonly status: 'withheld'; readonly reason: Text };

/** A figure before it is published, with the size of its population kept for suppression. */
export interface Assessed<Value> {
  readonly people: number;
  readonly figure: Figure<Value>;
}

const TOTAL_WITHHELD_REASON = text('analytics.withheld.totalWithheld');
const SECONDARY_REASON = (threshold: number): Text =>
  text('analytics.withheld.secondary', { threshold });

export const withheld = (reason: Text): Figure<never> => ({ status: 'withheld', reason });

/**
 * Secondary suppression: with the total shown, one withheld row (or several that together
 * describe fewer people than the threshold) could be recovered as the total minus the
 * others, so the smallest shown rows are withheld too until that no longer works.
 */
export function suppressComplements<Row extends Assessed<unknown>>(
  total: Figure<unknown>,
  rows: readonly Row[],
  threshold: number,
): Row[] {
  const result = [...rows];
  // Rows add up to their total: shown rows under a withheld total would give it away.
  if (total.status !== 'shown')
    return result.map((row) =>
      row.figure.status === 'shown' ? { ...row, figure: withheld(TOTAL_WITHHELD_REASON) } : row,
    );
  for (;;) {
    const hidden = result.filter((row) => row.figure.status === 'withheld');
    const hiddenPeople = hidden.reduce((sum, row) => sum + row.people, 0);
    if (hidden.length === 0 || (hidden.length > 1 && hiddenPeople >= threshold)) return result;
    let smallest = -1;
    result.forEach((row, index) => {
      if (row.figure.status !== 'shown') return;
      if (smallest < 0 || row.people < result[smallest].people) smallest = index;
    });
    if (smallest < 0) return result;
    result[smallest] = {
      ...result[smallest],
      figure: withheld(SECONDARY_REASON(threshold)),
    };
  }
}
