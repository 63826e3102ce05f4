import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { PlanningEvent } from '@talentloop/contracts';
import type { EventStore } from '@talentloop/event-store';
import { EVENT_STORE, problem, type Actor, CLOCK, type Clock } from '@talentloop/http';
import type { GoalCommand } from '@talentloop/planning-domain';
import { randomUUID } from 'node:crypto';

import { PlanningDirectory, type GoalView } from '../projections/planning-directory';
import { runOnGoal } from './planning.streams';

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

  known(actor: Actor, goalId: string): GoalView {
    const view = this.directory.goal(actor.tenantId, goalId);
    if (!view) throw new NotFoundException(problem(404, 'GOAL_NOT_FOUND', `no goal ${goalId}`));
    return view;
  }

  /** Which submission approval rejected, if any: the domain reads it as the 'rejected' phase. */
  knownRejection(actor: Actor, goalId: string): { readonly rejectedSubmission?: number } {
    const rejection = this.directory.rejectionOf(actor.tenantId, goalId);
    return rejection ? { rejectedSubmission: rejection.submissionNumber } : {};
  }

  async run(
    actor: Actor,
    goalId: string,
    command: (view: GoalView, now: Date) => GoalCommand,
  ): Promise<readonly PlanningEvent[]> {
    const view = this.known(actor, goalId);
    const now = this.clock.now();
    const { events } = await runOnGoal(this.store, goalId, command(view, now), {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      commandId: randomUUID(),
      now,
    });
    return events;
  }
}
