import { activated, drafted, fold, progressed, submitted } from './goal.fixtures';
import { remeasurementDue } from './remeasurement-due';

/** The example goal: deadline 2026-07-31, one 360° round criterion, baseline msr-5001. */
const active = () => fold([drafted(), submitted(1), activated()]);

describe('the remeasurement of an active goal', () => {
  it('is not due while the deadline is more than two weeks away', () =>
    expect(remeasurementDue(stateOf(active()), '2026-07-16')).toBeUndefined());

  it('is due from two weeks before the deadline, naming what to schedule', () =>
    expect(remeasurementDue(stateOf(active()), '2026-07-17')).toEqual({
      goalId: 'goal-3001',
      employeeId: 'emp-1001',
      title: 'Listen actively in team meetings',
      competencyId: 'collaboration',
      deadline: '2026-07-31',
      status: 'due',
      daysToDeadline: 14,
      instruments: ['360-round'],
      baselineMeasurementId: 'msr-5001',
      lastProgressAt: null,
    }));

  it('is still due on the deadline itself', () =>
    expect(remeasurementDue(stateOf(active()), '2026-07-31')).toMatchObject({
      status: 'due',
      daysToDeadline: 0,
    }));

  it('is overdue once the deadline passed without an evaluation', () =>
    expect(remeasurementDue(stateOf(active()), '2026-08-10')).toMatchObject({
      status: 'overdue',
      daysToDeadline: -10,
    }));

  it('shows the latest progress measured since the baseline', () =>
    expect(
      remeasurementDue(
        stateOf(
          fold([
            drafted(),
            submitted(1),
            activated(),
            progressed('msr-6001', '2026-04-02', { listening: 55, behaviour: 50 }),
          ]),
        ),
        '2026-07-20',
      ),
    ).toMatchObject({ lastProgressAt: '2026-04-02T10:00:00.000Z' }));

  it('is never due for a goal that is not active', () =>
    expect(
      remeasurementDue(stateOf(fold([drafted(), submitted(1)])), '2026-08-10'),
    ).toBeUndefined());
});

function stateOf(state: ReturnType<typeof fold>) {
  if (state.status === 'none') throw new Error('no goal');
  return state;
}
