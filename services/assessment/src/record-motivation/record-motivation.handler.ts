import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { MotivationRecorded } from '@talentloop/contracts';
import type { Actor } from '@talentloop/service-kit';
import { AssessmentStore } from '../shared/assessment-store';
import { commandContext } from '../shared/request-context';
import type { RecordMotivationDto } from './record-motivation.dto';

export class RecordMotivationCommand extends Command<MotivationRecorded['data'] | undefined> {
  constructor(
    readonly actor: Actor,
    readonly employeeId: string,
    readonly competencyId: string,
    readonly body: RecordMotivationDto,
  ) {
    super();
  }
}

@CommandHandler(RecordMotivationCommand)
export class RecordMotivationHandler implements ICommandHandler<RecordMotivationCommand> {
  constructor(private readonly store: AssessmentStore) {}

  async execute({ actor, employeeId, competencyId, body }: RecordMotivationCommand) {
    const { state } = await this.store.onEmployee(
      employeeId,
      (reference) => ({
        type: 'RecordMotivation',
        data: { employeeId, competencyId, energy: body.energy, note: body.note, reference },
      }),
      commandContext(actor),
    );
    return state.status === 'synced' ? state.motivations[competencyId] : undefined;
  }
}
