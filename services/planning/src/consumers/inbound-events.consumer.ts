import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ReceivedEvent } from '@talentloop/contracts';
import { DomainError } from '@talentloop/domain-kernel';
import type { EventStore } from '@talentloop/event-store';
import { CLOCK, EVENT_STORE, ServiceLoops, type Clock } from '@talentloop/http';
import { consumerCommandId, consumerGroups } from '@talentloop/messaging';
import type { GoalCommand } from '@talentloop/planning-domain';
import { PLANNING_SETTINGS, type PlanningSettings } from '../planning.settings';
import { PlanningDirectory } from '../projections/planning-directory';
import { activeGoalCapOf } from '../shared/active-goal-cap';
import { runOnGoal } from '../shared/planning.streams';

const PLANNING_CONSUMER_GROUP = consumerGroups.planning.groupId;

/**
 * Turns approvals into active goals and remeasurements into evaluations. Command ids derive
 * from the event id (and goal), so a redelivery appends nothing. A rule that refuses (the
 * cap reached when the approval arrives) is logged, not retried: retrying cannot change it.
 */
@Injectable()
export class InboundEventsConsumer {
  private readonly logger = new Logger('planning-consumer');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLANNING_SETTINGS) private readonly settings: PlanningSettings,
    private readonly directory: PlanningDirectory,
    loops: ServiceLoops,
  ) {
    // Under the service's supervisor: a broker down at start or a crash is retried.
    loops.consume(consumerGroups.planning, (event) => this.handle(event));
  }

  private async handle(event: ReceivedEvent): Promise<void> {
    const { tenantId } = event.metadata;
    if (event.type !== 'GoalApproved' && event.type !== 'Remeasured') return;
    // Slots and active goals are counted from the goals read side: it must include every
    // planning event stored before this one was handled (ADR 0008).
    await this.directory.fresh();
    if (event.type === 'GoalApproved') {
      const { goalId, employeeId, requestId, submissionNumber, checkInCadence } = event.data;
      const goal = await this.directory.goal(tenantId, goalId);
      const otherCommittedGoals = await this.directory.committedGoals(
        tenantId,
        employeeId,
        goalId,
        ['active'],
      );
      const maxActiveGoals = await activeGoalCapOf(
        this.directory,
        this.settings,
        tenantId,
        goal?.state.planId,
      );
      await this.run(event, goalId, (now) => ({
        type: 'ActivateGoal',
        data: {
          approvalRequestId: requestId,
          submissionNumber,
          checkInCadence,
          now,
          otherCommittedGoals,
          maxActiveGoals,
        },
      }));
    } else {
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
