import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  FrameworkNotFound,
  type FrameworkState,
  type FrameworkVersion,
} from '@talentloop/assessment-domain';
import { AssessmentStore } from '../shared/assessment-store';

/** The version asked for, or the latest; FrameworkNotFound when there is none. */
export const publishedVersion = (
  frameworkId: string,
  state: FrameworkState,
  version?: number,
): FrameworkVersion => {
  const found =
    state.status === 'published'
      ? version === undefined
        ? state.versions.at(-1)
        : state.versions.find((published) => published.frameworkVersion === version)
      : undefined;
  if (!found) throw new FrameworkNotFound(frameworkId, version);
  return found;
};

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
    return publishedVersion(
      frameworkId,
      await this.store.framework(tenantId, frameworkId),
      version,
    );
  }
}
