import type { GoalSlotTaken, PlanningEvent } from '@talentloop/contracts';
import { DeciderSpecification } from '@talentloop/testing';
import {
  ABANDONED_AFTER_MS,
  activeSetDecider,
  releaseOf,
  type GoalStanding,
  type Slot,
  type TakeSlot,
} from './active-set.decider';
import { ActiveGoalCapReached } from './goal.errors';

const spec = DeciderSpecification.for(activeSetDecider);
const now = new Date('2026-03-02T09:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

const taken = (
  goalId: string,
  submissionNumber = 1,
  overrides: Partial<GoalSlotTaken['data']> = {},
): PlanningEvent => ({
  type: 'GoalSlotTaken',
  data: {
    employeeId: 'emp-1001',
    goalId,
    planId: 'plan-2001',
    submissionNumber,
    takenAt: minutesAgo(60),
    maxActiveGoals: 3,
    slotsHeld: 1,
    released: [],
    ...overrides,
  },
});

const take = (
  goalId: string,
  standings: Record<string, GoalStanding> = {},
  { submissionNumber = 1, maxActiveGoals = 3 } = {},
): TakeSlot => ({
  type: 'TakeSlot',
  data: {
    employeeId: 'emp-1001',
    goalId,
    planId: 'plan-2001',
    submissionNumber,
    maxActiveGoals,
    now,
    standings: new Map(Object.entries(standings)),
  },
});

const pending = (submissionNumber = 1): GoalStanding => ({ phase: 'submitted', submissionNumber });
const active: GoalStanding = { phase: 'active', submissionNumber: 1 };

describe('taking an active-goal slot', () => {
  it('takes the first slot of an empty active set', () =>
    spec
      .given([])
      .when(take('goal-1'))
      .then([
        {
          type: 'GoalSlotTaken',
          data: {
            employeeId: 'emp-1001',
            goalId: 'goal-1',
            planId: 'plan-2001',
            submissionNumber: 1,
            takenAt: now.toISOString(),
            maxActiveGoals: 3,
            slotsHeld: 1,
            released: [],
          },
        },
      ]));

  it('takes the last free slot, counting pending and active goals', () =>
    spec
      .given([taken('goal-1'), taken('goal-2')])
      .when(take('goal-3', { 'goal-1': active, 'goal-2': pending() }))
      .thenState((state) =>
        expect(state.slots.map((slot) => slot.goalId)).toEqual(['goal-1', 'goal-2', 'goal-3']),
      ));

  it('refuses a slot beyond the cap, naming both numbers', () =>
    spec
      .given([taken('goal-1'), taken('goal-2')])
      .when(take('goal-3', { 'goal-1': active, 'goal-2': pending() }, { maxActiveGoals: 2 }))
      .thenThrows(ActiveGoalCapReached, /already has 2 .* allows 2 at once/));

  it('changes nothing when the same submission takes its slot again (a retry)', () =>
    spec
      .given([taken('goal-1'), taken('goal-2')])
      .when(take('goal-2', {}, { maxActiveGoals: 2 }))
      .then([]));

  it('frees the slots of withdrawn, evaluated and rejected goals as it takes one', () =>
    spec
      .given([taken('goal-1'), taken('goal-2'), taken('goal-3')])
      .when(
        take('goal-4', {
          'goal-1': { phase: 'withdrawn', submissionNumber: 1 },
          'goal-2': { phase: 'evaluated', submissionNumber: 1 },
          'goal-3': { phase: 'rejected', submissionNumber: 1 },
        }),
      )
      .then([
        {
          type: 'GoalSlotTaken',
          data: {
            employeeId: 'emp-1001',
            goalId: 'goal-4',
            planId: 'plan-2001',
            submissionNumber: 1,
            takenAt: now.toISOString(),
            maxActiveGoals: 3,
            slotsHeld: 1,
            released: [
              { goalId: 'goal-1', submissionNumber: 1, reason: 'withdrawn' },
              { goalId: 'goal-2', submissionNumber: 1, reason: 'evaluated' },
              { goalId: 'goal-3', submissionNumber: 1, reason: 'rejected' },
            ],
          },
        },
      ]));

  it('lets a rejected goal take a slot again for its next submission', () =>
    spec
      .given([taken('goal-1'), taken('goal-2')])
      .when(
        take(
          'goal-1',
          { 'goal-1': { phase: 'revised', submissionNumber: 1 }, 'goal-2': pending() },
          { submissionNumber: 2, maxActiveGoals: 2 },
        ),
      )
      .thenState((state) =>
        expect(state.slots).toEqual([
          { goalId: 'goal-2', submissionNumber: 1, takenAt: minutesAgo(60) },
          { goalId: 'goal-1', submissionNumber: 2, takenAt: now.toISOString() },
        ]),
      ));

  it('counts goals that hold a slot without having taken one here (older history)', () =>
    spec
      .given([taken('goal-1')])
      .when(take('goal-3', { 'goal-1': pending(), 'goal-2': active }, { maxActiveGoals: 2 }))
      .thenThrows(ActiveGoalCapReached, /already has 2/));

  it('counts a slot whose goal the reader does not know yet', () =>
    spec
      .given([taken('goal-1')])
      .when(take('goal-2', {}, { maxActiveGoals: 1 }))
      .thenThrows(ActiveGoalCapReached, /already has 1/));
});

describe('when a slot is free again', () => {
  const slot = (takenMinutesAgo: number, submissionNumber = 1): Slot => ({
    goalId: 'goal-1',
    submissionNumber,
    takenAt: minutesAgo(takenMinutesAgo),
  });

  it('is held while the goal awaits a decision or is active', () => {
    expect(releaseOf(slot(60), pending(), now)).toBeUndefined();
    expect(releaseOf(slot(60), active, now)).toBeUndefined();
  });
  it('is held while a submission is on its way to the goal (the goal still reads draft)', () =>
    expect(releaseOf(slot(1), { phase: 'draft', submissionNumber: 0 }, now)).toBeUndefined());
  it('is abandoned when the submission never landed long after the slot was taken', () =>
    expect(
      releaseOf(slot(ABANDONED_AFTER_MS / 60_000), { phase: 'draft', submissionNumber: 0 }, now),
    ).toBe('abandoned'));
  it('is free once the submission that took it was rejected, revised or not', () => {
    expect(releaseOf(slot(1), { phase: 'rejected', submissionNumber: 1 }, now)).toBe('rejected');
    expect(releaseOf(slot(1), { phase: 'revised', submissionNumber: 1 }, now)).toBe('rejected');
  });
  it('is held by a resubmission on its way although the earlier one was rejected', () =>
    expect(releaseOf(slot(1, 2), { phase: 'rejected', submissionNumber: 1 }, now)).toBeUndefined());
  it('is held when the goal is unknown to the reader', () =>
    expect(releaseOf(slot(600), undefined, now)).toBeUndefined());
});
