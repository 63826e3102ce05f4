import type { GoalSlotTaken, PlanningEvent } from '@talentloop/contracts';
import type { Decider } from '@talentloop/domain-kernel';
import { text } from '@talentloop/i18n';
import type { GoalStatus } from './goal.state';
import { ActiveGoalCapReached } from './goal.errors';

/**
 * An employee's active set: the goals that hold one of their slots, that is, goals awaiting
 * the manager's decision and active goals. It is its own stream so that concurrent
 * submissions of one employee meet on one expected revision: the cap holds however many
 * arrive at once. A submission takes its slot before the goal records GoalSubmitted, and
 * keeps it through approval, so an approved goal always has room to become active.
 */

export interface Slot {
  readonly goalId: string;
  readonly submissionNumber: number;
  readonly takenAt: string;
}

export interface ActiveSetState {
  /** One slot per goal at most: a resubmission's slot replaces the rejected one's. */
  readonly slots: readonly Slot[];
}

/** Where a goal stands now, as the goals read side (or its own stream) tells. */
export interface GoalStanding {
  readonly phase: GoalStatus;
  readonly submissionNumber: number;
}

export type SlotRelease = GoalSlotTaken['data']['released'][number];

/**
 * A slot whose submission has not landed on the goal's stream this long after it was taken
 * was abandoned (the request failed between the two appends). Far longer than any request
 * lives, so a submission on its way is never mistaken for an abandoned one.
 */
export const ABANDONED_AFTER_MS = 10 * 60_000;

/** Phases in which a goal holds a slot. */
const HOLDING: readonly GoalStatus[] = ['submitted', 'active'];

/**
 * Why a slot is free again, or undefined while its goal holds it. A goal nobody has told us
 * about yet holds it: being wrong that way refuses a submission, never exceeds the cap.
 */
export const releaseOf = (
  slot: Slot,
  standing: GoalStanding | undefined,
  now: Date,
): SlotRelease['reason'] | undefined => {
  if (standing === undefined || HOLDING.includes(standing.phase)) return undefined;
  if (standing.phase === 'withdrawn' || standing.phase === 'evaluated') return standing.phase;
  // draft, revised or rejected: this submission was decided on (and rejected), or never landed.
  if (standing.submissionNumber >= slot.submissionNumber) return 'rejected';
  return now.getTime() - Date.parse(slot.takenAt) >= ABANDONED_AFTER_MS ? 'abandoned' : undefined;
};

export interface TakeSlot {
  readonly type: 'TakeSlot';
  readonly data: {
    readonly employeeId: string;
    readonly goalId: string;
    readonly planId: string;
    readonly submissionNumber: number;
    readonly maxActiveGoals: number;
    readonly now: Date;
    /** Every goal of the employee by id, where it stands now. */
    readonly standings: ReadonlyMap<string, GoalStanding>;
  };
}

/** True when the state shows this submission holding its slot. */
export const holdsSlot = (state: ActiveSetState, goalId: string, submissionNumber: number) =>
  state.slots.some((slot) => slot.goalId === goalId && slot.submissionNumber === submissionNumber);

export const capReachedMessage = (held: number, max: number) =>
  text('planning.activeGoalCap', { held, max });

const decide = ({ data }: TakeSlot, state: ActiveSetState): readonly PlanningEvent[] => {
  const { employeeId, goalId, planId, submissionNumber, maxActiveGoals, now, standings } = data;
  // Taken already by this submission: a retry.
  if (holdsSlot(state, goalId, submissionNumber)) return [];
  const others = state.slots.filter((slot) => slot.goalId !== goalId);
  const released = others.flatMap((slot): SlotRelease[] => {
    const reason = releaseOf(slot, standings.get(slot.goalId), now);
    return reason ? [{ goalId: slot.goalId, submissionNumber: slot.submissionNumber, reason }] : [];
  });
  // Goals holding a slot that never took one here (submitted before the active set existed).
  const slotted = new Set(state.slots.map((slot) => slot.goalId));
  const unslotted = [...standings].filter(
    ([id, standing]) => id !== goalId && !slotted.has(id) && HOLDING.includes(standing.phase),
  ).length;
  const held = others.length - released.length + unslotted;
  if (held >= maxActiveGoals)
    throw new ActiveGoalCapReached(capReachedMessage(held, maxActiveGoals), {
      otherCommittedGoals: held,
      maxActiveGoals,
    });
  const taken: GoalSlotTaken['data'] = {
    employeeId,
    goalId,
    planId,
    submissionNumber,
    takenAt: now.toISOString(),
    maxActiveGoals,
    slotsHeld: held + 1,
    released,
  };
  return [{ type: 'GoalSlotTaken', data: taken }];
};

const evolve = (state: ActiveSetState, event: PlanningEvent): ActiveSetState => {
  if (event.type !== 'GoalSlotTaken') return state;
  const { goalId, submissionNumber, takenAt, released } = event.data;
  const free = new Set(released.map((release) => release.goalId));
  return {
    slots: [
      ...state.slots.filter((slot) => slot.goalId !== goalId && !free.has(slot.goalId)),
      { goalId, submissionNumber, takenAt },
    ],
  };
};

export const activeSetDecider: Decider<TakeSlot, PlanningEvent, ActiveSetState> = {
  initialState: () => ({ slots: [] }),
  evolve,
  decide,
};
