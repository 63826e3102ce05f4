import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { PlanningEvent } from '@talentloop/contracts';
import type { EventStore } from '@talentloop/event-store';
import { EVENT_STORE, problem, type Actor, CLOCK, type Clock } from '@talentloop/http';
import type { GoalCommand } from '@talentloop/planning-domain';
import { randomUUID } from 'node:crypto';

import { PlanningDirectory, type GoalView } from '../projections/planning-directory';
import { runOnGoal } from './planning.streams';

export const goalNotFound = (goalId: string) =>
  new NotFoundException(problem(404, 'GOAL_NOT_FOUND', `no goal ${goalId}`));

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

  /** Which submission approval rejected, if any: the domain reads it as the 'rejected' phase. */
  async knownRejection(
    actor: Actor,
    goalId: string,
  ): Promise<{ readonly rejectedSubmission?: number }> {
    const rejection = await this.directory.rejectionOf(actor.tenantId, goalId);
    return rejection ? { rejectedSubmission: rejection.submissionNumber } : {};
  }

  /**
   * `commandId`: the request's (`@RequestCommandId()`), so a retry under the same
   * Idempotency-Key runs the command the store already has; a fresh one when none is given.
   */
  async run(
    actor: Actor,
    goalId: string,
    command: (view: GoalView, now: Date) => GoalCommand | Promise<GoalCommand>,
    commandId: string = randomUUID(),
  ): Promise<readonly PlanningEvent[]> {
    const view = await this.known(actor, goalId);
    const now = this.clock.now();
    const { events } = await runOnGoal(this.store, goalId, await command(view, now), {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      commandId,
      now,
    });
    return events;
  }
}
