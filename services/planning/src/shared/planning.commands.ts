import type { PlanningEvent } from '@talentloop/contracts';
import type { CommandContext, HandleCommandOptions } from '@talentloop/event-store';
import {
  goalDecider,
  planDecider,
  type GoalCommand,
  type GoalState,
  type PlanCommand,
  type PlanState,
} from '@talentloop/planning-domain';
import {
  callerOf,
  DeciderCommand,
  type Actor,
  type CommandCaller,
  type DomainCommandOf,
} from '@talentloop/service-kit';
import { goalStream, planStream } from './planning.streams';

type GoalOptions = (context: CommandContext) => HandleCommandOptions<PlanningEvent, GoalState>;

/**
 * A decider command on a goal's stream, with no 404 for a goal not there: a draft's, a carry-over's
 * or a consumer's (whose refusals are logged).
 */
export const goalCommand = (
  caller: CommandCaller,
  goalId: string,
  command: DomainCommandOf<GoalCommand, GoalState>,
  options?: GoalOptions,
) => new DeciderCommand(goalDecider, goalStream(caller.tenantId, goalId), command, caller, options);

/** A plan command of a caller, under the request's command id. */
export const onPlan = (
  actor: Actor,
  planId: string,
  command: DomainCommandOf<PlanCommand, PlanState>,
  commandId?: string,
) =>
  new DeciderCommand(
    planDecider,
    planStream(actor.tenantId, planId),
    command,
    callerOf(actor, commandId),
  );
