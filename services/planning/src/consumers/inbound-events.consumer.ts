import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { ReceivedEvent } from '@talentloop/contracts';
import { DomainError } from '@talentloop/domain-kernel';
import type { EventStore } from '@talentloop/event-store';
import { EVENT_STORE, MESSAGE_BUS, CLOCK, type Clock } from '@talentloop/http';
import {
  consumerCommandId,
  subscribeToEvents,
  type BusConsumer,
  type MessageBus,
} from '@talentloop/messaging';
import type { GoalCommand } from '@talentloop/planning-domain';
import { PLANNING_SETTINGS, type PlanningSettings } from '../planning.settings';
import { consumedContexts, PlanningDirectory } from '../projections/planning-directory';
import { activeGoalCapOf } from '../shared/active-goal-cap';
import { runOnGoal } from '../shared/planning.streams';

const PLANNING_CONSUMER_GROUP = 'planning';

/**
 * Turns approvals into active goals and remeasurements into evaluations. Command ids derive
 * from the event id (and goal), so a redelivery appends nothing. A rule that refuses (the
 * cap reached when the approval arrives) is logged, not retried: retrying cannot change it.
 */
@Injectable()
export class InboundEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: BusConsumer | undefined;
  private readonly logger = new Logger('planning-consumer');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLANNING_SETTINGS) private readonly settings: PlanningSettings,
    private readonly directory: PlanningDirectory,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await subscribeToEvents(this.bus, {
      groupId: PLANNING_CONSUMER_GROUP,
      contexts: consumedContexts,
      handler: (event) => this.handle(event),
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  private async handle(event: ReceivedEvent): Promise<void> {
    const { tenantId } = event.metadata;
    if (event.type === 'GoalApproved') {
      const { goalId, employeeId, requestId, submissionNumber, checkInCadence } = event.data;
      const goal = this.directory.goal(tenantId, goalId);
      await this.run(event, goalId, (now) => ({
        type: 'ActivateGoal',
        data: {
          approvalRequestId: requestId,
          submissionNumber,
          checkInCadence,
          now,
          otherCommittedGoals: this.directory.committedGoals(tenantId, employeeId, goalId, [
            'active',
          ]),
          maxActiveGoals: activeGoalCapOf(
            this.directory,
            this.settings,
            tenantId,
            goal?.state.planId,
          ),
        },
      }));
    } else if (event.type === 'Remeasured') {
      const { employeeId, competencyId } = event.data;
      const goals = this.directory
        .goalsOf(tenantId, employeeId)
        .filter(
          (goal) =>
            goal.state.status === 'active' &&
            goal.state.content.target.competencyId === competencyId,
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
