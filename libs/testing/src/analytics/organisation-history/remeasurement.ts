// A cycle's end: the target competency remeasured near the deadline, sometimes with a less
// robust instrument, and the goal evaluated against its criteria.
import { robustnessOfInstrument, type MeasurementInstrument } from '@talentloop/contracts';
import type { Baseline } from './assessments';
import { baselineInstruments, FRAMEWORK_VERSION } from './catalogue';
import type { CycleContext } from './cycle-context';
import type { DraftedGoal } from './goals';
import { clamp, DAY, HOUR, MINUTE } from './units';

const change = (baseline: number, remeasured: number) => ({
  baseline,
  remeasured,
  absoluteDelta: remeasured - baseline,
  relativeDelta:
    baseline === 0 ? null : Math.round(((remeasured - baseline) / baseline) * 1e4) / 1e4,
});

/** Remeasures the goal's competency and evaluates the goal on the new measurement. */
export const remeasureAndEvaluate = (
  { employee, next, on, later }: CycleContext,
  goal: DraftedGoal,
  target: Baseline,
  deadlineAt: number,
): void => {
  const employeeId = employee.id;
  const { goalId, stream: goalStream, criteria, weakest } = goal;
  employee.clock = Math.max(employee.clock + DAY, deadlineAt - next(14) * DAY);
  const instrument: MeasurementInstrument =
    next(10) < 7
      ? target.instrument
      : (baselineInstruments[next(baselineInstruments.length)] ?? 'self-evaluation');
  const robustness = robustnessOfInstrument(instrument);
  const growth = next(5) === 0 ? -3 : 2 + next(14);
  const aptitude = clamp(target.aptitude - 2 + next(5));
  const behaviour = clamp(Math.min(aptitude, target.behaviour + growth));
  const indicators = target.indicators.map(({ indicatorId, score }) => ({
    indicatorId,
    score: clamp(score + growth - 4 + next(9)),
  }));
  const measurementId = `msr-${employee.index}-${++employee.measurements}`;
  on(employee.stream, 'assessment-import', 'MeasurementRecorded', {
    measurementId,
    employeeId,
    competencyId: target.competency.id,
    frameworkVersion: FRAMEWORK_VERSION,
    instrument,
    aptitude,
    behaviour,
    indicatorScores: indicators,
    facetScores: target.competency.facets.map((facetId) => ({
      facetId,
      score: clamp(aptitude - 10 + next(21)),
    })),
    measuredAt: new Date(employee.clock).toISOString(),
    robustness,
  });
  later(MINUTE, HOUR);
  on(employee.stream, 'gap-analysis', 'Remeasured', {
    employeeId,
    competencyId: target.competency.id,
    baselineMeasurementId: target.measurementId,
    measurementId,
    sameInstrument: instrument === target.instrument,
    robustness,
    aptitude: change(target.aptitude, aptitude),
    behaviour: change(target.behaviour, behaviour),
    indicators: target.indicators.map(({ indicatorId, score }, i) => ({
      indicatorId,
      change: change(score, indicators[i]?.score ?? score),
    })),
  });
  later(HOUR, 2 * DAY);
  const evaluated = criteria.map((criterion) => {
    const byIndicator = criterion.metric === 'indicator-score';
    const baseline = byIndicator ? weakest.score : target.behaviour;
    const remeasured = byIndicator
      ? (indicators.find((i) => i.indicatorId === weakest.indicatorId)?.score ?? baseline)
      : behaviour;
    return {
      kind: 'measured' as const,
      criterionId: criterion.criterionId,
      met: remeasured >= criterion.target,
      target: criterion.target,
      baseline,
      remeasured,
      baselineMeasurementId: target.measurementId,
      measurementId,
      instrument,
      indicators: [],
      evidenceInstrument: instrument,
      lessRobust: robustness === 'less-robust',
    };
  });
  const met = evaluated.filter((criterion) => criterion.met).length;
  on(goalStream, 'planning-service', 'GoalEvaluated', {
    goalId,
    employeeId,
    outcome: met === evaluated.length ? 'achieved' : met > 0 ? 'partly-achieved' : 'not-achieved',
    criteria: evaluated,
    lessRobust: robustness === 'less-robust',
    requestedEarly: false,
  });
};
