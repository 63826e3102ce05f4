import type { PlanClosed, PlanningEvent, PlanStarted } from '@talentloop/contracts';
import { assertNever, type Decider } from '@talentloop/domain-kernel';
import { text } from '@talentloop/i18n';
import { PlanAlreadyClosed, PlanHasCommittedGoals, PlanNotFound } from './goal.errors';
import { committedGoalsOf, planSummaryOf, type ClosingGoal } from './plan-summary';

export interface PlanRecord {
  readonly planId: string;
  readonly employeeId: string;
  readonly cycle: string | null;
  readonly maxActiveGoals: number;
  readonly previousPlanId: string | null;
}

export type PlanState =
  | { readonly status: 'none' }
  | (PlanRecord & { readonly status: 'open' })
  | (PlanRecord & { readonly status: 'closed'; readonly closed: PlanClosed['data'] });

export type PlanCommand =
  | { readonly type: 'StartPlan'; readonly data: PlanStarted['data'] }
  | {
      readonly type: 'ClosePlan';
      readonly data: {
        /** Every goal whose plan this is now, as its stream says. */
        readonly goals: readonly ClosingGoal[];
        /** Goals that left this plan for the next one before it closed. */
        readonly carriedOver: number;
        readonly closedAt: string;
      };
    };

/** The plan takes new goals only while it is open. */
export const requireOpenPlan = (state: PlanState): PlanRecord & { readonly status: 'open' } => {
  if (state.status === 'none') throw new PlanNotFound(text('planning.planNotFound'));
  if (state.status === 'closed')
    throw new PlanAlreadyClosed(text('planning.planClosed', { closedAt: state.closed.closedAt }));
  return state;
};

const decide = (command: PlanCommand, state: PlanState): readonly PlanningEvent[] => {
  switch (command.type) {
    case 'StartPlan':
      // One plan per employee and cycle: starting it again is a retry and changes nothing.
      return state.status === 'none' ? [{ type: 'PlanStarted', data: command.data }] : [];
    case 'ClosePlan': {
      if (state.status === 'none') throw new PlanNotFound(text('planning.planNotFound'));
      // Closing twice is a retry: the summary stays the one taken when it closed.
      if (state.status === 'closed') return [];
      const committed = committedGoalsOf(command.data.goals);
      if (committed.length > 0)
        throw new PlanHasCommittedGoals(
          `the plan cannot close while goals await a decision or remeasurement: ${committed
            .map((goal) => `${goal.goalId} "${goal.title}" (${goal.phase})`)
            .join(', ')}; withdraw them or carry them over to the next plan`,
          { committedGoals: committed },
        );
      const { goals, carriedOver, closedAt } = command.data;
      return [
        {
          type: 'PlanClosed',
          data: {
            planId: state.planId,
            employeeId: state.employeeId,
            closedAt,
            ...planSummaryOf(goals, carriedOver),
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: PlanState, event: PlanningEvent): PlanState => {
  if (event.type === 'PlanStarted') {
    const { planId, employeeId, cycle, maxActiveGoals, previousPlanId } = event.data;
    return { status: 'open', planId, employeeId, cycle, maxActiveGoals, previousPlanId };
  }
  if (event.type === 'PlanClosed' && state.status === 'open')
    return { ...state, status: 'closed', closed: event.data };
  return state;
};

export const planDecider: Decider<PlanCommand, PlanningEvent, PlanState> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};
