import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { PlanningEvent } from '@talentloop/contracts';
import type { CommandContext, HandleCommandOptions } from '@talentloop/event-store';
import { text } from '@talentloop/i18n';
import {
  dateOf,
  goalDecider,
  planDecider,
  requireOpenPlan,
  type GoalContext,
  type SmartSettings,
  type GoalCommand,
  type GoalState,
  type PlanCommand,
  type PlanState,
} from '@talentloop/planning-domain';
import {
  callerOf,
  DeciderCommand,
  problem,
  type Actor,
  type CommandCaller,
  type DomainCommandOf,
} from '@talentloop/service-kit';
import { PLANNING_SETTINGS, type PlanningSettings } from '../planning.settings';
import { PlanningReadSide, type PlanView } from '../projections/planning-read-side';
import { contextOfGoal } from './goal-context';
import { goalStream, planStream } from './planning.streams';

export const goalNotFound = (goalId: string) =>
  new NotFoundException(problem(404, 'GOAL_NOT_FOUND', text('http.goalNotFound', { goalId })));

/** A goal its stream knows of. */
export type KnownGoal = Exclude<GoalState, { readonly status: 'none' }>;

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

/**
 * The one path every goal command of a caller takes: find the goal in the caller's tenant
 * (404 otherwise), build the domain command from it as the stream read for the decision says
 * (one read), run it on the goal's stream. `commandId`: the request's (`@RequestCommandId()`),
 * so a retry under the same Idempotency-Key runs the command the store already has; a fresh
 * one when none is given.
 */
export const onGoal = (
  actor: Actor,
  goalId: string,
  build: (goal: KnownGoal, context: CommandContext) => GoalCommand | Promise<GoalCommand>,
  commandId?: string,
  options?: GoalOptions,
) =>
  goalCommand(
    callerOf(actor, commandId),
    goalId,
    (state, context) => {
      if (state.status === 'none') throw goalNotFound(goalId);
      return build(state, context);
    },
    options,
  );

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

/** What a goal is SMART-checked against, at submission or after an adjustment. */
export interface SmartCheckBasis {
  readonly context: GoalContext;
  readonly settings: SmartSettings;
  readonly today: string;
}

/** Goal commands that rest on what the read side knows, read while the command runs. */
@Injectable()
export class PlanningCommands {
  constructor(
    private readonly readSide: PlanningReadSide,
    @Inject(PLANNING_SETTINGS) private readonly settings: PlanningSettings,
  ) {}

  /**
   * On a goal of an open plan: one left behind in a closed plan is carried over (409). `build`
   * gets the plan as read for that check.
   */
  inOpenPlan(
    actor: Actor,
    goalId: string,
    build: (
      goal: KnownGoal,
      context: CommandContext,
      plan: PlanView | undefined,
    ) => GoalCommand | Promise<GoalCommand>,
    commandId?: string,
    options?: GoalOptions,
  ) {
    return onGoal(
      actor,
      goalId,
      async (goal, context) => {
        const plan = await this.readSide.plan(actor.tenantId, goal.planId);
        if (plan) requireOpenPlan(plan);
        return build(goal, context, plan);
      },
      commandId,
      options,
    );
  }

  /** The goal's own target, gap and motivation as the read side knows them, on today's date. */
  async smartCheckOf(tenantId: string, goal: KnownGoal, now: Date): Promise<SmartCheckBasis> {
    return {
      context: await contextOfGoal(this.readSide, tenantId, goal),
      settings: this.settings.smart,
      today: dateOf(now),
    };
  }
}
