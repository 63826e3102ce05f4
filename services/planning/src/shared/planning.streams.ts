import { streamName, type PlanningEvent } from '@talentloop/contracts';
import {
  handleCommand,
  type CommandContext,
  type EventStore,
  type HandleCommandOptions,
} from '@talentloop/event-store';
import { goalDecider, type GoalCommand, type GoalState } from '@talentloop/planning-domain';

export const goalStream = (tenantId: string, goalId: string): string =>
  streamName({ context: 'planning', aggregate: 'goal', tenantId, id: goalId });

export const planStream = (tenantId: string, planId: string): string =>
  streamName({ context: 'planning', aggregate: 'plan', tenantId, id: planId });

/** An employee's active set: the goals holding their slots, where concurrent submissions meet. */
export const activeSetStream = (tenantId: string, employeeId: string): string =>
  streamName({ context: 'planning', aggregate: 'activeSet', tenantId, id: employeeId });

export const runOnGoal = (
  store: EventStore,
  goalId: string,
  command: GoalCommand | ((state: GoalState) => GoalCommand | Promise<GoalCommand>),
  context: CommandContext,
  options?: HandleCommandOptions<PlanningEvent, GoalState>,
) =>
  handleCommand(
    store,
    goalDecider,
    goalStream(context.tenantId, goalId),
    command,
    context,
    options,
  );
