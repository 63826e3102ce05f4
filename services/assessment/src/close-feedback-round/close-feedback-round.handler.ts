import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { FeedbackRound } from '@talentloop/assessment-domain';
import type { Actor } from '@talentloop/service-kit';
import { AssessmentStore } from '../shared/assessment-store';
import { commandContext, contentId } from '../shared/request-context';
import type { CloseFeedbackRoundDto } from './close-feedback-round.dto';

/** Answers the aggregated round only: individual answers never leave this handler. */
export class CloseFeedbackRoundCommand extends Command<FeedbackRound | undefined> {
  constructor(
    readonly actor: Actor,
    readonly employeeId: string,
    readonly body: CloseFeedbackRoundDto,
  ) {
    super();
  }
}

@CommandHandler(CloseFeedbackRoundCommand)
export class CloseFeedbackRoundHandler implements ICommandHandler<CloseFeedbackRoundCommand> {
  constructor(private readonly store: AssessmentStore) {}

  async execute({ actor, employeeId, body }: CloseFeedbackRoundCommand) {
    const { roundId, competencyId, closedAt, invitedCount, aptitude, answers } = body;
    const { state } = await this.store.onEmployee(
      employeeId,
      (reference) => ({
        type: 'CloseFeedbackRound',
        data: {
          employeeId,
          roundId,
          measurementId: contentId('msr', actor.tenantId, employeeId, roundId),
          competencyId,
          closedAt,
          invitedCount,
          aptitude,
          answers: answers.map(({ raterId, group, indicatorId, score }) => ({
            raterId,
            group,
            indicatorId,
            score,
          })),
          reference,
        },
      }),
      commandContext(actor, `CloseFeedbackRound:${roundId}`),
    );
    return state.status === 'synced'
      ? state.rounds.find((round) => round.roundId === roundId)
      : undefined;
  }
}
