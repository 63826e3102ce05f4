import { streamName } from '@talentloop/contracts';
import { handleCommand, type CommandContext, type EventStore } from '@talentloop/event-store';
import {
  goalDecider,
  planDecider,
  type GoalCommand,
  type PlanCommand,
} from '@talentloop/planning-domain';

export const goalStream = (tenantId: string, goalId: string): string =>
  streamName({ context: 'planning', aggregate: 'goal', tenantId, id: goalId });

export const planStream = (tenantId: string, planId: string): string =>
  streamName({ context: 'planning', aggregate: 'plan', tenantId, id: planId });

export const runOnGoal = (
  store: EventStore,
  goalId: string,
  command: GoalCommand,
  context: CommandContext,
) => handleCommand(store, goalDecider, goalStream(context.tenantId, goalId), command, context);

export const runOnPlan = (
  store: EventStore,
  planId: string,
  command: PlanCommand,
  context: CommandContext,
) => handleCommand(store, planDecider, planStream(context.tenantId, planId), command, context);
