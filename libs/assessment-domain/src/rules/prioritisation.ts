import { render, text, type Language, type Text } from '@talentloop/i18n';
import type { GapIdentified } from '@talentloop/contracts';
import type { Violation } from '../errors';
import { round } from './content';

/** How much each factor counts in the combined priority; configurable per organisation. */
export interface PriorityWeighting {
  readonly impact: number;
  readonly potential: number;
  readonly energy: number;
}

/** Impact first: a gap that matters for the role outweighs one the person merely could close. */
export const defaultWeighting: PriorityWeighting = { impact: 0.5, potential: 0.3, energy: 0.2 };

export const weightingViolations = (weighting: PriorityWeighting): Violation[] => {
  const factors = ['impact', 'potential', 'energy'] as const;
  const negative = factors
    .filter((factor) => !Number.isFinite(weighting[factor]) || weighting[factor] < 0)
    .map((factor) => ({ field: factor, message: text('assessmentInput.notNegative') }));
  const total = factors.reduce((sum, factor) => sum + weighting[factor], 0);
  return negative.length > 0 || total > 0
    ? negative
    : [{ field: 'weighting', message: text('assessmentInput.noFactorCounts') }];
};

export interface Candidate {
  readonly competencyId: string;
  readonly name: string;
  /** The competency's weight in the role profile. */
  readonly weight: number;
  readonly requiredLevel: number;
  readonly requiredScore: number;
  readonly aptitude: number;
  readonly behaviour: number;
  /** The employee's own 1–5 energy for the competency, when recorded. */
  readonly energy: number | undefined;
}

export type Priority = GapIdentified['data']['priority'];
export type Reason = GapIdentified['data']['reasons'][number];

export type Ranked<C extends Candidate> = C & {
  readonly priority: Priority;
  readonly reasons: readonly Reason[];
};

export const requirementGapOf = (candidate: Pick<Candidate, 'requiredScore' | 'behaviour'>) =>
  Math.max(0, candidate.requiredScore - candidate.behaviour);

/**
 * Impact, 0–100: half from the weight relative to the heaviest competency of the role,
 * half from how far behaviour is below the requirement (50 points or more counts fully).
 */
export const impactOf = (candidate: Candidate, heaviestWeight: number): number =>
  round((50 * candidate.weight) / heaviestWeight + Math.min(requirementGapOf(candidate), 50), 1);

/** Energy 1–5 mapped onto 0–100; unknown counts as neutral so it neither helps nor hurts. */
export const energyScoreOf = (energy: number | undefined): number =>
  energy === undefined ? 50 : (energy - 1) * 25;

const reasonsFor = (candidate: Candidate, heaviestWeight: number, language: Language): Reason[] => {
  const { name, weight, behaviour, aptitude, requiredLevel, requiredScore, energy } = candidate;
  const room = round(aptitude - behaviour, 1);
  const reasons: { factor: Reason['factor']; explanation: Text }[] = [
    {
      factor: 'impact',
      explanation: text('gap.reason.impact', { name, weight, heaviest: heaviestWeight }),
    },
    {
      factor: 'requirement',
      explanation: text('gap.reason.requirement', {
        behaviour,
        gap: round(requirementGapOf(candidate), 1),
        level: requiredLevel,
        score: requiredScore,
      }),
    },
    {
      factor: 'potential',
      explanation:
        room > 0
          ? text('gap.reason.roomToGrow', { aptitude, room })
          : text('gap.reason.noRoom', { aptitude, behaviour }),
    },
    {
      factor: 'energy',
      explanation:
        energy === undefined
          ? text('gap.reason.noMotivation', { name })
          : text('gap.reason.energy', { name, energy }),
    },
  ];
  return reasons.map(({ factor, explanation }) => ({
    factor,
    explanation: render(language, explanation),
  }));
};

/**
 * Ranks candidates by a weighted mean of impact, potential (aptitude: growth is most likely
 * where aptitude is high) and energy. Ties go to the competency id so the order is stable.
 * Raising any factor of one candidate never moves it down the ranking.
 */
export const rankCandidates = <C extends Candidate>(
  candidates: readonly C[],
  weighting: PriorityWeighting,
  heaviestWeight: number,
  language: Language = 'en',
): Ranked<C>[] => {
  const total = weighting.impact + weighting.potential + weighting.energy;
  return candidates
    .map((candidate) => {
      const impact = impactOf(candidate, heaviestWeight);
      const potential = candidate.aptitude;
      const energy = energyScoreOf(candidate.energy);
      const score = round(
        (weighting.impact * impact + weighting.potential * potential + weighting.energy * energy) /
          total,
        1,
      );
      return { candidate, impact, potential, energy, score };
    })
    .sort(
      (left, right) =>
        right.score - left.score ||
        left.candidate.competencyId.localeCompare(right.candidate.competencyId),
    )
    .map(({ candidate, impact, potential, energy, score }, index) => ({
      ...candidate,
      priority: { score, rank: index + 1, impact, potential, energy },
      reasons: reasonsFor(candidate, heaviestWeight, language),
    }));
};
