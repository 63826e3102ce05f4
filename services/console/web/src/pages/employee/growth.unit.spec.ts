import { listeningGoal } from '../../lib/goal.fixtures';
import { growthOfGoal, growthOfGoals, seriesOf } from './growth';
import type { Goal } from './types';

const content = listeningGoal;

const goal = (overrides: Partial<Goal>): Goal =>
  ({
    goalId: 'goal-1',
    planId: 'plan-1',
    employeeId: 'emp-chloe',
    gapId: null,
    status: 'active',
    drafted: content,
    content,
    agreement: null,
    baseline: null,
    progress: null,
    submissionNumber: 1,
    checkInCadence: 'fortnightly',
    nextCheckInDueAt: null,
    completedActionIds: [],
    draftedBy: null,
    rejection: null,
    unacknowledgedAdjustments: [],
    evaluation: null,
    history: [],
    ...overrides,
  }) as Goal;

const baseline = {
  measurementId: 'msr-1',
  instrument: '360-round',
  measuredAt: '2026-01-10T10:00:00.000Z',
  behaviour: 48,
  indicators: [
    { indicatorId: 'collab-listening', score: 41 },
    { indicatorId: 'collab-sharing', score: 66 },
  ],
};

describe("an employee's growth per indicator", () => {
  it('given a draft without baseline, when its growth is asked, then there is none', () => {
    expect(growthOfGoal(goal({ status: 'draft' }))).toBeUndefined();
  });

  it('given an active goal with a baseline and nothing measured since, when its growth is asked, then the baseline stands alone', () => {
    // when
    const growth = growthOfGoal(goal({ baseline }));
    // then
    expect(growth).toMatchObject({ source: 'none', remeasuredAt: null, outcome: null });
    expect(growth?.rows).toEqual([
      { indicatorId: null, baseline: 48, remeasured: null, target: null },
      { indicatorId: 'collab-listening', baseline: 41, remeasured: null, target: 60 },
      { indicatorId: 'collab-sharing', baseline: 66, remeasured: null, target: null },
    ]);
  });

  it('given a progress measurement, when the growth is asked, then it is the remeasurement', () => {
    const progress = {
      ...baseline,
      measurementId: 'msr-2',
      measuredAt: '2026-04-01T10:00:00.000Z',
      behaviour: 55,
      indicators: [{ indicatorId: 'collab-listening', score: 58 }],
    };
    const growth = growthOfGoal(goal({ baseline, progress }));
    expect(growth).toMatchObject({ source: 'progress', remeasuredAt: progress.measuredAt });
    expect(growth?.rows.map((row) => row.remeasured)).toEqual([55, 58, null]);
  });

  it('given an evaluated goal, when the growth is asked, then the verdicts give the remeasurement and the outcome', () => {
    // given
    const evaluated = goal({
      status: 'evaluated',
      baseline,
      history: [
        {
          event: 'GoalEvaluated',
          at: '2026-06-01T10:00:00.000Z',
          by: 'mgr-ben',
          data: {
            outcome: 'achieved',
            criteria: [
              {
                kind: 'measured',
                criterionId: 'crit-1',
                remeasured: 63,
                indicators: [{ indicatorId: 'collab-listening', baseline: 41, remeasured: 63 }],
              },
            ],
          },
        },
      ],
    });
    // when
    const growth = growthOfGoal(evaluated);
    // then
    expect(growth).toMatchObject({
      source: 'evaluation',
      outcome: 'achieved',
      remeasuredAt: '2026-06-01T10:00:00.000Z',
    });
    expect(growth?.rows[1]).toEqual({
      indicatorId: 'collab-listening',
      baseline: 41,
      remeasured: 63,
      target: 60,
    });
  });

  it('given several goals, when their growth is asked, then those with a baseline are charted as series', () => {
    // when
    const growths = growthOfGoals([
      goal({ status: 'draft' }),
      goal({ goalId: 'goal-2', baseline }),
    ]);
    const series = seriesOf(growths[0], (id) => id ?? 'Behaviour');
    // then
    expect(growths.map((growth) => growth.goalId)).toEqual(['goal-2']);
    expect(series).toEqual({
      labels: ['Behaviour', 'collab-listening', 'collab-sharing'],
      baseline: [48, 41, 66],
      remeasured: [null, null, null],
    });
  });
});
