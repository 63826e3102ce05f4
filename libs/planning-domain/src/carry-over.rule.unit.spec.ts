import { GoalDrafted, type PlanningEvent } from '@talentloop/contracts';
import { DeciderSpecification } from '@talentloop/testing';
import { goalsToCarry, type CarryCandidate } from './carry-over.rule';
import type { GoalCommand } from './goal.commands';
import { goalDecider } from './goal.decider';
import { GoalsNotCarriable, IllegalGoalTransition } from './goal.errors';

const from = 'plan-2001';
const to = 'plan-2002';

describe('carrying goals over to the next plan', () => {
  it('moves the unfinished goals of the previous plan, whatever their phase', () =>
    expect(
      goalsToCarry(
        carry('goal-1', 'goal-2', 'goal-3'),
        goals({
          'goal-1': { planId: from, phase: 'active' },
          'goal-2': { planId: from, phase: 'draft' },
          'goal-3': { planId: from, phase: 'rejected' },
        }),
      ),
    ).toEqual(['goal-1', 'goal-2', 'goal-3']));
  it('treats a goal already in the new plan as carried by an earlier attempt', () =>
    expect(
      goalsToCarry(
        carry('goal-1', 'goal-2'),
        goals({
          'goal-1': { planId: to, phase: 'active' },
          'goal-2': { planId: from, phase: 'active' },
        }),
      ),
    ).toEqual(['goal-2']));
  it('refuses every goal that is finished, of another plan or unknown, and carries none', () => {
    const run = () =>
      goalsToCarry(
        carry('goal-1', 'goal-2', 'goal-3', 'goal-4', 'goal-5'),
        goals({
          'goal-1': { planId: from, phase: 'active' },
          'goal-2': { planId: from, phase: 'evaluated' },
          'goal-3': { planId: from, phase: 'withdrawn' },
          'goal-4': { planId: 'plan-1999', phase: 'draft' },
        }),
      );
    expect(run).toThrow(GoalsNotCarriable);
    expect(run).toThrow(
      expect.objectContaining({
        details: {
          refused: [
            { goalId: 'goal-2', reason: 'it is evaluated: only unfinished goals are carried over' },
            { goalId: 'goal-3', reason: 'it is withdrawn: only unfinished goals are carried over' },
            { goalId: 'goal-4', reason: 'it belongs to plan plan-1999, not the previous plan' },
            { goalId: 'goal-5', reason: 'the employee has no such goal' },
          ],
        },
      }) as Error,
    );
  });
  it("refuses any goal for an employee's first plan", () =>
    expect(() =>
      goalsToCarry(
        { fromPlanId: null, toPlanId: to, goalIds: ['goal-1'] },
        goals({ 'goal-1': { planId: from, phase: 'active' } }),
      ),
    ).toThrow('no previous plan'));
  it('carries nothing when nothing is named', () =>
    expect(goalsToCarry(carry(), goals({}))).toEqual([]));
});

describe("a goal's stream, when the goal is carried over", () => {
  const spec = DeciderSpecification.for(goalDecider);
  const drafted: PlanningEvent = { type: 'GoalDrafted', data: GoalDrafted.example };
  const carriedOver: PlanningEvent = {
    type: 'GoalCarriedOver',
    data: { goalId: 'goal-3001', employeeId: 'emp-1001', fromPlanId: from, toPlanId: to },
  };

  it('records the move from its plan to the next', () =>
    spec.given([drafted]).when(carryOver()).then([carriedOver]));
  it('belongs to the new plan from then on, keeping its phase', () =>
    spec
      .given([drafted])
      .when(carryOver())
      .thenState((state) => expect(state).toMatchObject({ planId: to, status: 'draft' })));
  it('is not moved twice: carrying it again is a retry', () =>
    spec.given([drafted, carriedOver]).when(carryOver()).then([]));
  it('cannot be carried once withdrawn', () =>
    spec
      .given([
        drafted,
        {
          type: 'GoalWithdrawn',
          data: {
            goalId: 'goal-3001',
            employeeId: 'emp-1001',
            reason: 'Changed role.',
            withdrawnBy: 'emp-1001',
          },
        },
      ])
      .when(carryOver())
      .thenThrows(IllegalGoalTransition, 'a withdrawn goal cannot be carried over'));
});

function carry(...goalIds: string[]) {
  return { fromPlanId: from, toPlanId: to, goalIds };
}

function goals(byId: Record<string, CarryCandidate>): ReadonlyMap<string, CarryCandidate> {
  return new Map(Object.entries(byId));
}

function carryOver(): GoalCommand {
  return { type: 'CarryOverGoal', data: { fromPlanId: from, toPlanId: to } };
}
