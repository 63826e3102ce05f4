import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ReceivedEvent } from '@talentloop/contracts';
import { DomainError } from '@talentloop/domain-kernel';
import { ServiceLoops, type DomainCommandOf } from '@talentloop/service-kit';
import { consumerCommandId, consumerGroups } from '@talentloop/messaging';
import { goalMeasurementOf, type GoalCommand, type GoalState } from '@talentloop/planning-domain';
import { PlanningReadSide } from '../projections/planning-read-side';
import { goalCommand } from '../shared/planning.commands';

const PLANNING_CONSUMER_GROUP = consumerGroups.planning.groupId;

/**
 * Turns approvals into active goals (freezing their baseline), rejections into the goal's
 * rejected submission, approval's decisions on adjustments into their acknowledgement or
 * refusal, and measurements into progress or evaluations. Command ids derive from the event
 * id (and goal), so a redelivery appends nothing. A rule that refuses is logged, not
 * retried: retrying cannot change it.
 */
@Injectable()
export class InboundEventsConsumer {
  private readonly logger = new Logger('planning-consumer');

  constructor(
    private readonly commands: CommandBus,
    private readonly readSide: PlanningReadSide,
    loops: ServiceLoops,
  ) {
    // Under the service's supervisor: a broker down at start or a crash is retried.
    loops.consume(consumerGroups.planning, (event) => this.handle(event), [
      'GoalApproved',
      'GoalRejected',
      'AdjustmentApproved',
      'AdjustmentRejected',
      'MeasurementRecorded',
    ]);
  }

  private async handle(event: ReceivedEvent): Promise<void> {
    const { tenantId } = event.metadata;
    if (event.type === 'GoalApproved') {
      // No cap to check: the approved submission took its slot when it was submitted.
      const { goalId, requestId, submissionNumber, checkInCadence } = event.data;
      // The baseline is read from the goal's own state, as the command is decided on it.
      await this.run(event, goalId, async (state, { now }) => ({
        type: 'ActivateGoal',
        data: {
          approvalRequestId: requestId,
          submissionNumber,
          checkInCadence,
          now,
          baseline: await this.baselineOf(tenantId, state),
        },
      }));
    } else if (event.type === 'GoalRejected') {
      // On the goal's own stream, ids only: the feedback stays on approval's event, sealed.
      const { goalId, requestId, submissionNumber, decidedBy } = event.data;
      await this.run(event, goalId, () => ({
        type: 'RejectSubmission',
        data: {
          approvalRequestId: requestId,
          submissionNumber,
          rejectedBy: decidedBy,
          rejectedAt: event.metadata.occurredAt,
        },
      }));
    } else if (event.type === 'AdjustmentApproved') {
      const { goalId, adjustmentId, decidedBy } = event.data;
      await this.run(event, goalId, {
        type: 'AcknowledgeAdjustment',
        data: { adjustmentId, acknowledgedBy: decidedBy },
      });
    } else if (event.type === 'AdjustmentRejected') {
      // The feedback is the refusal's reason; the fields the adjustment changed are set back.
      const { goalId, adjustmentId, decidedBy, feedback } = event.data;
      await this.run(event, goalId, {
        type: 'RefuseAdjustment',
        data: { adjustmentId, reason: feedback, refusedBy: decidedBy },
      });
    } else if (event.type === 'MeasurementRecorded') {
      // Any instrument, a closed 360° round included: progress on the active goals of that
      // target, or their evaluation once the deadline is reached. Active goals are found in
      // the goals read side: it must include every planning event stored before this one
      // was handled (ADR 0008).
      await this.readSide.fresh();
      const { employeeId, competencyId } = event.data;
      const goals = (await this.readSide.goalsOf(tenantId, employeeId)).filter(
        (goal) =>
          goal.state.status === 'active' && goal.state.content.target.competencyId === competencyId,
      );
      const measurement = goalMeasurementOf(event.data);
      for (const goal of goals)
        await this.run(event, goal.state.goalId, {
          type: 'MeasureProgress',
          data: { measurement },
        });
    }
  }

  /** The employee's latest measurement of the goal's target, frozen when it becomes active. */
  private async baselineOf(tenantId: string, state: GoalState) {
    if (state.status === 'none') return null;
    const latest = await this.readSide.latestMeasurement(
      tenantId,
      state.employeeId,
      state.content.target.competencyId,
    );
    return latest ? goalMeasurementOf(latest) : null;
  }

  private async run(
    event: ReceivedEvent,
    goalId: string,
    command: DomainCommandOf<GoalCommand, GoalState>,
  ) {
    const caller = {
      tenantId: event.metadata.tenantId,
      actorId: event.metadata.actorId,
      commandId: consumerCommandId(PLANNING_CONSUMER_GROUP, `${event.id}:${goalId}`),
      correlationId: event.metadata.correlationId ?? event.id,
    };
    try {
      await this.commands.execute(goalCommand(caller, goalId, command));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`${event.type} on goal ${goalId} refused: ${error.message}`);
    }
  }
}
