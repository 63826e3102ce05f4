import type { Goal, Measurement } from './types';

/** One bar pair of a growth chart: the behaviour score or one indicator's. */
export interface GrowthRow {
  /** null: the competency's behaviour score as a whole. */
  readonly indicatorId: string | null;
  readonly baseline: number | null;
  readonly remeasured: number | null;
  /** What a success criterion asks of it, when one does. */
  readonly target: number | null;
}

/** A goal's growth: its frozen baseline against the latest remeasurement of its target. */
export interface GoalGrowth {
  readonly goalId: string;
  readonly title: string;
  readonly competencyId: string;
  readonly baselineAt: string;
  /** When the remeasurement was taken; null while nothing was measured since the baseline. */
  readonly remeasuredAt: string | null;
  /** Where the remeasurement comes from: the evaluation, a progress measurement, or none yet. */
  readonly source: 'evaluation' | 'progress' | 'none';
  readonly outcome: string | null;
  readonly rows: readonly GrowthRow[];
}

interface MeasuredVerdict {
  readonly kind?: string;
  readonly remeasured?: number | null;
  readonly measurementId?: string;
  readonly indicators?: readonly {
    readonly indicatorId: string;
    readonly baseline: number | null;
    readonly remeasured: number | null;
  }[];
}

const evaluationOf = (goal: Goal) => {
  const entry = [...goal.history].reverse().find((item) => item.event === 'GoalEvaluated');
  if (!entry) return undefined;
  const criteria = Array.isArray(entry.data['criteria'])
    ? (entry.data['criteria'] as MeasuredVerdict[])
    : [];
  const outcome = typeof entry.data['outcome'] === 'string' ? entry.data['outcome'] : null;
  return { at: entry.at, outcome, criteria: criteria.filter((c) => c.kind !== 'evidence') };
};

const scoreOf = (measurement: Measurement | null, indicatorId: string | null) => {
  if (!measurement) return null;
  if (indicatorId === null) return measurement.behaviour;
  return measurement.indicators.find((item) => item.indicatorId === indicatorId)?.score ?? null;
};

/**
 * The growth of a goal that has a frozen baseline (an active or evaluated goal): the behaviour
 * score and each indicator the baseline or the goal names, baseline against the evaluation's
 * remeasurement (else the latest progress measurement), with the targets its criteria set.
 * Undefined for a goal without baseline: there is nothing to grow from yet.
 */
export const growthOfGoal = (goal: Goal): GoalGrowth | undefined => {
  const baseline = goal.baseline;
  if (!baseline) return undefined;
  const evaluation = evaluationOf(goal);
  const indicatorIds = [
    ...new Set([
      ...baseline.indicators.map((item) => item.indicatorId),
      ...goal.content.target.indicatorIds,
      ...goal.content.successCriteria.flatMap((criterion) => criterion.indicatorIds ?? []),
    ]),
  ];
  const targetOf = (indicatorId: string | null) => {
    const targets = goal.content.successCriteria.flatMap((criterion) => {
      if (criterion.kind === 'evidence' || criterion.target === undefined) return [];
      const named = criterion.indicatorIds ?? [];
      const reads = indicatorId === null ? named.length === 0 : named.includes(indicatorId);
      return reads ? [criterion.target] : [];
    });
    return targets.length > 0 ? Math.max(...targets) : null;
  };
  const remeasuredOf = (indicatorId: string | null): number | null => {
    if (evaluation) {
      for (const verdict of evaluation.criteria) {
        const indicators = verdict.indicators ?? [];
        if (
          indicatorId === null &&
          indicators.length === 0 &&
          typeof verdict.remeasured === 'number'
        )
          return verdict.remeasured;
        const found = indicators.find((item) => item.indicatorId === indicatorId);
        if (found && found.remeasured !== null) return found.remeasured;
      }
    }
    return scoreOf(goal.progress, indicatorId);
  };
  const rows = [null, ...indicatorIds].map((indicatorId) => ({
    indicatorId,
    baseline: scoreOf(baseline, indicatorId),
    remeasured: remeasuredOf(indicatorId),
    target: targetOf(indicatorId),
  }));
  const remeasuredAny = rows.some((row) => row.remeasured !== null);
  const source = evaluation && remeasuredAny ? 'evaluation' : goal.progress ? 'progress' : 'none';
  return {
    goalId: goal.goalId,
    title: goal.content.title,
    competencyId: goal.content.target.competencyId,
    baselineAt: baseline.measuredAt,
    remeasuredAt:
      source === 'evaluation'
        ? (evaluation?.at ?? null)
        : source === 'progress'
          ? (goal.progress?.measuredAt ?? null)
          : null,
    source,
    outcome: evaluation?.outcome ?? null,
    rows,
  };
};

/** The growth of every goal that has a baseline, evaluated and active ones alike, in order. */
export const growthOfGoals = (goals: readonly Goal[]): GoalGrowth[] =>
  goals.flatMap((goal) => {
    const growth = growthOfGoal(goal);
    return growth ? [growth] : [];
  });

/** A growth as chart series: labels per row, a baseline and a remeasurement value each. */
export const seriesOf = (
  growth: GoalGrowth,
  nameOf: (indicatorId: string | null) => string,
): { labels: string[]; baseline: (number | null)[]; remeasured: (number | null)[] } => ({
  labels: growth.rows.map((row) => nameOf(row.indicatorId)),
  baseline: growth.rows.map((row) => row.baseline),
  remeasured: growth.rows.map((row) => row.remeasured),
});
