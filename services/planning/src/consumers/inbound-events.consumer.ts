import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ReceivedEvent } from '@talentloop/contracts';
import { DomainError } from '@talentloop/domain-kernel';
import type { EventStore } from '@talentloop/event-store';
import { CLOCK, EVENT_STORE, ServiceLoops, type Clock } from '@talentloop/http';
import { consumerCommandId, consumerGroups } from '@talentloop/messaging';
import type { GoalCommand } from '@talentloop/planning-domain';
import { PlanningDirectory } from '../projections/planning-directory';
import { runOnGoal } from '../shared/planning.streams';

const PLANNING_CONSUMER_GROUP = consumerGroups.planning.groupId;

/**
 * Turns approvals into active goals and remeasurements into evaluations. Command ids derive
 * from the event id (and goal), so a redelivery appends nothing. A rule that refuses is
 * logged, not retried: retrying cannot change it.
 */
@Injectable()
export class InboundEventsConsumer {
  private readonly logger = new Logger('planning-consumer');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: PlanningDirectory,
    loops: ServiceLoops,
  ) {
    // Under the service's supervisor: a broker down at start or a crash is retried.
    loops.consume(consumerGroups.planning, (event) => this.handle(event));
  }

  private async handle(event: ReceivedEvent): Promise<void> {
    const { tenantId } = event.metadata;
    if (event.type === 'GoalApproved') {
      // No cap to check: the approved submission took its slot when it was submitted.
      const { goalId, requestId, submissionNumber, checkInCadence } = event.data;
      await this.run(event, goalId, (now) => ({
        type: 'ActivateGoal',
        data: { approvalRequestId: requestId, submissionNumber, checkInCadence, now },
      }));
    } else if (event.type === 'Remeasured') {
      // Active goals are found in the goals read side: it must include every planning event
      // stored before this one was handled (ADR 0008).
      await this.directory.fresh();
      const { employeeId, competencyId } = event.data;
      const goals = (await this.directory.goalsOf(tenantId, employeeId)).filter(
        (goal) =>
          goal.state.status === 'active' && goal.state.content.target.competencyId === competencyId,
      );
      for (const goal of goals)
        await this.run(event, goal.state.goalId, () => ({
          type: 'EvaluateGoal',
          data: { remeasured: event.data },
        }));
    }
  }

  private async run(event: ReceivedEvent, goalId: string, command: (now: Date) => GoalCommand) {
    const now = this.clock.now();
    try {
      await runOnGoal(this.store, goalId, command(now), {
        tenantId: event.metadata.tenantId,
        actorId: event.metadata.actorId,
        commandId: consumerCommandId(PLANNING_CONSUMER_GROUP, `${event.id}:${goalId}`),
        now,
        correlationId: event.metadata.correlationId ?? event.id,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`${event.type} on goal ${goalId} refused: ${error.message}`);
    }
  }
}
