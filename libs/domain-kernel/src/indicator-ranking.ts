/** An indicator's score in one measurement. */
export interface ScoredIndicator {
  readonly indicatorId: string;
  readonly score: number;
}

/** How many indicators are named on each side. */
export const NAMED_INDICATORS = 3;

/**
 * The indicators a measurement shows weakest first and strongest first, at most three on each
 * side and never one indicator on both: the weak ones are what a goal targets, the strong ones
 * what it builds on. Ties are broken by id, so every context reads the same split.
 *
 * Assessment names them in a gap; planning bounds and checks a goal drafted without a gap by
 * the same split of the latest measurement.
 */
export const weakestAndStrongest = <Indicator extends ScoredIndicator>(
  scores: readonly Indicator[],
): { readonly weakest: Indicator[]; readonly strongest: Indicator[] } => {
  const sorted = [...scores].sort(
    (left, right) => left.score - right.score || left.indicatorId.localeCompare(right.indicatorId),
  );
  const perSide = Math.min(NAMED_INDICATORS, Math.ceil(sorted.length / 2));
  return {
    weakest: sorted.slice(0, perSide),
    strongest: sorted.slice(perSide).reverse().slice(0, perSide),
  };
};
