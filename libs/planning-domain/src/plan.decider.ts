import type { PlanningEvent, PlanStarted } from '@talentloop/contracts';
import type { Decider } from '@talentloop/domain-kernel';

export type PlanState =
  | { readonly status: 'none' }
  | { readonly status: 'started'; readonly employeeId: string; readonly maxActiveGoals: number };

export type PlanCommand = { readonly type: 'StartPlan'; readonly data: PlanStarted['data'] };

/** One plan per employee and cycle: starting it again is a retry and changes nothing. */
export const planDecider: Decider<PlanCommand, PlanningEvent, PlanState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) =>
    event.type === 'PlanStarted'
      ? {
          status: 'started',
          employeeId: event.data.employeeId,
          maxActiveGoals: event.data.maxActiveGoals,
        }
      : state,
  decide: (command, state) =>
    state.status === 'none' ? [{ type: 'PlanStarted', data: command.data }] : [],
};
