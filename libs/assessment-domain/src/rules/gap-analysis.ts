import { render, text, type Language } from '@talentloop/i18n';
import { weakestAndStrongest } from '@talentloop/domain-kernel';
import type { FrameworkVersion } from '../framework/framework.decider';
import { competencyIn } from '../framework/framework.decider';
import type { RoleProfile } from '../role-profile/role-profile.decider';
import { round } from './content';
import type { Measurement } from './measurement';
import {
  rankCandidates,
  requirementGapOf,
  type Candidate,
  type PriorityWeighting,
  type Ranked,
} from './prioritisation';

/**
 * Proficiency levels as bands of 20 score points: level L is reached at 20 × (L − 1), so
 * level 1 is always met and level 5 asks for 80 or more.
 */
export const requiredScoreOf = (level: number): number => 20 * (level - 1);

/**
 * A gap is worth development when behaviour is below what the role requires AND aptitude is
 * at least this many points above behaviour. Without that room the person already shows
 * what they can reach: the gap is a question of fit for the role, and a goal would not be
 * achievable.
 */
export const MIN_ROOM_TO_GROW = 5;

export interface NamedIndicatorScore {
  readonly indicatorId: string;
  readonly name: string;
  readonly score: number;
}

export interface CompetencyGap extends Candidate {
  readonly kind: FrameworkVersion['competencies'][number]['kind'];
  readonly measurementId: string;
  readonly instrument: Measurement['instrument'];
  readonly robustness: Measurement['robustness'];
  readonly measuredAt: string;
  /** Aptitude minus behaviour: the room to grow. */
  readonly gap: number;
  readonly requirementGap: number;
  readonly weakestIndicators: readonly NamedIndicatorScore[];
  readonly strongestIndicators: readonly NamedIndicatorScore[];
  readonly worthDevelopment: boolean;
  readonly verdict: string;
}

export interface GapReport {
  readonly roleId: string;
  readonly roleVersion: number;
  readonly weighting: PriorityWeighting;
  /** Every measured competency of the role profile, in the profile's order. */
  readonly competencies: readonly CompetencyGap[];
  /** The gaps worth development, best first, with their reasons. */
  readonly ranked: readonly Ranked<CompetencyGap>[];
  /** Competencies the role requires that have no measurement yet. */
  readonly unmeasured: readonly string[];
}

export const isWorthDevelopment = (aptitude: number, behaviour: number, requiredScore: number) =>
  behaviour < requiredScore && aptitude - behaviour >= MIN_ROOM_TO_GROW;

const verdictOf = (gap: Pick<CompetencyGap, 'requirementGap' | 'gap' | 'worthDevelopment'>) => {
  if (gap.requirementGap === 0) return text('gap.verdict.meets');
  if (gap.worthDevelopment) return text('gap.verdict.candidate');
  return text('gap.verdict.fit');
};

/** Weakest first and strongest first, with their names in the framework. */
const namedIndicators = (measurement: Measurement, framework: FrameworkVersion) => {
  const names = new Map(
    competencyIn(framework, measurement.competencyId)?.indicators.map((indicator) => [
      indicator.indicatorId,
      indicator.name,
    ]) ?? [],
  );
  return weakestAndStrongest(
    measurement.indicatorScores.map(({ indicatorId, score }) => ({
      indicatorId,
      name: names.get(indicatorId) ?? indicatorId,
      score,
    })),
  );
};

export const analyseGaps = (
  role: RoleProfile,
  framework: FrameworkVersion,
  latestMeasurements: Readonly<Record<string, Measurement>>,
  energies: Readonly<Record<string, number>>,
  weighting: PriorityWeighting,
  language: Language = 'en',
): GapReport => {
  const competencies: CompetencyGap[] = role.requiredCompetencies.flatMap(
    ({ competencyId, requiredLevel, weight }) => {
      const measurement = latestMeasurements[competencyId];
      const competency = competencyIn(framework, competencyId);
      if (!measurement || !competency) return [];
      const { aptitude, behaviour } = measurement;
      const requiredScore = requiredScoreOf(requiredLevel);
      const { weakest, strongest } = namedIndicators(measurement, framework);
      const worthDevelopment = isWorthDevelopment(aptitude, behaviour, requiredScore);
      const gap = {
        competencyId,
        name: competency.name,
        kind: competency.kind,
        weight,
        requiredLevel,
        requiredScore,
        aptitude,
        behaviour,
        energy: energies[competencyId],
        measurementId: measurement.measurementId,
        instrument: measurement.instrument,
        robustness: measurement.robustness,
        measuredAt: measurement.measuredAt,
        gap: round(aptitude - behaviour, 1),
        requirementGap: round(requirementGapOf({ requiredScore, behaviour }), 1),
        weakestIndicators: weakest,
        strongestIndicators: strongest,
        worthDevelopment,
      };
      return [{ ...gap, verdict: render(language, verdictOf(gap)) }];
    },
  );
  const heaviestWeight = Math.max(...role.requiredCompetencies.map((required) => required.weight));
  return {
    roleId: role.roleId,
    roleVersion: role.roleVersion,
    weighting,
    competencies,
    ranked: rankCandidates(
      competencies.filter((gap) => gap.worthDevelopment),
      weighting,
      heaviestWeight,
      language,
    ),
    unmeasured: role.requiredCompetencies
      .map((required) => required.competencyId)
      .filter((competencyId) => !latestMeasurements[competencyId]),
  };
};
