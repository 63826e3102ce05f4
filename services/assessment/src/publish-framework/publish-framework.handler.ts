import {
  Command,
  CommandHandler,
  type ICommandHandler,
  Query,
  QueryHandler,
  type IQueryHandler,
} from '@nestjs/cqrs';
import {
  FrameworkNotFound,
  frameworkDecider,
  latestVersion,
  type FrameworkVersion,
} from '@talentloop/assessment-domain';
import type { Actor } from '@talentloop/service-kit';
import { AssessmentStore } from '../shared/assessment-store';
import { commandContext } from '../shared/request-context';
import type { PublishFrameworkDto } from './publish-framework.dto';

export class PublishFrameworkCommand extends Command<FrameworkVersion> {
  constructor(
    readonly actor: Actor,
    readonly frameworkId: string,
    readonly body: PublishFrameworkDto,
    readonly commandId: string,
  ) {
    super();
  }
}

@CommandHandler(PublishFrameworkCommand)
export class PublishFrameworkHandler implements ICommandHandler<PublishFrameworkCommand> {
  constructor(private readonly store: AssessmentStore) {}

  async execute({ actor, frameworkId, body, commandId }: PublishFrameworkCommand) {
    const { state } = await this.store.run(
      frameworkDecider,
      'framework',
      frameworkId,
      { type: 'PublishFramework', data: { frameworkId, ...body } },
      commandContext(actor, commandId),
    );
    const published = latestVersion(state);
    // Unreachable after a successful publish; keeps the result type honest without a cast.
    if (!published) throw new FrameworkNotFound(frameworkId);
    return published;
  }
}

/** A published version, or the latest when no version is asked for. */
export class GetFrameworkQuery extends Query<FrameworkVersion> {
  constructor(
    readonly tenantId: string,
    readonly frameworkId: string,
    readonly version: number | undefined,
  ) {
    super();
  }
}

@QueryHandler(GetFrameworkQuery)
export class GetFrameworkHandler implements IQueryHandler<GetFrameworkQuery> {
  constructor(private readonly store: AssessmentStore) {}

  async execute({ tenantId, frameworkId, version }: GetFrameworkQuery) {
    const state = await this.store.framework(tenantId, frameworkId);
    const found =
      state.status === 'published'
        ? version === undefined
          ? state.versions.at(-1)
          : state.versions.find((published) => published.frameworkVersion === version)
        : undefined;
    if (!found) throw new FrameworkNotFound(frameworkId, version);
    return found;
  }
}
