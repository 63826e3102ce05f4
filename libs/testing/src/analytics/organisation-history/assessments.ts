// A cycle's start in assessment: baseline measurements and the gaps ranked from them.
import { robustnessOfInstrument, type MeasurementInstrument } from '@talentloop/contracts';
import {
  baselineInstruments,
  competencies,
  FRAMEWORK_VERSION,
  type Competency,
  type Role,
} from './catalogue';
import type { CycleContext } from './cycle-context';
import { clamp, HOUR, MINUTE } from './units';

/** One baseline measurement, with what the role asks of its competency. */
export interface Baseline {
  readonly measurementId: string;
  readonly competency: Competency;
  readonly requiredLevel: number;
  readonly weight: number;
  readonly instrument: MeasurementInstrument;
  readonly aptitude: number;
  readonly behaviour: number;
  readonly indicators: readonly { indicatorId: string; score: number }[];
}

/**
 * Measures 2–4 of the role's competencies, instruments mixed; returns the baselines ranked by
 * the room to grow weighted by the role, the first of which becomes the goal.
 */
export const measureBaselines = (
  { employee, next, on, later }: CycleContext,
  role: Role,
): Baseline[] => {
  const measured = 2 + next(3);
  const first = next(role.required.length);
  const baselines: Baseline[] = [];
  for (let k = 0; k < measured; k++) {
    const [competencyIndex, requiredLevel, weight] =
      role.required[(first + k) % role.required.length] ?? role.required[0];
    const competency = competencies[competencyIndex] ?? competencies[0];
    const instrument = baselineInstruments[next(baselineInstruments.length)] ?? 'assessment';
    const aptitude = 40 + next(56);
    const behaviour = clamp(aptitude - 5 - next(36));
    const indicators = competency.indicators.map((indicatorId) => ({
      indicatorId,
      score: clamp(behaviour - 15 + next(31)),
    }));
    const measurementId = `msr-${employee.index}-${++employee.measurements}`;
    later(MINUTE, HOUR);
    on(employee.stream, 'assessment-import', 'MeasurementRecorded', {
      measurementId,
      employeeId: employee.id,
      competencyId: competency.id,
      frameworkVersion: FRAMEWORK_VERSION,
      instrument,
      aptitude,
      behaviour,
      indicatorScores: indicators,
      facetScores: competency.facets.map((facetId) => ({
        facetId,
        score: clamp(aptitude - 10 + next(21)),
      })),
      measuredAt: new Date(employee.clock).toISOString(),
      robustness: robustnessOfInstrument(instrument),
    });
    baselines.push({
      measurementId,
      competency,
      requiredLevel,
      weight,
      instrument,
      aptitude,
      behaviour,
      indicators,
    });
  }
  return baselines.sort(
    (a, b) => (b.aptitude - b.behaviour) * b.weight - (a.aptitude - a.behaviour) * a.weight,
  );
};

/** A GapIdentified per baseline, in rank order; returns the gap ids. */
export const identifyGaps = (
  { employee, n, next, text, on, later }: CycleContext,
  role: Role,
  baselines: readonly Baseline[],
): string[] => {
  later(HOUR, 4 * HOUR);
  const gapIds: string[] = [];
  for (const [rank, baseline] of baselines.entries()) {
    const gapId = `gap-${employee.index}-${n}-${rank + 1}`;
    gapIds.push(gapId);
    const sorted = [...baseline.indicators].sort((a, b) => a.score - b.score);
    const impact = Math.min(100, baseline.weight * 2 + baseline.requiredLevel * 10);
    const energy = 30 + next(71);
    on(employee.stream, 'gap-analysis', 'GapIdentified', {
      gapId,
      employeeId: employee.id,
      competencyId: baseline.competency.id,
      measurementId: baseline.measurementId,
      roleId: role.roleId,
      aptitude: baseline.aptitude,
      behaviour: baseline.behaviour,
      requiredLevel: baseline.requiredLevel,
      gap: baseline.aptitude - baseline.behaviour,
      weakestIndicators: sorted.slice(0, 2),
      strongestIndicators: sorted.slice(2).reverse(),
      priority: {
        score: Math.round((impact + baseline.aptitude + energy) / 3),
        rank: rank + 1,
        impact,
        potential: baseline.aptitude,
        energy,
      },
      reasons: text.gap.reasons,
    });
  }
  return gapIds;
};
