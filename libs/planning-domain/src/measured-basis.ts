import type { MeasurementInstrument } from '@talentloop/contracts';
import { weakestAndStrongest, type ScoredIndicator } from '@talentloop/domain-kernel';
import type { GoalContext, IndicatorScore } from './goal-content';

/** The latest measurement of one employee on one competency, whatever the instrument. */
export interface LatestMeasurement {
  readonly measurementId: string;
  readonly instrument: MeasurementInstrument;
  readonly aptitude: number;
  readonly behaviour: number;
  readonly indicatorScores: readonly ScoredIndicator[];
  readonly measuredAt: string;
}

/** What a gap says about the measurement it was read from and the role it was read against. */
export interface GapBasis {
  readonly measurementId: string;
  readonly aptitude: number;
  readonly behaviour: number;
  readonly weakestIndicators: readonly IndicatorScore[];
  readonly strongestIndicators: readonly IndicatorScore[];
  readonly requiredLevel: number;
}

/**
 * The level the employee's current role profile asks for the target: a level; `null` when the
 * profile is known and does not name the target; `undefined` when no profile is known.
 */
export type RoleRequirement = number | null | undefined;

export type MeasuredBasis = Pick<
  GoalContext,
  | 'aptitude'
  | 'behaviour'
  | 'weakestIndicators'
  | 'strongestIndicators'
  | 'requiredLevel'
  | 'measuredBy'
>;

const indicatorsOf = (scores: readonly ScoredIndicator[]) => {
  const { weakest, strongest } = weakestAndStrongest(
    scores.map(({ indicatorId, score }) => ({ indicatorId, score })),
  );
  return { weakestIndicators: weakest, strongestIndicators: strongest };
};

/**
 * What bounds and justifies a goal, whatever path drafted it.
 *
 * - Scores: the latest measurement the employee has on the target, if any, wins over the gap
 *   (a goal drafted from a target has no gap; a gap may predate a newer measurement). Without
 *   either nothing bounds the targets, and the SMART check says so.
 * - Requirement: the employee's current role profile when it is known (it may not name the
 *   target: then the target is not required), else the level of the gap's role.
 */
export const measuredBasisOf = (known: {
  readonly gap?: GapBasis;
  readonly latest?: LatestMeasurement;
  readonly roleRequirement: RoleRequirement;
}): MeasuredBasis => {
  const { gap, latest, roleRequirement } = known;
  const requiredLevel =
    roleRequirement !== undefined ? roleRequirement : (gap?.requiredLevel ?? null);
  if (latest)
    return {
      aptitude: latest.aptitude,
      behaviour: latest.behaviour,
      ...indicatorsOf(latest.indicatorScores),
      requiredLevel,
      measuredBy: {
        measurementId: latest.measurementId,
        instrument: latest.instrument,
        measuredAt: latest.measuredAt,
      },
    };
  if (gap)
    return {
      aptitude: gap.aptitude,
      behaviour: gap.behaviour,
      weakestIndicators: gap.weakestIndicators,
      strongestIndicators: gap.strongestIndicators,
      requiredLevel,
      measuredBy: { measurementId: gap.measurementId, instrument: null, measuredAt: null },
    };
  return {
    aptitude: null,
    behaviour: null,
    weakestIndicators: [],
    strongestIndicators: [],
    requiredLevel,
    measuredBy: null,
  };
};

/**
 * The facets the framework names for the target, each with the employee's score from the
 * measurement where it scored the facet; a score for a facet the framework does not name
 * is left out (nothing says what it is).
 */
export const facetsOf = (
  framework: readonly {
    readonly facetId: string;
    readonly name: string;
    readonly description: string;
  }[],
  scores: readonly { readonly facetId: string; readonly score: number }[],
): GoalContext['facets'] =>
  framework.map(({ facetId, name, description }) => ({
    facetId,
    name,
    description,
    score: scores.find((scored) => scored.facetId === facetId)?.score ?? null,
  }));
