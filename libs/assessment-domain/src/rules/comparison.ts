import { robustnessOfInstrument, type Remeasured } from '@talentloop/contracts';
import { round } from './content';
import type { Measurement } from './measurement';

export type Comparison = Remeasured['data'];
type ScoreChange = Comparison['behaviour'];

export const changeOf = (baseline: number, remeasured: number): ScoreChange => ({
  baseline,
  remeasured,
  absoluteDelta: round(remeasured - baseline, 2),
  // A relative change from 0 has no meaning; the contract says null.
  relativeDelta: baseline === 0 ? null : round((remeasured - baseline) / baseline, 4),
});

/**
 * The evidence of growth: per competency and per indicator scored in both measurements.
 * With another instrument than the baseline's the comparison is less robust whatever the
 * new instrument is, because the two scores were not obtained the same way.
 */
export const compareWithBaseline = (baseline: Measurement, remeasured: Measurement): Comparison => {
  const sameInstrument = baseline.instrument === remeasured.instrument;
  const baselineIndicators = new Map(
    baseline.indicatorScores.map((score) => [score.indicatorId, score.score]),
  );
  return {
    employeeId: remeasured.employeeId,
    competencyId: remeasured.competencyId,
    baselineMeasurementId: baseline.measurementId,
    measurementId: remeasured.measurementId,
    sameInstrument,
    robustness: sameInstrument ? robustnessOfInstrument(remeasured.instrument) : 'less-robust',
    aptitude: changeOf(baseline.aptitude, remeasured.aptitude),
    behaviour: changeOf(baseline.behaviour, remeasured.behaviour),
    indicators: remeasured.indicatorScores.flatMap(({ indicatorId, score }) => {
      const before = baselineIndicators.get(indicatorId);
      return before === undefined ? [] : [{ indicatorId, change: changeOf(before, score) }];
    }),
  };
};

/**
 * A closed 360° round is a remeasurement when the competency's previous measurement was a
 * 360° round too: the same instrument again shows growth (or its absence). The first round
 * after another instrument is a measurement of where the employee stands, not of growth.
 */
export const roundRemeasurement = (
  previous: Measurement | undefined,
  round: Measurement,
): Comparison | undefined =>
  previous?.instrument === '360-round' && previous.measuredAt <= round.measuredAt
    ? compareWithBaseline(previous, round)
    : undefined;
