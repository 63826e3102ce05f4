import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { PlanningEvent } from '@talentloop/contracts';
import type { CommandContext, EventStore, HandleCommandOptions } from '@talentloop/event-store';
import { EVENT_STORE, problem, type Actor, CLOCK, type Clock } from '@talentloop/service-kit';
import type { GoalCommand, GoalState } from '@talentloop/planning-domain';
import { randomUUID } from 'node:crypto';

import { PlanningDirectory, type GoalView } from '../projections/planning-directory';
import { runOnGoal } from './planning.streams';
import { text } from '@talentloop/i18n';

export const goalNotFound = (goalId: string) =>
  new NotFoundException(problem(404, 'GOAL_NOT_FOUND', text('http.goalNotFound', { goalId })));

/**
 * The one path every goal command of a caller takes: find the goal in the caller's tenant
 * (404 otherwise), build the domain command from it, run it on the goal's stream.
 */
@Injectable()
export class GoalCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) readonly clock: Clock,
    readonly directory: PlanningDirectory,
  ) {}

  /** The goal as its stream says now, in the caller's tenant; 404 otherwise. */
  async known(actor: Actor, goalId: string): Promise<GoalView> {
    const view = await this.directory.goal(actor.tenantId, goalId);
    if (!view) throw goalNotFound(goalId);
    return view;
  }

  /**
   * `commandId`: the request's (`@RequestCommandId()`), so a retry under the same
   * Idempotency-Key runs the command the store already has; a fresh one when none is given.
   * The command is built from the goal as the stream read for the decision says (one read).
   */
  async run(
    actor: Actor,
    goalId: string,
    command: (view: GoalView, now: Date) => GoalCommand | Promise<GoalCommand>,
    commandId: string = randomUUID(),
    options?: (context: CommandContext) => HandleCommandOptions<PlanningEvent, GoalState>,
  ): Promise<readonly PlanningEvent[]> {
    const now = this.clock.now();
    const context = { tenantId: actor.tenantId, actorId: actor.userId, commandId, now };
    const { events } = await runOnGoal(
      this.store,
      goalId,
      (state) => {
        if (state.status === 'none') throw goalNotFound(goalId);
        return command({ tenantId: actor.tenantId, state }, now);
      },
      context,
      options?.(context),
    );
    return events;
  }
}
