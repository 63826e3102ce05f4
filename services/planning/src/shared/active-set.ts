import { Inject, Injectable } from '@nestjs/common';
import {
  handleCommand,
  retryingConflicts,
  type CommandContext,
  type EventStore,
} from '@talentloop/event-store';
import { EVENT_STORE } from '@talentloop/service-kit';
import {
  ActiveGoalCapReached,
  activeSetDecider,
  holdsSlot,
  releaseOf,
  type ActiveSetState,
  type GoalStanding,
} from '@talentloop/planning-domain';
import { PlanningReadSide } from '../projections/planning-read-side';
import { activeSetStream } from './planning.streams';

export interface SlotRequest {
  readonly employeeId: string;
  readonly goalId: string;
  readonly planId: string;
  readonly submissionNumber: number;
  readonly maxActiveGoals: number;
}

/**
 * Takes a submission's slot in the employee's active set (ADR 0010). Concurrent submissions
 * of one employee meet on the stream's expected revision; the loser reads again and decides
 * again, so the cap holds however many arrive at once, and as many as fit are accepted.
 */
@Injectable()
export class ActiveSet {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readSide: PlanningReadSide,
  ) {}

  /** Resolves once the slot is held; ActiveGoalCapReached (409) when none is free. */
  async takeSlot(request: SlotRequest, context: CommandContext): Promise<void> {
    const { tenantId, employeeId } = { ...context, ...request };
    try {
      await this.take(request, context, await this.readSide.standingsOf(tenantId, employeeId));
    } catch (error) {
      if (!(error instanceof ActiveGoalCapReached)) throw error;
      // Full by the documents: a goal withdrawn a moment ago may not be in them yet. Decide
      // once more on documents that include every planning event stored so far.
      await this.readSide.fresh();
      await this.take(request, context, await this.readSide.standingsOf(tenantId, employeeId));
    }
  }

  private async take(
    request: SlotRequest,
    context: CommandContext,
    standings: ReadonlyMap<string, GoalStanding>,
  ) {
    const { tenantId } = context;
    const once = (commandId: string) =>
      retryingConflicts(() =>
        handleCommand(
          this.store,
          activeSetDecider,
          activeSetStream(tenantId, request.employeeId),
          async (state) => ({
            type: 'TakeSlot' as const,
            data: {
              ...request,
              now: context.now,
              standings: await this.settled(tenantId, state, standings, context.now),
            },
          }),
          { ...context, commandId },
        ),
      );
    const { state } = await once(context.commandId);
    // A retried request finds the slot its first attempt took; if that was since released as
    // abandoned (the first attempt never reached the goal), it takes one anew.
    if (!holdsSlot(state, request.goalId, request.submissionNumber))
      await once(`${context.commandId}:again:${state.slots.length}`);
  }

  /**
   * The documents' standings, with the goal's own stream asked where they would free a slot
   * as abandoned: a submission that did land must never be taken for one that did not.
   */
  private async settled(
    tenantId: string,
    state: ActiveSetState,
    standings: ReadonlyMap<string, GoalStanding>,
    now: Date,
  ): Promise<ReadonlyMap<string, GoalStanding>> {
    const doubtful = state.slots.filter(
      (slot) => releaseOf(slot, standings.get(slot.goalId), now) === 'abandoned',
    );
    if (doubtful.length === 0) return standings;
    const settled = new Map(standings);
    for (const slot of doubtful) {
      const standing = await this.readSide.standingOf(tenantId, slot.goalId);
      if (standing) settled.set(slot.goalId, standing);
      else settled.delete(slot.goalId);
    }
    return settled;
  }
}
